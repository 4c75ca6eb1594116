/**
 * WebSocket close codes the relay uses. The y-websocket 3.x client treats 4400–4499 as permanent
 * (it stops reconnecting and emits `closed` with the code) and every other code as transient
 * (it reconnects with backoff). We follow that split: 44xx means "reconnecting cannot fix this",
 * 45xx means "try again later". Auth failures (4401, 4403, 4410) are preceded by a y-protocols
 * auth `permission-denied` message whose reason is the same string as the close reason.
 */
export const CloseCode = {
  /** Standard: the relay is shutting down (SIGTERM/SIGINT); reconnect later. */
  GOING_AWAY: 1001,
  /** Standard, sent by `ws` itself: a frame exceeded the configured size limit (RAPPORT_MAX_FRAME_BYTES). */
  MESSAGE_TOO_BIG: 1009,
  /** Standard: the relay failed internally (a storage write failed; nothing of it was broadcast). */
  INTERNAL_ERROR: 1011,

  /** The path is not `/sync/<spaceId>` with a well-formed space id (`..`, encodings, extra segments). */
  INVALID_ROOM: 4400,
  /** No token in the `token` query parameter nor in Sec-WebSocket-Protocol. */
  TOKEN_REQUIRED: 4401,
  /** The token is malformed, unknown, wrong, or belongs to another space. */
  TOKEN_INVALID: 4403,
  /** The token's device was revoked (at connect time, or while connected). */
  DEVICE_REVOKED: 4410,
  /** A text frame: the protocol is binary only. */
  UNSUPPORTED_DATA: 4415,
  /** A message that does not decode, has an unknown type, or whose update/awareness fails to apply. */
  INVALID_MESSAGE: 4422,

  /** Too many connections (relay-wide, per space or per address); try again later. */
  TOO_MANY_CONNECTIONS: 4503,
  /** The reader fell too far behind (send buffer over its limit); reconnect and resync. */
  SLOW_CONSUMER: 4508,
  /** The connection sent messages or bytes faster than its limits (RAPPORT_MSG_PER_SEC / _BURST, RAPPORT_BYTES_PER_SEC). */
  RATE_LIMITED: 4529,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** Close reasons (≤ 123 bytes) sent with each code; also the permission-denied reason. */
export const CloseReason: Readonly<Record<CloseCodeName, string>> = {
  GOING_AWAY: 'relay-shutting-down',
  MESSAGE_TOO_BIG: 'frame-too-large',
  INTERNAL_ERROR: 'internal-error',
  INVALID_ROOM: 'invalid-room',
  TOKEN_REQUIRED: 'token-required',
  TOKEN_INVALID: 'token-invalid',
  DEVICE_REVOKED: 'device-revoked',
  UNSUPPORTED_DATA: 'text-frame',
  INVALID_MESSAGE: 'invalid-message',
  TOO_MANY_CONNECTIONS: 'too-many-connections',
  SLOW_CONSUMER: 'slow-consumer',
  RATE_LIMITED: 'rate-limited',
};

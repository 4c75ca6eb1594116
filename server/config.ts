import path from 'node:path';

/** Everything the relay can be told from its environment, parsed once at start. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly staticDir: string;
  /** Extra origins allowed in CSP connect-src (e.g. a relay on another host). */
  readonly relayOrigins: readonly string[];
  /** When set, POST /api/spaces must carry it. */
  readonly inviteCode: string | null;
  /** Required as a bearer token by GET /metrics; without it, only this machine may read the metrics. */
  readonly metricsToken: string | null;
  readonly limits: Limits;
  /** SQLite `synchronous` pragma: NORMAL survives a killed process, FULL also a power cut. */
  readonly sqliteSync: 'NORMAL' | 'FULL';
  readonly push: PushConfig;
  /** PostgreSQL and Redis for several nodes serving the same spaces; null: one node on SQLite. */
  readonly cluster: ClusterConfig | null;
}

export interface ClusterConfig {
  /** RAPPORT_DATABASE_URL: where spaces, devices, pairings and updates are stored. */
  readonly databaseUrl: string;
  /** RAPPORT_REDIS_URL: carries updates, awareness and revocations between nodes. */
  readonly redisUrl: string;
}

interface PushConfig {
  /** VAPID contact (mailto: or https:) that push services may use to reach the relay's operator. */
  readonly subject: string;
  /**
   * Tests only: also accept http(s) endpoints on a loopback address, so a fake push service on
   * 127.0.0.1 can stand in. Off by default; never set it on a relay others use.
   */
  readonly allowLocalHttp: boolean;
  /** Schedules (set or drop) per device per hour; the device debounces, this is the backstop. */
  readonly schedulesPerHour: number;
}

export interface Limits {
  /** Largest accepted WebSocket frame from an authenticated device (bytes). */
  readonly maxFrameBytes: number;
  /** Per-connection token bucket: burst size and refill per second. */
  readonly messageBurst: number;
  readonly messagesPerSecond: number;
  /** Per-connection token bucket on received bytes: refill per second (burst: two max frames). */
  readonly bytesPerSecond: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerSpace: number;
  readonly maxConnectionsPerIp: number;
  /** Space creations per IP per hour. */
  readonly spaceCreationsPerHour: number;
  /** Pairing attempts (create or redeem) per IP per 10 minutes. */
  readonly pairingAttemptsPer10Min: number;
  /** A space with no connections is dropped from memory after this long. */
  readonly idleUnloadMs: number;
  /** Stored update rows after which a space is compacted into one snapshot. */
  readonly compactAfterUpdates: number;
  /** A silent connection gets a no-op message after this long (client drops at 30 s). */
  readonly keepaliveMs: number;
  /** Unanswered ping after this long terminates the socket. */
  readonly pingTimeoutMs: number;
  /** Bytes queued for a slow reader before it is cut off. */
  readonly maxBufferedBytes: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function list(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return raw
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const ORIGIN = /^(https?|wss?):\/\/[A-Za-z0-9.\-[\]:]+$/;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const relayOrigins = list(env['RAPPORT_RELAY_ORIGINS']);
  for (const origin of relayOrigins) {
    // An origin lands verbatim in a CSP header: refuse anything that could smuggle a directive.
    if (!ORIGIN.test(origin)) throw new Error(`RAPPORT_RELAY_ORIGINS: not an origin: ${origin}`);
  }
  const sync = (env['RAPPORT_SQLITE_SYNC'] ?? 'NORMAL').toUpperCase();
  if (sync !== 'NORMAL' && sync !== 'FULL') throw new Error('RAPPORT_SQLITE_SYNC must be NORMAL or FULL');
  const invite = env['RAPPORT_INVITE_CODE'];
  const metricsToken = env['RAPPORT_METRICS_TOKEN'];
  return {
    port: int(env, 'PORT', 8080),
    host: env['HOST'] && env['HOST'].trim() !== '' ? env['HOST'] : '127.0.0.1',
    dataDir: path.resolve(cwd, env['DATA_DIR'] || './data'),
    staticDir: path.resolve(cwd, env['STATIC_DIR'] || './dist'),
    relayOrigins,
    inviteCode: invite !== undefined && invite !== '' ? invite : null,
    metricsToken: metricsToken !== undefined && metricsToken !== '' ? metricsToken : null,
    sqliteSync: sync,
    cluster: cluster(env['RAPPORT_DATABASE_URL'], env['RAPPORT_REDIS_URL']),
    push: {
      subject: pushSubject(env['RAPPORT_PUSH_SUBJECT']),
      allowLocalHttp: env['RAPPORT_PUSH_ALLOW_LOCAL_HTTP'] === '1',
      schedulesPerHour: int(env, 'RAPPORT_REMINDER_SCHEDULES_PER_HOUR', 120, 1),
    },
    limits: {
      maxFrameBytes: int(env, 'RAPPORT_MAX_FRAME_BYTES', 32 * 1024 * 1024, 1024),
      messageBurst: int(env, 'RAPPORT_MSG_BURST', 2000, 1),
      messagesPerSecond: int(env, 'RAPPORT_MSG_PER_SEC', 500, 1),
      bytesPerSecond: int(env, 'RAPPORT_BYTES_PER_SEC', 16 * 1024 * 1024, 1024),
      maxConnections: int(env, 'RAPPORT_MAX_CONNECTIONS', 10_000, 1),
      maxConnectionsPerSpace: int(env, 'RAPPORT_MAX_CONNECTIONS_PER_SPACE', 64, 1),
      maxConnectionsPerIp: int(env, 'RAPPORT_MAX_CONNECTIONS_PER_IP', 1000, 1),
      spaceCreationsPerHour: int(env, 'RAPPORT_SPACES_PER_HOUR', 20, 1),
      pairingAttemptsPer10Min: int(env, 'RAPPORT_PAIRINGS_PER_10MIN', 30, 1),
      idleUnloadMs: int(env, 'RAPPORT_IDLE_UNLOAD_MS', 30_000),
      compactAfterUpdates: int(env, 'RAPPORT_COMPACT_AFTER', 500, 2),
      keepaliveMs: int(env, 'RAPPORT_KEEPALIVE_MS', 10_000, 100),
      pingTimeoutMs: int(env, 'RAPPORT_PING_TIMEOUT_MS', 30_000, 100),
      maxBufferedBytes: int(env, 'RAPPORT_MAX_BUFFERED_BYTES', 64 * 1024 * 1024, 1024),
    },
  };
}

/**
 * Both or neither: PostgreSQL without Redis would let nodes store edits that never reach the
 * devices on other nodes; Redis without PostgreSQL would leave each node its own SQLite file.
 */
function cluster(rawDatabase: string | undefined, rawRedis: string | undefined): ClusterConfig | null {
  const databaseUrl = rawDatabase?.trim() ?? '';
  const redisUrl = rawRedis?.trim() ?? '';
  if (databaseUrl === '' && redisUrl === '') return null;
  if (databaseUrl === '')
    throw new Error(
      'RAPPORT_REDIS_URL is set but RAPPORT_DATABASE_URL is not: several nodes need both (PostgreSQL for storage, Redis between nodes); unset both for one node on SQLite',
    );
  if (redisUrl === '')
    throw new Error(
      'RAPPORT_DATABASE_URL is set but RAPPORT_REDIS_URL is not: several nodes need both (PostgreSQL for storage, Redis between nodes); unset both for one node on SQLite',
    );
  // Only the scheme is quoted back: the rest may hold a password.
  if (!/^postgres(ql)?:\/\/\S+$/.test(databaseUrl))
    throw new Error('RAPPORT_DATABASE_URL must be a postgres:// or postgresql:// URL');
  if (!/^rediss?:\/\/\S+$/.test(redisUrl)) throw new Error('RAPPORT_REDIS_URL must be a redis:// or rediss:// URL');
  return { databaseUrl, redisUrl };
}

function pushSubject(raw: string | undefined): string {
  if (raw === undefined || raw.trim() === '') return 'mailto:rapport-relay@localhost';
  if (!/^(mailto:|https:\/\/)\S+$/.test(raw.trim()))
    throw new Error('RAPPORT_PUSH_SUBJECT must be a mailto: or https: URL');
  return raw.trim();
}

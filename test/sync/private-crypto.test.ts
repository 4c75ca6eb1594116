/** Sealing, opening, rejection and key wrapping of private spaces, in Node's WebCrypto. */
import { describe, expect, it } from 'vitest';
import {
  epochKeyFromText,
  epochKeyToText,
  exportEpochKey,
  newDeviceKeys,
  newEpochKey,
  openPreviousKey,
  sealPreviousKey,
  unwrapEpochKey,
  wrapEpochKey,
} from '../../src/sync/private/keys.ts';
import { EntryKind, Keyring, openEntry, readHeader, sealEntry } from '../../src/sync/private/seal.ts';

const te = new TextEncoder();
const SPACE = 'space-AAAAAAAAAAAAAAAAAA';
const OTHER_SPACE = 'space-BBBBBBBBBBBBBBBBBB';

const includes = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).includes(Buffer.from(needle));

describe('sealed entries', () => {
  it('open back to the same bytes, and carry no plaintext', async () => {
    const epoch = await newEpochKey(0);
    const payload = te.encode('Zoë Quinterro-Haverford, zoe@example.org, met at KubeCon');
    const sealed = await sealEntry(EntryKind.update, payload, epoch, SPACE, 'laptop');
    expect(includes(sealed, te.encode('Quinterro'))).toBe(false);
    const opened = await openEntry(sealed, new Keyring([epoch]), SPACE);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(new TextDecoder().decode(opened.payload)).toBe('Zoë Quinterro-Haverford, zoe@example.org, met at KubeCon');
    expect(opened.header).toMatchObject({ kind: EntryKind.update, eid: epoch.eid, author: 'laptop' });
  });

  it('seal the same bytes differently each time (fresh nonce)', async () => {
    const epoch = await newEpochKey(0);
    const a = await sealEntry(EntryKind.update, te.encode('x'), epoch, SPACE, 'd');
    const b = await sealEntry(EntryKind.update, te.encode('x'), epoch, SPACE, 'd');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(readHeader(a)!.id).not.toBe(readHeader(b)!.id);
  });

  it('reject a flipped bit anywhere, a cut, another space, another author, another kind, a wrong key', async () => {
    const epoch = await newEpochKey(0);
    const keyring = new Keyring([epoch]);
    const sealed = await sealEntry(EntryKind.update, te.encode('payload of some length'), epoch, SPACE, 'phone');
    for (let i = 0; i < sealed.byteLength; i++) {
      const tampered = sealed.slice();
      tampered[i] = tampered[i]! ^ 0x01;
      const r = await openEntry(tampered, keyring, SPACE);
      expect(r.ok, `bit flipped at byte ${i}`).toBe(false);
    }
    for (const length of [0, 3, 10, sealed.byteLength - 1])
      expect((await openEntry(sealed.slice(0, length), keyring, SPACE)).ok).toBe(false);
    // Replayed into another space.
    expect(await openEntry(sealed, keyring, OTHER_SPACE)).toMatchObject({ ok: false, error: { type: 'rejected' } });
    // Claimed by another device: rewrite the author in the header (same length).
    const reauthored = sealed.slice();
    reauthored.set(te.encode('phonf'), 7);
    expect(await openEntry(reauthored, keyring, SPACE)).toMatchObject({ ok: false, error: { type: 'rejected' } });
    // Same epoch id but another key.
    const impostor = await newEpochKey(0, epoch.eid);
    expect(await openEntry(sealed, new Keyring([impostor]), SPACE)).toMatchObject({
      ok: false,
      error: { type: 'rejected' },
    });
    // Not a valid entry at all.
    expect(await openEntry(te.encode('hello'), keyring, SPACE)).toMatchObject({
      ok: false,
      error: { type: 'malformed' },
    });
  });

  it('say which epoch is missing when sealed under an epoch the device does not hold', async () => {
    const old = await newEpochKey(0);
    const next = await newEpochKey(1);
    const sealed = await sealEntry(EntryKind.snapshot, te.encode('x'), next, SPACE, 'd');
    expect(await openEntry(sealed, new Keyring([old]), SPACE)).toMatchObject({
      ok: false,
      error: { type: 'unknown-epoch', eid: next.eid },
    });
  });
});

describe('keyring', () => {
  it('seals under the newest epoch: higher n, then higher eid, whatever the order added', async () => {
    const a = await newEpochKey(0, 5);
    const b = await newEpochKey(1, 3);
    const c = await newEpochKey(1, 9);
    expect(new Keyring([a, b, c]).current().eid).toBe(9);
    expect(new Keyring([c, b, a]).current().eid).toBe(9);
    expect(new Keyring([a]).current().eid).toBe(5);
  });
});

describe('device keys and wrapping', () => {
  it('the private key cannot be exported', async () => {
    const device = await newDeviceKeys();
    expect(device.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', device.privateKey)).rejects.toThrow();
    expect(device.publicRaw.byteLength).toBe(65);
  });

  it('an epoch key wrapped for a device opens for that device only, in that space, for that epoch', async () => {
    const epoch = await newEpochKey(3);
    const phone = await newDeviceKeys();
    const laptop = await newDeviceKeys();
    const wrapped = await wrapEpochKey(epoch, phone.publicKey, SPACE, 'phone');
    const opened = await unwrapEpochKey(wrapped, epoch.eid, phone, SPACE, 'phone');
    expect(opened).not.toBeNull();
    expect(opened!.n).toBe(3);
    expect(Buffer.from(await exportEpochKey(opened!)).equals(Buffer.from(await exportEpochKey(epoch)))).toBe(true);
    expect(await unwrapEpochKey(wrapped, epoch.eid, laptop, SPACE, 'phone')).toBeNull();
    expect(await unwrapEpochKey(wrapped, epoch.eid, phone, OTHER_SPACE, 'phone')).toBeNull();
    expect(await unwrapEpochKey(wrapped, epoch.eid + 1, phone, SPACE, 'phone')).toBeNull();
    expect(await unwrapEpochKey(wrapped, epoch.eid, phone, SPACE, 'laptop')).toBeNull();
    const tampered = wrapped.slice();
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    expect(await unwrapEpochKey(tampered, epoch.eid, phone, SPACE, 'phone')).toBeNull();
    expect(await unwrapEpochKey(wrapped.slice(0, 40), epoch.eid, phone, SPACE, 'phone')).toBeNull();
  });

  it('rotation: the next key opens the previous one, never the other way round', async () => {
    const first = await newEpochKey(0);
    const second = await newEpochKey(1);
    const link = await sealPreviousKey(second, first, SPACE);
    const back = await openPreviousKey(second, link, SPACE);
    expect(back?.eid).toBe(first.eid);
    const old = await sealEntry(EntryKind.update, te.encode('before the rotation'), first, SPACE, 'd');
    expect((await openEntry(old, new Keyring([second, back!]), SPACE)).ok).toBe(true);
    // The previous key does not open the link (it is sealed under the next one).
    expect(await openPreviousKey(first, link, SPACE)).toBeNull();
    expect(await openPreviousKey(second, link, OTHER_SPACE)).toBeNull();
  });

  it('an epoch key survives the trip through a pairing link as text', async () => {
    const epoch = await newEpochKey(7);
    const text = await epochKeyToText(epoch);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = await epochKeyFromText(text);
    expect(back).toMatchObject({ eid: epoch.eid, n: 7 });
    expect(await epochKeyFromText('not base64!')).toBeNull();
    expect(await epochKeyFromText(text.slice(0, 20))).toBeNull();
  });
});

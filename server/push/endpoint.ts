/**
 * A push subscription's endpoint is user input, and the relay will POST to it on a timer: left
 * unchecked, that makes the relay a request forwarder into its own network. Only `https:` on
 * the default port to a host that is not a loopback, private, link-local or otherwise special
 * address is used; the address is checked again at connect time (guardedLookup), so a name that
 * later resolves to 127.0.0.1 (DNS rebinding) is refused too. `allowLocalHttp` (tests only,
 * RAPPORT_PUSH_ALLOW_LOCAL_HTTP=1) additionally lets `http:`/`https:` to a loopback address through.
 */
import dns from 'node:dns';
import net from 'node:net';

const refused = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (and cloud metadata services)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  refused.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64 can reach private IPv4
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10],
  ['ff00::', 8], // multicast
] as const)
  refused.addSubnet(address, prefix, 'ipv6');

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
function normalise(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1] !== undefined) return { address: mapped[1], family: 'ipv4' };
  const v = net.isIP(bare);
  if (v === 0) return null;
  return { address: bare, family: v === 4 ? 'ipv4' : 'ipv6' };
}

export function isPublicAddress(address: string): boolean {
  const a = normalise(address);
  if (a === null) return false;
  if (a.family === 'ipv6' && /^::ffff:/i.test(a.address)) return false; // mapped in hex form
  return !refused.check(a.address, a.family);
}

function isLoopbackAddress(address: string): boolean {
  const a = normalise(address);
  return a !== null && loopback.check(a.address, a.family);
}

type EndpointCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkEndpoint(raw: unknown, allowLocalHttp: boolean): EndpointCheck {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1024)
    return { ok: false, reason: 'endpoint-invalid' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'endpoint-invalid' };
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') return { ok: false, reason: 'endpoint-invalid' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowLocalHttp && isLoopbackAddress(host) && (url.protocol === 'http:' || url.protocol === 'https:'))
    return { ok: true, url };
  if (url.protocol !== 'https:') return { ok: false, reason: 'endpoint-not-https' };
  if (url.port !== '' && url.port !== '443') return { ok: false, reason: 'endpoint-refused' };
  if (
    net.isIP(host) !== 0
      ? !isPublicAddress(host)
      : !/\./.test(host) || /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i.test(host)
  ) {
    return { ok: false, reason: 'endpoint-refused' };
  }
  return { ok: true, url };
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request that refuses a name resolving to any non-public address.
 * Honours `all` (Node asks for every address when it races IPv4 and IPv6).
 */
export function guardedLookup(allowLoopback: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const ok = (a: dns.LookupAddress) =>
        isPublicAddress(a.address) || (allowLoopback && isLoopbackAddress(a.address));
      if (addresses.length === 0 || !addresses.every(ok)) {
        const refusedError: NodeJS.ErrnoException = new Error('push endpoint resolves to a refused address');
        refusedError.code = 'EADDRREFUSED';
        return callback(refusedError, '');
      }
      if (options.all === true) return callback(null, addresses);
      const first = addresses[0] as dns.LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

// Which IP addresses a destination may be posted to. Pure functions, so every form is tested in a
// table without a network (address.test.ts).
//
// IPv4 is judged by IPv4 rules only. Node's net.BlockList checks an IPv4 address against IPv6 rules
// as if it were IPv4-mapped, so one `::ffff:0:0/96` rule there matched every IPv4 address; the
// ranges are kept here as plain numbers instead. An IPv6 address that carries an IPv4 address
// (mapped, compatible, SIIT, NAT64, 6to4, Teredo) reaches that IPv4 address, so it is judged by it.
import { isIP } from 'node:net';

type Range = readonly [base: number, bits: number];

// RFC 6890 and the IANA special-purpose registry: nothing here is a public service's address.
const INTERNAL_V4: readonly Range[] = [
  [v4(0, 0, 0, 0), 8], // "this network"
  [v4(10, 0, 0, 0), 8],
  [v4(100, 64, 0, 0), 10], // carrier-grade NAT
  [v4(127, 0, 0, 0), 8],
  [v4(169, 254, 0, 0), 16], // link-local, cloud metadata
  [v4(172, 16, 0, 0), 12],
  [v4(192, 0, 0, 0), 24], // IETF protocol assignments
  [v4(192, 0, 2, 0), 24], // documentation
  [v4(192, 88, 99, 0), 24], // 6to4 relay anycast
  [v4(192, 168, 0, 0), 16],
  [v4(198, 18, 0, 0), 15], // benchmarking
  [v4(198, 51, 100, 0), 24], // documentation
  [v4(203, 0, 113, 0), 24], // documentation
  [v4(224, 0, 0, 0), 4], // multicast
  [v4(240, 0, 0, 0), 4], // reserved and broadcast
];

function v4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function inV4Range(address: number, [base, bits]: Range): boolean {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (address & mask) >>> 0 === base;
}

/** The address as a 32-bit number; null unless it is a dotted quad. */
export function parseIPv4(text: string): number | null {
  if (isIP(text) !== 4) return null;
  const parts = text.split('.').map(Number);
  return v4(parts[0]!, parts[1]!, parts[2]!, parts[3]!);
}

/** The address as eight 16-bit groups; null unless it is IPv6. A zone (`%eth0`) is dropped. */
export function parseIPv6(text: string): number[] | null {
  const bare = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(bare) !== 6) return null;
  let body = bare;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (dotted) {
    const n = parseIPv4(dotted[1]!);
    if (n === null) return null;
    tail.push(n >>> 16, n & 0xffff);
    body = body.slice(0, -dotted[1]!.length);
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
  }
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const [head, rest] = body.split('::') as [string, string | undefined];
  const front = groups(head);
  const back = [...groups(rest ?? ''), ...tail];
  if (rest === undefined) return [...front, ...tail];
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

const word = (g: number[], i: number) => ((g[i]! << 16) | g[i + 1]!) >>> 0;
const zeros = (g: number[], from: number, to: number) => g.slice(from, to).every((x) => x === 0);

/** The IPv4 addresses an IPv6 address reaches through a transition mechanism (usually one). */
export function embeddedIPv4(g: number[]): number[] {
  // ::a.b.c.d (compatible, deprecated), ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (SIIT)
  if (zeros(g, 0, 5) && (g[5] === 0 || g[5] === 0xffff)) return [word(g, 6)];
  if (zeros(g, 0, 4) && g[4] === 0xffff && g[5] === 0) return [word(g, 6)];
  // 64:ff9b::/96, the well-known NAT64 prefix (RFC 6052)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(g, 2, 6)) return [word(g, 6)];
  // 2002:AABB:CCDD::/48, 6to4 (RFC 3056)
  if (g[0] === 0x2002) return [word(g, 1)];
  // 2001:0::/32, Teredo (RFC 4380): the server, and the client's address inverted
  if (g[0] === 0x2001 && g[1] === 0) return [word(g, 2), ~word(g, 6) >>> 0];
  return [];
}

// IPv6 ranges that are internal whatever follows (the transition forms above are judged by IPv4).
function internalV6(g: number[]): boolean {
  const [a = 0, b = 0] = g;
  if (zeros(g, 0, 8)) return true; // ::
  if (zeros(g, 0, 7) && g[7] === 1) return true; // ::1
  if ((a & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((a & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((a & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated, still routed inside some networks)
  if ((a & 0xff00) === 0xff00) return true; // multicast
  if (a === 0x64 && b === 0xff9b && g[2] === 1) return true; // 64:ff9b:1::/48, local-use NAT64: never public
  if (a === 0x100 && zeros(g, 1, 4)) return true; // 100::/64 discard
  if (a === 0x2001 && b === 0xdb8) return true; // documentation
  if (a === 0x2001 && (b & 0xfff0) === 0x10) return true; // ORCHID
  if (a === 0x3fff && (b & 0xf000) === 0) return true; // 3fff::/20 documentation
  return false;
}

/**
 * True for any address a destination must not be posted to: loopback, private, link-local,
 * carrier-grade NAT, multicast, reserved, documentation, and any IPv6 form that wraps one of them.
 * Anything that is not an IP address at all is treated as internal (never as allowed).
 */
export function isInternalAddress(address: string): boolean {
  const n4 = parseIPv4(address);
  if (n4 !== null) return INTERNAL_V4.some((r) => inV4Range(n4, r));
  const g = parseIPv6(address);
  if (!g || g.length !== 8) return true;
  if (zeros(g, 0, 7) && g[7]! <= 1) return true;
  if (internalV6(g)) return true;
  const wrapped = embeddedIPv4(g);
  return wrapped.some((n) => INTERNAL_V4.some((r) => inV4Range(n, r)));
}

/** True for 127.0.0.0/8 and ::1 only (and their wrapped forms): where the test receivers listen. */
export function isLoopbackAddress(address: string): boolean {
  const n4 = parseIPv4(address);
  if (n4 !== null) return inV4Range(n4, [v4(127, 0, 0, 0), 8]);
  const g = parseIPv6(address);
  if (!g || g.length !== 8) return false;
  if (zeros(g, 0, 7) && g[7] === 1) return true;
  return embeddedIPv4(g).some((n) => inV4Range(n, [v4(127, 0, 0, 0), 8]));
}

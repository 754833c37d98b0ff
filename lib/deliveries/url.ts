import 'server-only';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// A destination URL is typed by a leader and then fetched by the server: without these checks it
// would reach the database, the cloud metadata service or anything else on the internal network.
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::ffff:0:0', 96],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Internal addresses are refused unless ALLOW_PRIVATE_WEBHOOKS=1 (tests, and an all-internal setup). */
export const privateAllowed = () => process.env.ALLOW_PRIVATE_WEBHOOKS === '1';
// Production wants https; a setup that allows internal addresses may also use plain http on them.
const httpsRequired = () => process.env.NODE_ENV === 'production' && !privateAllowed();

/** What is wrong with a destination URL, in words for the form; null when it may be used. */
export async function checkDestinationUrl(value: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Paste the full webhook address, starting with https://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Use an https:// address.';
  if (url.protocol === 'http:' && httpsRequired()) return 'Use an https:// address: webhooks carry the edition.';
  if (url.username || url.password) return 'Leave user names and passwords out of the address.';
  if (privateAllowed()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.internal'))
    return 'That address is on the internal network; use the service’s public webhook address.';
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `No such host: ${host}.`;
  }
  if (addresses.some(isPrivateAddress))
    return 'That address is on the internal network; use the service’s public webhook address.';
  return null;
}

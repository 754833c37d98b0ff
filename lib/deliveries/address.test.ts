import { describe, expect, it } from 'vitest';
import { embeddedIPv4, isInternalAddress, isLoopbackAddress, parseIPv6 } from './address';

// Public addresses are only ever judged here, never connected to.
const PUBLIC = [
  '8.8.8.8',
  '1.1.1.1',
  '52.1.2.3', // an AWS address, as hooks.slack.com resolves to
  '100.63.255.255', // just below carrier-grade NAT
  '100.128.0.0', // just above it
  '172.15.255.255',
  '172.32.0.0',
  '192.167.255.255',
  '192.169.0.0',
  '11.0.0.0',
  '126.255.255.255',
  '128.0.0.0',
  '223.255.255.255',
  '2606:4700:4700::1111',
  '2a00:1450:4009:81f::200e',
  '2001:4860:4860::8888',
  // transition forms wrapping a public IPv4 address are judged by it
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '::8.8.8.8',
  '::ffff:0:8.8.8.8',
  '64:ff9b::8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
  '2001:0:808:808::f7f7:f7f7', // Teredo: server 8.8.8.8, client 8.8.8.8 (inverted)
];

const INTERNAL = [
  // IPv4
  '0.0.0.0',
  '0.1.2.3',
  '10.0.0.1',
  '10.255.255.255',
  '100.64.0.1',
  '100.127.255.255',
  '127.0.0.1',
  '127.255.255.254',
  '169.254.169.254',
  '172.16.0.1',
  '172.31.255.255',
  '192.0.0.8',
  '192.0.2.1',
  '192.88.99.1',
  '192.168.1.1',
  '198.18.0.1',
  '198.19.255.255',
  '198.51.100.7',
  '203.0.113.9',
  '224.0.0.1',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  // IPv6
  '::',
  '::1',
  '[::1]',
  'fc00::1',
  'fd12:3456::1',
  'fe80::1',
  'fe80::1%eth0',
  'febf::1',
  'fec0::1',
  'ff02::1',
  '100::1',
  '2001:db8::1',
  '2001:10::1',
  '3fff::1',
  '64:ff9b:1::1', // local-use NAT64 is never public, whatever it wraps
  '64:ff9b:1::808:808',
  // the four forms the review found passing, all 127.0.0.1
  '::127.0.0.1',
  '64:ff9b::127.0.0.1',
  '2002:7f00:1::',
  '::ffff:0:127.0.0.1',
  // the same and other internal IPv4 addresses in every transition form and spelling
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '0:0:0:0:0:ffff:7f00:0001',
  '::ffff:10.0.0.1',
  '::ffff:169.254.169.254',
  '::ffff:a9fe:a9fe',
  '::7f00:1',
  '::10.1.2.3',
  '::ffff:0:7f00:1',
  '::ffff:0:192.168.0.1',
  '64:ff9b::7f00:1',
  '64:ff9b::169.254.169.254',
  '64:ff9b::10.0.0.1',
  '2002:a9fe:a9fe::',
  '2002:c0a8:101::1',
  '2002:a00:1:1::',
  '2001:0:7f00:1::f7f7:f7f7', // Teredo with an internal server
  '2001:0:808:808::80ff:fffe', // Teredo with client 127.0.0.1 (inverted)
  // not an address at all: never allowed by accident
  'example.com',
  '',
  '1.2.3',
  '::g',
];

describe('destination addresses', () => {
  it.each(PUBLIC)('%s is public', (address) => {
    expect(isInternalAddress(address)).toBe(false);
  });

  it.each(INTERNAL)('%s is internal', (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it('reads each transition form to its IPv4 address', () => {
    const ipv4 = (a: string) =>
      embeddedIPv4(parseIPv6(a)!).map((n) => [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255].join('.'));
    expect(ipv4('::ffff:1.2.3.4')).toEqual(['1.2.3.4']);
    expect(ipv4('::1.2.3.4')).toEqual(['1.2.3.4']);
    expect(ipv4('::ffff:0:1.2.3.4')).toEqual(['1.2.3.4']);
    expect(ipv4('64:ff9b::1.2.3.4')).toEqual(['1.2.3.4']);
    expect(ipv4('2002:102:304:5::6')).toEqual(['1.2.3.4']);
    expect(ipv4('2001:0:102:304::fefd:fcfb')).toEqual(['1.2.3.4', '1.2.3.4']);
    expect(ipv4('2606:4700:4700::1111')).toEqual([]);
    expect(parseIPv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x102, 0x304]);
    expect(parseIPv6('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('knows loopback apart from the rest of the internal network', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '64:ff9b::127.0.0.1'])
      expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['10.0.0.1', '8.8.8.8', '::2', 'fe80::1', 'example.com']) expect(isLoopbackAddress(a)).toBe(false);
  });
});

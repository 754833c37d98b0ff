import 'server-only';
import { lookup as dnsLookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { isIP, type LookupFunction } from 'node:net';
import path from 'node:path';
import { Agent, buildConnector } from 'undici';
import { z } from 'zod';
import { log } from '../log';
import { isInternalAddress, isLoopbackAddress } from './address';

// How a post reaches a destination: the host is resolved once, at connect time, every answer is
// vetted, and the socket connects to an answer that was vetted. Checking a name and then letting
// fetch resolve it again would connect wherever the second answer points (DNS rebinding).

/** Internal addresses are refused unless ALLOW_PRIVATE_WEBHOOKS=1 (an all-internal setup). */
export const privateAllowed = () => process.env.ALLOW_PRIVATE_WEBHOOKS === '1';

export const INTERNAL_ADDRESS_MESSAGE =
  'That address is on the internal network; use the service’s public webhook address.';

/** A destination whose address is internal: refused before any byte is sent. */
export class InternalAddressError extends Error {
  readonly code = 'EINTERNAL';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      host === address
        ? `${host} is on the internal network`
        : `${host} resolves to ${address}, on the internal network`,
    );
    this.name = 'InternalAddressError';
  }
}

export type Resolve = (hostname: string) => Promise<string[]>;

const systemResolve: Resolve = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

// ---------------------------------------------------------------------------------------------
// Test-only routes. The tests run with the guard on, as production does, yet their receivers are
// real HTTP servers on 127.0.0.1. TEST_ONLY_WEBHOOK_ROUTES_DIR names a folder holding one file per
// host name, `<host>.json` = { "address": "<a public address>", "port": <receiver port> }: the
// host resolves to that address, which the guard vets like any other, and only the final socket
// of a vetted connection to it on that port goes to 127.0.0.1. While the variable is set, every
// other name is unknown and every other address is refused, so a production server started with it
// by mistake delivers nothing (and says why) rather than anything more, and a route can never
// reach an address the guard refused: an internal answer is refused before routing.
// ---------------------------------------------------------------------------------------------
export type TestRoute = { address: string; port: number };
export type TestRoutes = (host: string) => TestRoute | null;

const routeFile = z.object({ address: z.string(), port: z.number().int().min(1).max(65535) });

let warned = false;

export function testRoutesFromEnv(): TestRoutes | null {
  const dir = process.env.TEST_ONLY_WEBHOOK_ROUTES_DIR;
  if (!dir) return null;
  if (!warned) {
    warned = true;
    log.warn(
      { event: 'delivery.test_routes', dir },
      'TEST_ONLY_WEBHOOK_ROUTES_DIR is set: destinations reach only the test receivers listed there',
    );
  }
  return (host) => {
    if (!/^[a-z0-9.-]+$/.test(host)) return null;
    try {
      return routeFile.parse(JSON.parse(readFileSync(path.join(dir, `${host}.json`), 'utf8')));
    } catch {
      return null;
    }
  };
}

export class NoTestRouteError extends Error {
  readonly code = 'ENOTESTROUTE';
  constructor(target: string) {
    super(`TEST_ONLY_WEBHOOK_ROUTES_DIR is set and lists no route to ${target}: nothing leaves this machine`);
    this.name = 'NoTestRouteError';
  }
}

function notFound(hostname: string): Error {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
}

export type Network = { resolve: Resolve; routes: TestRoutes | null; allowPrivate: boolean };

/** What the running server uses: DNS, or the test routes when their variable is set. */
export function networkFromEnv(): Network {
  const routes = testRoutesFromEnv();
  const resolve: Resolve = routes
    ? async (hostname) => {
        const route = routes(hostname);
        if (!route) throw notFound(hostname);
        return [route.address];
      }
    : systemResolve;
  return { resolve, routes, allowPrivate: privateAllowed() };
}

/** Resolves a host and vets every answer: one internal answer refuses the name. */
export async function resolveVetted(hostname: string, network: Network): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await network.resolve(host);
  if (!addresses.length) throw notFound(host);
  if (!network.allowPrivate) {
    const internal = addresses.find(isInternalAddress);
    if (internal !== undefined) throw new InternalAddressError(host, internal);
  }
  return addresses;
}

// Where the socket goes for an address that passed the guard: the address itself, or with test
// routes on, the loopback receiver of the route it came from (loopback itself only when the
// operator switch allows internal addresses).
function socketAddress(host: string, address: string, port: number, network: Network): string {
  if (!network.routes) return address;
  const route = network.routes(host);
  if (route && route.address === address && route.port === port) return '127.0.0.1';
  if (network.allowPrivate && isLoopbackAddress(address)) return address;
  throw new NoTestRouteError(`${host}:${port} (${address})`);
}

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * An undici Agent for one post: its connector resolves the host once and connects only to vetted
 * answers (Node's net skips `lookup` for an IP literal, so those are vetted here too). Use a new
 * one per post and close it: a kept-alive socket would outlive the answer it was vetted for.
 */
export function destinationAgent(network: Network = networkFromEnv()): Agent {
  const connectors = new Map<number, buildConnector.connector>();
  const connectorFor = (port: number) => {
    let connector = connectors.get(port);
    if (!connector) {
      const lookup: LookupFunction = (hostname, options, callback) => {
        resolveVetted(hostname, network)
          .then((addresses) => addresses.map((a) => socketAddress(hostname, a, port, network)))
          .then(
            (addresses) => {
              const all = addresses.map((address) => ({ address, family: isIP(address) }));
              const family = options.family === 4 || options.family === 6 ? options.family : 0;
              const answers = family ? all.filter((a) => a.family === family) : all;
              if (!answers.length) return callback(notFound(hostname), '');
              if (options.all) callback(null, answers);
              else callback(null, answers[0]!.address, answers[0]!.family);
            },
            (error: NodeJS.ErrnoException) => callback(error, ''),
          );
      };
      connector = buildConnector({ lookup, timeout: CONNECT_TIMEOUT_MS });
      connectors.set(port, connector);
    }
    return connector;
  };
  return new Agent({
    connections: 1,
    pipelining: 0,
    connect: (options, callback) => {
      const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
      const host = options.hostname.replace(/^\[|\]$/g, '');
      if (!isIP(host)) return connectorFor(port)(options, callback);
      // net.connect does not look an IP literal up, so its vetting (and routing) happens here.
      resolveVetted(host, network)
        .then((addresses) => socketAddress(host, addresses[0]!, port, network))
        .then(
          (address) => connectorFor(port)({ ...options, hostname: address }, callback),
          (error: Error) => callback(error, null),
        );
    },
  });
}

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../embedded-postgres.ts';

/**
 * Gives an embedded PostgreSQL's data folder a port of its own (its pg-port file) before its first
 * start. Otherwise two test files starting one at once both find the default port free, and the
 * second to listen fails ("could not create any TCP/IP sockets").
 */
export async function ownPort(dataDir: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'pg-port'), `${await freePort()}\n`);
}

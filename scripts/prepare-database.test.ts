import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../lib/generated/prisma/client';
import { verifyPassword } from '../lib/password';
import { prepareDatabase } from './prepare-database';
import { ownPort } from './testing/own-port';

const tsx = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const client = () => new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });

describe('start-up database preparation', () => {
  const dataDir = path.join(
    process.getuid?.() === 0 ? '/var/tmp' : os.tmpdir(),
    `service-review-embedded-${process.pid}`,
  );
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('never seeds demo accounts into a database given by DATABASE_URL', async () => {
    const prepared = await prepareDatabase(process.env.DATABASE_URL);
    expect(prepared.seeded).toBe(false);
    expect(prepared.embedded).toBeNull();
    const db = client();
    expect(await db.user.count({ where: { email: { endsWith: '@demo.test' } } })).toBe(0);
    await db.$disconnect();
  });

  // A real PostgreSQL started twice, migrated and seeded with the demo: 18 s on a quiet box, over
  // the default 30 s beside a build.
  it('seeds the embedded database once, and keeps its data across restarts', async () => {
    process.env.DATA_DIR = dataDir;
    await ownPort(dataDir);
    try {
      const first = await prepareDatabase(undefined);
      expect(first.seeded).toBe(true);
      expect(first.appliedMigrations.length).toBeGreaterThan(0);
      const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: first.url }) });
      const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@demo.test' } });
      expect(admin.role).toBe('ADMIN');
      expect(await verifyPassword('demo-password', admin.passwordHash)).toBe(true);
      expect(await db.team.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } })).toEqual([
        { slug: 'billing-support' },
        { slug: 'customer-care' },
      ]);
      await db.user.update({ where: { id: admin.id }, data: { name: 'Kept Across Restarts' } });
      await db.$disconnect();
      await first.embedded!.stop();

      const second = await prepareDatabase(undefined);
      expect(second.seeded).toBe(false);
      expect(second.appliedMigrations).toEqual([]);
      expect(second.embedded!.authSecret).toBe(first.embedded!.authSecret);
      const again = new PrismaClient({ adapter: new PrismaPg({ connectionString: second.url }) });
      expect((await again.user.findUniqueOrThrow({ where: { email: 'admin@demo.test' } })).name).toBe(
        'Kept Across Restarts',
      );
      await again.$disconnect();
      await second.embedded!.stop();
    } finally {
      delete process.env.DATA_DIR;
    }
  }, 120_000);

  it('creates the first admin of an empty database from the command line', async () => {
    const email = `first-admin-${Date.now()}@example.test`;
    const result = spawnSync(tsx, ['scripts/create-admin.ts', '--email', email, '--name', 'First Admin'], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(result.status, result.stderr).toBe(0);
    const otp = /shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(otp).toBeTruthy();
    const db = client();
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe('ADMIN');
    expect(user.passwordChangeRequired).toBe(true);
    expect(await verifyPassword(otp!, user.passwordHash)).toBe(true);
    await db.$disconnect();
    const bad = spawnSync(tsx, ['scripts/create-admin.ts', '--email', 'nope'], { encoding: 'utf8', env: process.env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--email must be an email address');
  });
});

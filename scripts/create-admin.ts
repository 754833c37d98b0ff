// `npm run admin:create -- --email you@example.com --name "Your Name"`: the first admin of a
// database given by DATABASE_URL (which never gets demo accounts). Prints a one-time password.
import { parseArgs } from 'node:util';
import { PrismaPg } from '@prisma/adapter-pg';
import { z } from 'zod';
import { PrismaClient } from '../lib/generated/prisma/client';
import { generateOneTimePassword, hashPassword } from '../lib/password';
import { openEmbeddedDatabase } from './embedded-database.ts';
import { applyMigrations } from './migrations.ts';

const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
const input = z
  .object({
    email: z.email('--email must be an email address').trim().toLowerCase(),
    name: z.string().trim().min(1, '--name is required'),
  })
  .safeParse(values);
if (!input.success) {
  console.error(input.error.issues.map((i) => i.message).join('\n'));
  console.error('Usage: npm run admin:create -- --email you@example.com --name "Your Name"');
  process.exit(1);
}

const embedded = process.env.DATABASE_URL ? null : await openEmbeddedDatabase();
const url = process.env.DATABASE_URL ?? embedded!.url;
if (!embedded) await applyMigrations(url);
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
try {
  const existing = await db.user.findUnique({ where: { email: input.data.email } });
  if (existing) {
    console.error(
      `${input.data.email} already exists (role ${existing.role}). Sign in as an admin and change roles on /admin/users.`,
    );
    process.exitCode = 1;
  } else {
    const oneTimePassword = generateOneTimePassword();
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          ...input.data,
          role: 'ADMIN',
          passwordHash: await hashPassword(oneTimePassword),
          passwordChangeRequired: true,
        },
      });
      await tx.auditEvent.create({
        data: {
          action: 'user.create',
          entityType: 'User',
          entityId: created.id,
          actorEmail: 'admin:create (command line)',
          after: { email: created.email, role: 'ADMIN' },
        },
      });
      return created;
    });
    console.log(`Created admin ${user.email}. One-time password (shown once): ${oneTimePassword}`);
    console.log('Sign in with it; you will be asked to choose your own password.');
  }
} finally {
  await db.$disconnect();
  await embedded?.stop();
}

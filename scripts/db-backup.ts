// `npm run db:backup [FILE]`: a consistent backup of DATABASE_URL, or of the embedded database
// when it is unset (the running one of `npm start`, or started for the command). Safe while the
// app runs. The file holds every table's rows (password hashes included) but no AUTH_SECRET or
// database password: keep it as carefully as the database, and keep AUTH_SECRET (or
// DATA_DIR/auth-secret) apart from it, since destinations and unsubscribe links need that key.
import path from 'node:path';
import { parseEnv } from '../lib/env.js';
import { backupFileName } from './auto-backup.ts';
import { backupDatabase } from './backup.ts';
import { backupKeyAdvice } from './key-check.ts';
import { reachEmbeddedDatabase } from './embedded-database.ts';

const say = (line: string) => console.log(`[service-review] ${line}`);
try {
  const env = parseEnv(process.env);
  const target = env.DATABASE_URL
    ? { url: env.DATABASE_URL, dataDir: null, stop: async () => {} }
    : await reachEmbeddedDatabase(say);
  const advice = backupKeyAdvice(Boolean(env.AUTH_SECRET), target.dataDir);
  if (advice.warning) console.warn(`[service-review] Warning: ${advice.warning}`);
  const file = path.resolve(process.argv[2] ?? backupFileName(null));
  try {
    const started = performance.now();
    const result = await backupDatabase(target.url, file);
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    say(
      `Backed up ${result.tables.length} tables, ${rows.toLocaleString('en-GB')} rows, at migration ${result.header.migration}`,
    );
    say(
      `${file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    say(advice.keep);
  } finally {
    await target.stop();
  }
} catch (error) {
  console.error(`\n[service-review] Backup failed: ${(error as Error).message}\n`);
  process.exit(1);
}

// `npm run db:restore FILE [--force]`: rebuilds DATABASE_URL (or the embedded database when it is
// unset) from a backup: the schema at the backup's migration, then every row, in one transaction
// (scripts/restore.ts), so a failure of any kind leaves the database as it was. Refuses a database
// that holds rows unless --force. Stop the app first; its next start applies newer migrations.
import path from 'node:path';
import { parseEnv } from '../lib/env.js';
import { reachEmbeddedDatabase } from './embedded-database.ts';
import { RestoreRefused, restoreDatabase } from './restore.ts';

const say = (line: string) => console.log(`[service-review] ${line}`);
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run db:restore -- FILE [--force]');
  process.exit(2);
}
let target: { url: string; stop(): Promise<void> } | null = null;
// The restore's transaction is open until its last step; ending the process closes the connection
// and PostgreSQL rolls it back (an embedded PostgreSQL started for the command is stopped first).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(
      `\n[service-review] Restore interrupted (${signal}). Nothing was restored: the database is as it was.\n`,
    );
    void (target?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}
try {
  const env = parseEnv(process.env);
  target = env.DATABASE_URL ? { url: env.DATABASE_URL, stop: async () => {} } : await reachEmbeddedDatabase(say);
  try {
    const started = performance.now();
    const { header, tables } = await restoreDatabase(target.url, path.resolve(file), {
      force: args.includes('--force'),
    });
    say(
      `Restored the backup taken ${header.takenAt} (Service Review ${header.app}, PostgreSQL ${header.postgres}) at migration ${header.migration}:`,
    );
    for (const t of tables) say(`  ${t.table.padEnd(20)} ${t.rows.toLocaleString('en-GB').padStart(10)} rows`);
    say(
      `${tables.reduce((sum, t) => sum + t.rows, 0).toLocaleString('en-GB')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s. Start the app to apply any newer migrations.`,
    );
    say(
      'Slack, Teams and webhook destinations and unsubscribe links need the AUTH_SECRET of the installation that took the backup: start with that one.',
    );
  } finally {
    await target.stop();
  }
} catch (error) {
  const message = (error as Error).message;
  console.error(`\n[service-review] ${error instanceof RestoreRefused ? '' : 'Restore failed: '}${message}\n`);
  process.exit(1);
}

// `npm run db:restore FILE [--force]`: rebuilds DATABASE_URL (or the embedded database when it is
// unset) from a backup: the schema at the backup's migration, then every row. Refuses a database
// that holds rows unless --force. Stop the app first; its next start applies newer migrations.
import path from 'node:path';
import { parseEnv } from '../lib/env.js';
import { RestoreRefused, restoreDatabase } from './backup.ts';
import { reachEmbeddedDatabase } from './embedded-database.ts';

const say = (line: string) => console.log(`[service-review] ${line}`);
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run db:restore -- FILE [--force]');
  process.exit(2);
}
try {
  const env = parseEnv(process.env);
  const target = env.DATABASE_URL ? { url: env.DATABASE_URL, stop: async () => {} } : await reachEmbeddedDatabase(say);
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
  } finally {
    await target.stop();
  }
} catch (error) {
  const message = (error as Error).message;
  console.error(`\n[service-review] ${error instanceof RestoreRefused ? '' : 'Restore failed: '}${message}\n`);
  process.exit(1);
}

// Usage: tsx scripts/migrate.ts deploy | create <name>
import { applyMigrations, createMigration } from './migrations.ts';
import { createDatabase, startThrowawayCluster } from './embedded-postgres.ts';

const [command, name] = process.argv.slice(2);

if (command === 'deploy') {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set: npm start migrates the embedded database by itself; set DATABASE_URL to migrate another one.',
    );
    process.exit(1);
  }
  const applied = await applyMigrations(url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'No pending migrations.',
  );
} else if (command === 'create') {
  if (!name) {
    console.error('Usage: npm run db:migration -- <name>');
    process.exit(1);
  }
  // The engine insists on a live connection even for a pure schema-to-schema diff.
  const cluster = process.env.DATABASE_URL ? null : await startThrowawayCluster();
  let dir: string | null;
  try {
    if (cluster) await createDatabase(cluster.adminUrl, 'migration_authoring');
    dir = await createMigration(name, process.env.DATABASE_URL ?? cluster!.urlFor('migration_authoring'));
  } finally {
    await cluster?.stop();
  }
  console.log(dir ? `Created ${dir}` : 'The schema matches the last migration: nothing to create.');
} else {
  console.error('Usage: tsx scripts/migrate.ts deploy | create <name>');
  process.exit(1);
}

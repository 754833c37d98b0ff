// Prisma's migrate CLI needs a native schema engine downloaded from Prisma's own host, which
// some machines (CI sandboxes, locked-down laptops) cannot reach. The same engine ships as
// WebAssembly on the npm registry; this module drives it to apply and create migrations in
// Prisma's own format, so `prisma migrate deploy` elsewhere sees the same history.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const root = path.resolve(import.meta.dirname, '..');
export const schemaPath = path.join(root, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(root, 'prisma', 'migrations');
const filters = { externalTables: [], externalEnums: [] };

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type Engine = Awaited<ReturnType<Bindings['SchemaEngine']['new']>>;

let bindings: Promise<Bindings> | undefined;

async function loadBindings() {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        throw new Error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const bg: Bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return bindings;
}

function poolConfig(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

async function withEngine<T>(url: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadBindings();
  // The engine reports progress through this callback; migrations print their own summary.
  const schema = await readFile(schemaPath, 'utf8');
  // A config object, not a URL: the adapter's URL path ignores the database it is pointed at
  // for some engine operations. The engine connects even for pure schema-to-schema diffs.
  const base = new PrismaPg(poolConfig(url));
  // Keep hold of every connection pool the engine opens: freeing the engine does not close them,
  // and a pool left open keeps the process alive and breaks a later DROP DATABASE.
  const opened: { dispose(): Promise<void> }[] = [];
  const track = async <A extends { dispose(): Promise<void> }>(adapter: Promise<A>) => {
    const a = await adapter;
    opened.push(a);
    return a;
  };
  const factory: typeof base = Object.assign(
    Object.create(Object.getPrototypeOf(base) as object) as typeof base,
    base,
    {
      connect: () => track(base.connect()),
      connectToShadowDb: () => track(base.connectToShadowDb()),
    },
  );
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose().catch(() => {})));
  }
}

export async function loadMigrationsList() {
  const entries = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, dir, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * `prisma migrate deploy`: applies every migration not yet recorded in `_prisma_migrations`, or,
 * with `only`, just those (a restore rebuilds the schema a backup was taken at, no newer).
 */
export async function applyMigrations(url: string, options: { only?: string[] } = {}): Promise<string[]> {
  const all = await loadMigrationsList();
  const only = options.only ? new Set(options.only) : null;
  const migrationsList = only
    ? { ...all, migrationDirectories: all.migrationDirectories.filter((d) => only.has(d.path)) }
    : all;
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes an empty database straight to the current schema (used by the drift check). */
export async function sqlForSchemaFromEmpty(url: string): Promise<string> {
  const content = await readFile(schemaPath, 'utf8');
  return withEngine(url, async (engine) => {
    const out = await engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: true,
      filters,
    });
    return out.stdout ?? '';
  });
}

/**
 * `prisma migrate dev --create-only`: the SQL from the schema as the migrations left it to the
 * schema as it is now. `previousSchema` is the schema the last migration was made from
 * (prisma/migrations/schema.snapshot.prisma), so no shadow database is needed.
 */
export async function createMigration(name: string, url: string): Promise<string | null> {
  const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');
  const current = await readFile(schemaPath, 'utf8');
  const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, 'utf8') : null;
  const sql = await withEngine(url, async (engine) => {
    const out = await engine.diff({
      from:
        previous === null
          ? { tag: 'empty' }
          : { tag: 'schemaDatamodel', files: [{ path: snapshotPath, content: previous }] },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: current }] },
      script: true,
      exitCode: true,
      filters,
    });
    return out.exitCode === 2 ? (out.stdout ?? '') : null;
  });
  if (!sql) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  await writeFile(
    path.join(migrationsDir, 'migration_lock.toml'),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  await writeFile(snapshotPath, current);
  return dir;
}

// The import graph of lib/ and the cycles between its folders (a folder is lib/<first segment>; a file
// directly in lib/ is its own). Read by lib/architecture.test.ts; `npx tsx scripts/import-graph.ts`
// prints the cycles and which folder imports which.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

export type LibImport = { from: string; to: string };
export type FolderCycle = { folders: string[]; description: string };

const sourceFile = /\.(ts|tsx|js|mjs)$/;
const testFile = /\.test\.tsx?$/;
const resolvable = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

function listFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : listFiles(full);
    return sourceFile.test(entry.name) && !testFile.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function resolveImport(root: string, fromFile: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  // `./x.js` written for a `./x.ts` source, as TypeScript allows.
  const candidates = [base, base.replace(/\.js$/, '')];
  for (const candidate of candidates) {
    for (const ending of resolvable) {
      const file = candidate + ending;
      if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    }
  }
  return null;
}

/** Every import, re-export and dynamic import from a non-test file of lib/ to another file of lib/. */
export function readLibImports(root: string): LibImport[] {
  const lib = path.join(root, 'lib');
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  return listFiles(lib).flatMap((file) => {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    return info.importedFiles.flatMap(({ fileName }) => {
      const target = resolveImport(root, file, fileName);
      if (!target || !target.startsWith(lib + path.sep)) return [];
      return [{ from: relative(file), to: relative(target) }];
    });
  });
}

export function folderOf(file: string): string {
  const [top, first] = file.split('/');
  return `${top}/${first}`;
}

/** The groups of folders that reach each other through imports (Tarjan's strongly connected components). */
export function findFolderCycles(imports: LibImport[]): FolderCycle[] {
  const edges = new Map<string, Map<string, string[]>>();
  for (const { from, to } of imports) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (!edges.has(b)) edges.set(b, new Map());
    const out = edges.get(a) ?? new Map<string, string[]>();
    edges.set(a, out);
    if (a === b) continue;
    out.set(b, [...(out.get(b) ?? []), `${from} → ${to}`]);
  }

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder)!);
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(folder, Math.min(low.get(folder)!, index.get(next)!));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== folder);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const folder of [...edges.keys()].sort()) if (!index.has(folder)) visit(folder);

  return components
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((folders) => {
      const lines = folders.flatMap((a) =>
        folders.flatMap((b) => {
          const files = edges.get(a)?.get(b);
          return files ? [`  ${a} → ${b}:`, ...[...new Set(files)].sort().map((line) => `    ${line}`)] : [];
        }),
      );
      return { folders, description: [`cycle between ${folders.join(', ')}:`, ...lines].join('\n') };
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(import.meta.dirname, '..');
  const imports = readLibImports(root);
  const cycles = findFolderCycles(imports);
  const pairs = new Set(
    imports.map(({ from, to }) => `${folderOf(from)} → ${folderOf(to)}`).filter((pair) => !/^(\S+) → \1$/.test(pair)),
  );
  if (process.argv.includes('--graph')) console.log([...pairs].sort().join('\n'));
  console.log(
    cycles.length ? cycles.map((cycle) => cycle.description).join('\n\n') : 'No cycles between folders of lib/.',
  );
  process.exitCode = cycles.length ? 1 : 0;
}

// The rooms of lib/ depend on each other in one direction: no folder of lib/ may import, directly or
// through others, a folder that imports it back. A cycle is how a room stops being one (the edition
// model importing publishing, which imports the model), so this test reads every import of lib/ and
// fails on any cycle between its folders, naming the imports that close it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFolderCycles, readLibImports } from '../scripts/import-graph.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('lib/ folders', () => {
  it('import each other without cycles', () => {
    const imports = readLibImports(root);
    expect(imports.length).toBeGreaterThan(100);
    const cycles = findFolderCycles(imports);
    expect(cycles.map((cycle) => cycle.description).join('\n\n')).toBe('');
  });

  it('finds a cycle between two folders, and through a third', () => {
    const cycles = findFolderCycles([
      { from: 'lib/a/one.ts', to: 'lib/b/two.ts' },
      { from: 'lib/b/three.ts', to: 'lib/a/four.ts' },
      { from: 'lib/c/five.ts', to: 'lib/d/six.ts' },
      { from: 'lib/d/six.ts', to: 'lib/e.ts' },
      { from: 'lib/e.ts', to: 'lib/c/seven.ts' },
      { from: 'lib/f/eight.ts', to: 'lib/a/one.ts' },
      { from: 'lib/a/one.ts', to: 'lib/a/four.ts' },
    ]);
    expect(cycles.map((cycle) => cycle.folders)).toEqual([
      ['lib/a', 'lib/b'],
      ['lib/c', 'lib/d', 'lib/e.ts'],
    ]);
    expect(cycles[0]?.description).toContain('lib/b/three.ts → lib/a/four.ts');
  });

  it('reads relative, alias, type-only, re-exported and dynamic imports', () => {
    const directory = fs.mkdtempSync(path.join(root, '.architecture-test-'));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
        fs.writeFileSync(path.join(directory, file), text);
      };
      write('lib/a/one.ts', "import type { X } from '../b/two';\nexport * from '@/lib/c';\n");
      write('lib/b/two.ts', "export type X = 1;\nconst load = () => import('./three');\n");
      write('lib/b/three.tsx', "import { a } from 'react';\nexport { b } from '../d.js';\n");
      write('lib/c/index.ts', '');
      write('lib/d.js', '');
      write('lib/a/one.test.ts', "import '../b/two';\n");
      const found = readLibImports(directory).map(({ from, to }) => `${from} → ${to}`);
      expect(found.sort()).toEqual([
        'lib/a/one.ts → lib/b/two.ts',
        'lib/a/one.ts → lib/c/index.ts',
        'lib/b/three.tsx → lib/d.js',
        'lib/b/two.ts → lib/b/three.tsx',
      ]);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

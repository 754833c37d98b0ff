// The house rules that ESLint keeps (eslint.config.mjs): this proves each one fires on a file that
// breaks it and stays quiet on one that keeps it, so a config change cannot switch a rule off unseen.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Sample files do not exist on disk, so the type-aware rules (which need the file in the
// TypeScript project) are switched off here; the layering rules need no types.
const eslint = new ESLint({
  cwd: path.resolve(import.meta.dirname, '..'),
  overrideConfig: {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/no-deprecated': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const restricted = '@typescript-eslint/no-restricted-imports';

describe('layering rules', { timeout: 120_000 }, () => {
  it('refuse the database client in a page, a component and a route handler', async () => {
    const code = "import { db } from '@/lib/db';\nexport const n = db;\n";
    expect(await ruleIds('app/(app)/example/page.tsx', code)).toContain(restricted);
    expect(await ruleIds('components/example/widget.tsx', code)).toContain(restricted);
    expect(await ruleIds('app/api/example/route.ts', code)).toContain(restricted);
    expect(
      await ruleIds('app/(app)/example/page.tsx', "import { db } from '../../../lib/db';\nexport const n = db;\n"),
    ).toContain(restricted);
  });

  it('refuse values from the generated Prisma client outside lib/, but allow its types', async () => {
    expect(
      await ruleIds(
        'app/(app)/example/page.tsx',
        "import { PrismaClient } from '@/lib/generated/prisma/client';\nexport const c = PrismaClient;\n",
      ),
    ).toContain(restricted);
    expect(
      await ruleIds(
        'components/example/badge.tsx',
        "import type { Role } from '@/lib/generated/prisma/enums';\nexport const r: Role = 'ADMIN';\n",
      ),
    ).not.toContain(restricted);
  });

  it('allow lib/ to use the database client', async () => {
    expect(await ruleIds('lib/example/read.ts', "import { db } from '../db';\nexport const n = db;\n")).not.toContain(
      restricted,
    );
  });

  it('keep components/ui free of domain modules', async () => {
    expect(
      await ruleIds(
        'components/ui/widget.tsx',
        "import { listQuotesForWall } from '@/lib/quotes/quotes';\nexport const f = listQuotesForWall;\n",
      ),
    ).toContain(restricted);
    expect(
      await ruleIds(
        'components/ui/widget.tsx',
        "import { QuoteFigure } from '@/components/quotes/quote-figure';\nexport const f = QuoteFigure;\n",
      ),
    ).toContain(restricted);
    expect(
      await ruleIds(
        'components/ui/widget.tsx',
        "import { Button } from '@/components/ui/button';\nimport type { FormState } from '@/lib/errors';\nexport const f = Button;\nexport type S = FormState;\n",
      ),
    ).not.toContain(restricted);
  });
});

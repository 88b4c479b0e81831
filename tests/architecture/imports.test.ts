import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

/** Everything with imports: the server, the web app, the tests, the scripts and the bench. */
const ROOTS = ['src', 'web', 'tests', 'scripts', 'bench'];

let options: ICruiseOptions;
beforeAll(async () => {
  options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
});

/** Each violation on one line, `rule: from → to`, with the way round for a cycle. */
async function violations(roots: string[], baseDir?: string) {
  const { output } = await cruise(roots, { ...options, ...(baseDir ? { baseDir } : {}) });
  return (output as ICruiseResult).summary.violations.map((v) => {
    const cycle = v.cycle?.length ? ` (${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')})` : '';
    return `${v.rule.name}: ${v.from} → ${v.to}${cycle}`;
  });
}

/** Every import of the router by the web: its words between `import` and `from`, per file. */
function routerImportsOfWeb(): string[] {
  const files = readdirSync('web/src', { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && /\.tsx?$/.test(f.name));
  return files.flatMap((f) =>
    [...readFileSync(join(f.parentPath, f.name), 'utf8').matchAll(/import\s+([^;]*?)\s+from\s+'[./]*\/src\/trpc\/router'/g)].map((m) =>
      m[1]!.replace(/\s+/g, ' '),
    ),
  );
}

describe('the architecture (.dependency-cruiser.cjs)', () => {
  it('holds: no import breaks a rule', async () => {
    expect(await violations(ROOTS), 'each rule says why in .dependency-cruiser.cjs').toEqual([]);
  }, 60_000);

  it('lets the web take nothing of the router but the AppRouter type (the rule above holds it to types)', () => {
    const imports = routerImportsOfWeb();
    expect(imports.length).toBeGreaterThan(0);
    expect(new Set(imports)).toEqual(new Set(['type { AppRouter }']));
  });

  describe('each rule bites', () => {
    // A small tree that breaks every rule once, beside imports each rule allows.
    const FIXTURE: Record<string, string[]> = {
      'src/shared/words.ts': ["export const WORDS = ['a'] as const;"],
      'src/shared/reads-disk.ts': ["import { readFileSync } from 'node:fs';", 'export const read = readFileSync;'],
      'src/trpc/init.ts': ['export const t = {};'],
      'src/trpc/router.ts': ["import { t } from './init';", 'export const appRouter = { t };', 'export type AppRouter = typeof appRouter;'],
      'src/modules/cases/router.ts': [
        "import { t } from '../../trpc/init';",
        "import { open } from './service';",
        'export const casesRouter = { t, open };',
      ],
      'src/modules/cases/service.ts': ["import type { AppRouter } from '../../trpc/router';", 'export const open = (r?: AppRouter) => r;'],
      // Unresolved here (no node_modules), as a package path it is still @trpc's.
      'src/modules/cases/schema.ts': ["import type { TRPCError } from '@trpc/server';", 'export type E = TRPCError;'],
      'src/lib/uses-module.ts': ["import { open } from '../modules/cases/service';", 'export const again = open;'],
      'src/auth/ability.ts': [
        "import { defineRules } from './policy';",
        'export type Builder = { can(): void };',
        'export const build = defineRules;',
      ],
      'src/auth/policy.ts': ["import type { Builder } from './ability';", 'export const defineRules = (b: Builder) => b.can();'],
      'src/cli/typo.ts': ["import { nothing } from './no-such-file';", 'export const x = nothing;'],
      'web/src/client.ts': [
        "import type { AppRouter } from '../../src/trpc/router';",
        "import { WORDS } from '../../src/shared/words';",
        'export type R = AppRouter;',
        'export const w = WORDS;',
      ],
      'web/src/runs-router.ts': ["import { appRouter } from '../../src/trpc/router';", 'export const r = appRouter;'],
      'web/src/reads-service.ts': ["import type { open } from '../../src/modules/cases/service';", 'export type O = typeof open;'],
    };
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'jisr-architecture-'));
      for (const [path, text] of Object.entries(FIXTURE)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), `${text.join('\n')}\n`);
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('flags exactly the imports that break a rule, and every rule flags one', async () => {
      const found = await violations(['src', 'web/src'], dir);
      expect(found.sort()).toEqual(
        [
          'core-knows-no-module: src/lib/uses-module.ts → src/modules/cases/service.ts',
          'modules-know-no-trpc: src/modules/cases/service.ts → src/trpc/router.ts',
          'modules-know-no-trpc: src/modules/cases/schema.ts → @trpc/server',
          'no-unresolvable: src/modules/cases/schema.ts → @trpc/server',
          'no-cycle: src/auth/ability.ts → src/auth/policy.ts (src/auth/ability.ts → src/auth/policy.ts → src/auth/ability.ts)',
          'no-unresolvable: src/cli/typo.ts → ./no-such-file',
          'shared-imports-nothing: src/shared/reads-disk.ts → fs',
          'web-imports-only-shared: web/src/reads-service.ts → src/modules/cases/service.ts',
          'web-imports-router-type-only: web/src/runs-router.ts → src/trpc/router.ts',
        ].sort(),
      );
      const ruleNames = options.ruleSet?.forbidden?.map((r) => r.name) ?? [];
      expect(new Set(found.map((v) => v.slice(0, v.indexOf(':'))))).toEqual(new Set(ruleNames));
    }, 60_000);
  });
});

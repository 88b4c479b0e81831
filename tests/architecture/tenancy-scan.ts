import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Every Prisma call in src/modules whose argument names neither `municipalityId` nor the access rules,
 * as `file model.op`, one line per call, sorted (see tenancy.test.ts). Run this file to print them:
 * `npx tsx tests/architecture/tenancy-scan.ts > tests/architecture/tenancy-baseline.txt` rewrites the list
 * (only ever to shrink it).
 */
const ROOT = join(import.meta.dirname, '..', '..');
const OPS = new Set([
  'findMany',
  'findFirst',
  'findFirstOrThrow',
  'findUnique',
  'findUniqueOrThrow',
  'update',
  'updateMany',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
  'upsert',
]);
const SCOPED = /municipalityId|accessibleBy\(|\ballowed\.ofType\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `file model.op` of every call without the key, one per call. */
export function unscopedCalls(): string[] {
  const found: string[] = [];
  for (const file of files(join(ROOT, 'src', 'modules'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && OPS.has(node.expression.name.text)) {
        const target = node.expression.expression;
        if (ts.isPropertyAccessExpression(target) && /(^|\.)(db|tx)$/.test(target.expression.getText())) {
          const argument = node.arguments[0]?.getText() ?? '';
          if (!SCOPED.test(argument)) found.push(`${relative(ROOT, file)} ${target.name.text}.${node.expression.name.text}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort();
}

if (process.argv[1]?.endsWith('tenancy-scan.ts')) {
  console.log('# Queries in src/modules without municipalityId in their filter (tenancy.test.ts). This list may only shrink.');
  for (const line of unscopedCalls()) console.log(line);
}

/**
 * The architecture, checked on every `npm test` (tests/architecture/imports.test.ts) and by hand with
 * `npx depcruise src web tests scripts bench`. Type-only imports count (tsPreCompilationDeps):
 * a cycle through types is still a cycle, and the web may import the router's type only.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'web-imports-only-shared',
      comment: 'The browser imports nothing of the server but src/shared and the AppRouter type (web/src/lib/trpc.ts).',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/(shared/|trpc/router\\.ts$)' },
    },
    {
      name: 'web-imports-router-type-only',
      comment: 'The router is a type to the browser: `import type { AppRouter }`, never its code.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/trpc/router\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-imports-nothing',
      comment: 'src/shared is loaded by the browser too: it imports only itself (no Prisma, zod, node: or module code).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/' },
    },
    {
      name: 'core-knows-no-module',
      comment: 'The audit writer, the libraries, the keys and the shared vocabulary serve the modules and know none of them.',
      severity: 'error',
      from: { path: '^src/(audit|lib|crypto|shared)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-know-no-trpc',
      comment: 'Services know nothing of tRPC: in a module only router.ts imports @trpc/* or src/trpc/.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/router\\.ts$' },
      to: { path: ['^src/trpc/', '(^|/)@trpc/'] },
    },
    {
      name: 'no-cycle',
      comment: 'No import cycles, through types included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the cruiser cannot resolve escapes every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    // Prisma's generated client is read as a target only; its own insides are not ours to judge.
    doNotFollow: { path: ['node_modules', '^src/generated/'] },
    exclude: { path: '^web/dist/' },
    // Resolve packages through their `exports`, as Node and Vite do (@casl/prisma/runtime, csv-stringify/sync).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};

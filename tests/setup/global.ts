import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/migrate.js';
import { adminQuery, findOrStartPostgres, withDatabase } from './postgres.js';
import { ensureLoginRole } from '../../src/lib/db-roles.js';
import { TEST_RUNTIME_ROLE } from './roles.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pg: { adminUrl: string; template: string; prefix: string };
  }
}

/** Migrates one template database; each test file clones it (CREATE DATABASE … TEMPLATE …). */
export default async function setup(project: TestProject) {
  const server = await findOrStartPostgres();
  const prefix = `jisr_t${randomBytes(4).toString('hex')}`;
  const template = `${prefix}_template`;
  await adminQuery(server.adminUrl, `CREATE DATABASE ${template}`);
  await migrate(withDatabase(server.adminUrl, template));
  // The tests' app runs as the server does in production: a login role in jisr_app that owns nothing.
  await ensureLoginRole(server.adminUrl, TEST_RUNTIME_ROLE.name, TEST_RUNTIME_ROLE.password, 'runtime');
  project.provide('pg', { adminUrl: server.adminUrl, template, prefix });

  return async () => {
    const { rows } = await adminQuery(server.adminUrl, 'SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows) await adminQuery(server.adminUrl, `DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await server.stop();
  };
}

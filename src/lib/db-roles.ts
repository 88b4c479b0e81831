import type pg from 'pg';
import { connectClient } from './pg-client.js';

/** The role that holds the server's privileges (granted in migrations); login roles are its members. */
export const APP_ROLE = 'jisr_app';

/** The same server and database, signed in as another role. */
export function asRole(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Creates (or brings up to date) a login role, as a superuser on `adminUrl`: `member` makes it a member
 * of jisr_app (the server's rights), `owner` lets it own a database and create roles' grants. Idempotent.
 */
export async function ensureLoginRole(adminUrl: string, name: string, password: string, kind: 'runtime' | 'owner') {
  const client = await connectClient(adminUrl);
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(APP_ROLE)}) THEN
        CREATE ROLE ${ident(APP_ROLE)} NOLOGIN;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(name)}) THEN
        CREATE ROLE ${ident(name)} LOGIN;
      END IF;
    END $$`);
    await client.query(`ALTER ROLE ${ident(name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${literal(password)}`);
    if (kind === 'runtime') await client.query(`GRANT ${ident(APP_ROLE)} TO ${ident(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Makes `owner` the owner of database `url` and of everything the app's migrations made in it (a data
 * folder from before the two roles had them all owned by the superuser). Extension members stay as they are.
 */
export async function handOverDatabase(url: string, owner: string) {
  const client = await connectClient(url);
  try {
    await client.query(`ALTER DATABASE ${ident(client.database!)} OWNER TO ${ident(owner)}`);
    await client.query(`DO $$
    DECLARE r record;
    BEGIN
      FOR r IN
        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relowner <> ${literal(owner)}::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('e', 'a', 'i'))
      LOOP
        EXECUTE format('ALTER %s public.%I OWNER TO %I', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
          WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname, ${literal(owner)});
      END LOOP;
      FOR r IN
        SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner <> ${literal(owner)}::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO %I', r.sig, ${literal(owner)});
      END LOOP;
      FOR r IN
        SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e' AND t.typowner <> ${literal(owner)}::regrole
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
      LOOP
        EXECUTE format('ALTER TYPE public.%I OWNER TO %I', r.typname, ${literal(owner)});
      END LOOP;
    END $$`);
  } finally {
    await client.end();
  }
}

/**
 * Why this connection must not serve the app, or null: a superuser can switch the audit log's triggers
 * off (replica mode) and the owner of audit_event can disable them or rewrite its rows.
 */
export async function unsafeRuntimeRole(client: Pick<pg.Client, 'query'>): Promise<string | null> {
  const { rows } = await client.query<{ role: string; superuser: boolean; owns: boolean | null; rewrites: boolean | null }>(`
    SELECT current_user AS role, r.rolsuper AS superuser,
           (SELECT pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c
             WHERE c.oid = to_regclass('public.audit_event')) AS owns,
           (SELECT bool_or(has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE')) FROM pg_class c
             WHERE c.oid IN (to_regclass('public.audit_event'), to_regclass('public.audit_event_entity'),
                             to_regclass('public.audit_chain_head'), to_regclass('public.audit_hash_epoch'),
                             to_regclass('public.audit_pending'))) AS rewrites
    FROM pg_roles r WHERE r.rolname = current_user`);
  const row = rows[0]!;
  if (row.superuser) return `the database role "${row.role}" is a superuser`;
  if (row.owns) return `the database role "${row.role}" owns the audit log (audit_event)`;
  if (row.rewrites)
    return (
      `the database role "${row.role}" may write the audit record directly ` +
      '(audit_event, its links, chain heads, epochs or staged events), past audit_append()'
    );
  return null;
}

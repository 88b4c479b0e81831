import { randomBytes } from 'node:crypto';
import { createAdmin } from '../../src/cli/create-admin.js';
import type { Db } from '../../src/db.js';
import type { Out } from '../../src/cli/command.js';

/** An `Out` that keeps what a command prints; `text` is stdout and stderr together. */
export function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  const out: Out = { log: (l) => void lines.push(l), error: (l) => void errors.push(l) };
  return { out, lines, errors, text: () => [...lines, ...errors].join('\n') };
}

/** Flags for a new admin in a new municipality, unique per call; `over` replaces or adds flags. */
export function adminFlags(over: Record<string, string> = {}): string[] {
  const tag = randomBytes(4).toString('hex');
  const flags = {
    email: `admin.${tag}@test.jisr.local`,
    name: 'Test Administrator',
    municipality: `CLI Town ${tag}`,
    country: 'TN',
    ...over,
  };
  return Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]);
}

/** The one-time password in create-admin's output. */
export const printedPassword = (text: string) => /One-time password: (\S+)/.exec(text)?.[1];

/** Rows in the tables create-admin writes to, to show that a refusal changed nothing. */
export async function rowCounts(db: Db) {
  const [municipalities, users, events, chains] = await Promise.all([
    db.municipality.count(),
    db.user.count(),
    db.auditEvent.count(),
    db.auditChainHead.count(),
  ]);
  return { municipalities, users, events, chains };
}

/**
 * Edits an audit event as the database owner could: the append-only trigger is switched off for
 * the one UPDATE and straight back on. `set` is SQL, e.g. `action = 'x'`.
 */
export async function tamper(db: Db, eventId: bigint, set: string) {
  await db.$executeRawUnsafe('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update');
  try {
    await db.$executeRawUnsafe(`UPDATE audit_event SET ${set} WHERE id = $1`, eventId);
  } finally {
    await db.$executeRawUnsafe('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update');
  }
}

/** The audit events of one municipality's chain, in order. */
export const chainEvents = (db: Db, chain: string) => db.auditEvent.findMany({ where: { chain }, orderBy: { seq: 'asc' } });

/** Runs create-admin for a new municipality and returns what it made, for tests that need a chain. */
export async function newAdmin(db: Db, over: Record<string, string> = {}) {
  const printed = capture();
  const flags = adminFlags(over);
  const code = await createAdmin(db, flags, printed.out);
  if (code !== 0) throw new Error(`create-admin failed: ${printed.text()}`);
  const email = flags[flags.indexOf('--email') + 1]!.toLowerCase();
  const user = await db.user.findFirstOrThrow({ where: { email } });
  return { user, municipalityId: user.municipalityId, password: printedPassword(printed.text())!, text: printed.text() };
}

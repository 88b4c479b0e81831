import { z } from 'zod';
import type { Db, Tx } from '../db.js';
import { auditedTransaction, type AuditTrail } from '../audit/writer.js';
import { hashPassword } from '../auth/password.js';
import { oneTimePassword } from '../auth/token.js';
import { systemClock } from '../lib/clock.js';
import { emailAddress } from '../lib/email.js';
import { LOCALES } from '../shared/vocabulary.js';
import { CliError, parseFlags, runCommand, type Command, type Out } from './command.js';

const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => regions.of(code) ?? code;

const required = (what: string) => (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : what);

const length = 'must be 2 to 120 characters';
const Name = z
  .string({ error: required('must be text') })
  .trim()
  .min(2, length)
  .max(120, length);

const CreateAdminFlags = z.object({
  email: emailAddress(required('must be an e-mail address')),
  name: Name,
  municipality: Name,
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter ISO 3166 country code, e.g. TN', abort: true })
    // Intl echoes a code it does not know (XX), so this refuses typos that merely look right.
    .refine((code) => countryName(code) !== code, 'is not a known country code')
    .optional(),
  locale: z.enum(LOCALES, 'must be ar, fr or en').optional(),
  // The municipality is a regional hub (it holds its analysts and its admin, no casework), not a city.
  hub: z.boolean().optional(),
});

export type CreateAdminInput = z.output<typeof CreateAdminFlags>;

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  municipality: { type: 'string' },
  country: { type: 'string' },
  locale: { type: 'string' },
  hub: { type: 'boolean' },
} as const;

/**
 * A reference code (the `DEMO` of `DEMO-2026-0001`) that no municipality has yet, drawn at random among
 * the free ones. The column's own random default would collide, and fail the command, about once in
 * two hundred creations in a 27-city network.
 */
async function freeCode(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<{ code: string }[]>`
    SELECT upper(lpad(to_hex(n), 4, '0')) AS code FROM generate_series(0, 65535) AS n
    WHERE NOT EXISTS (SELECT 1 FROM municipality m WHERE m.code = upper(lpad(to_hex(n), 4, '0')))
    ORDER BY random() LIMIT 1`;
  const code = rows[0]?.code;
  if (!code) throw new CliError('Every four-character municipality code is taken; nothing was changed.');
  return code;
}

/** The municipality named exactly so, or a new one (which needs a country); audited when created. */
async function findOrCreateMunicipality(tx: Tx, audit: AuditTrail, input: CreateAdminInput) {
  const select = { id: true, name: true, country: true, defaultLocale: true, kind: true } as const;
  const kind = input.hub ? 'hub' : 'city';
  const found = await tx.municipality.findMany({ where: { name: input.municipality }, select, take: 2 });
  if (found.length > 1) {
    throw new CliError(`Several municipalities are named "${input.municipality}"; nothing was changed.`);
  }
  const existing = found[0];
  if (existing) {
    if (input.country && input.country !== existing.country) {
      throw new CliError(
        `Municipality "${existing.name}" exists with country ${existing.country}, not ${input.country}; nothing was changed.`,
      );
    }
    // A city's admin made with --hub (or a hub's without) would be an account of the wrong kind of place.
    if (existing.kind !== kind) {
      throw new CliError(
        `"${existing.name}" is a ${existing.kind}, not a ${kind}${input.hub ? '' : ' (add --hub for a hub)'}; nothing was changed.`,
      );
    }
    return { ...existing, created: false };
  }
  if (!input.country) {
    throw new CliError(
      `There is no municipality named "${input.municipality}". To create it, add --country with its two-letter code (e.g. --country TN).`,
    );
  }
  const town = await tx.municipality.create({
    data: { name: input.municipality, country: input.country, defaultLocale: input.locale ?? 'ar', code: await freeCode(tx), kind },
    select,
  });
  audit.record({
    action: 'municipality.create',
    municipalityId: town.id,
    entityType: 'Municipality',
    entityId: town.id,
    detail: { via: 'cli', kind },
  });
  return { ...town, created: true };
}

async function run(db: Db, input: CreateAdminInput, out: Out): Promise<number> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  // No actor: the operator at the console is not an account. Each event names its municipality.
  const base = { municipalityId: null, actorId: null, actorRole: null, requestId: 'cli', ip: null };
  const taken = new CliError(`An account with the e-mail ${input.email} already exists; nothing was changed.`);
  const { town, user } = await auditedTransaction(db, base, systemClock, async (tx, audit) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw taken;
    const town = await findOrCreateMunicipality(tx, audit, input);
    const user = await tx.user.create({
      data: {
        email: input.email,
        displayName: input.name,
        role: 'admin',
        locale: input.locale ?? town.defaultLocale,
        municipalityId: town.id,
        passwordHash,
        mustChangePassword: true,
      },
      select: { id: true, email: true },
    });
    audit.record({
      action: 'user.create',
      municipalityId: town.id,
      entityType: 'User',
      entityId: user.id,
      detail: { role: 'admin', via: 'cli' },
    });
    return { town, user };
  }).catch((err: unknown) => {
    // Another process took the address between our check and the insert (unique index on email, stored normalised).
    throw (err as { code?: string }).code === 'P2002' ? taken : err;
  });

  const where = `"${town.name}" (${countryName(town.country)}, id ${town.id})`;
  const what = town.kind === 'hub' ? 'regional hub' : 'municipality';
  out.log(town.created ? `Created ${what} ${where}.` : `Using the existing ${what} ${where}.`);
  out.log(`Created administrator ${user.email} (id ${user.id}).`);
  out.log('');
  out.log(`  One-time password: ${password}`);
  out.log('');
  out.log('It is shown only this once and is not stored. Give it to the administrator in person or over');
  out.log('a trusted channel; at the first sign-in they must choose their own password.');
  return 0;
}

export const createAdminCommand: Command<CreateAdminInput> = {
  name: 'create-admin',
  usage: '--email E --name "Display Name" --municipality "Name" [--country TN] [--locale ar|fr|en] [--hub]',
  summary: 'Creates an administrator with a one-time password (and the municipality, if new). Applies pending migrations first.',
  flags: [
    "--email E            the administrator's e-mail, used to sign in (must not be taken, whatever its case)",
    '--name "N"           display name, 2 to 120 characters',
    '--municipality "M"   found by its exact name, or created',
    '--country CC         two-letter country code; required when the municipality is created',
    "--locale L           ar, fr or en; default: the municipality's language (ar for a new one)",
    '--hub                the municipality is a regional hub: its admin adds member cities, its hub analysts read their shared figures',
  ],
  examples: [
    'create-admin --email admin@sousse.example --name "Amina Ben Salah" --municipality "Sousse" --country TN --locale fr',
    'create-admin --email admin@hub.example --name "Hub Admin" --municipality "Regional Hub" --country JO --hub',
  ],
  migrates: true,
  parse: (argv) => parseFlags(argv, OPTIONS, CreateAdminFlags),
  run,
};

/** `create-admin` for tests and scripts: parse the flags, then run against `db`. Returns the exit code. */
export const createAdmin = (db: Db, argv: string[], out: Out) => runCommand(createAdminCommand, db, argv, out);

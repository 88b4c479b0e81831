import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Keyring } from '../../crypto/keyring.js';
import { GENESIS_HASH, idlessHashEvent, type HashedEvent } from '../../audit/hash.js';
import { nameKeys, type NameKeys } from '../../modules/people/names.js';
import { BulkLoader, pgArray, type Column } from './bulk.js';
import { KIND, detUuid } from './ids.js';
import { Prng, hashString } from './prng.js';
import { syntheticName } from './names.js';
import { CASE_SECTIONS, CONCERN_CATEGORIES, INTERVENTION_TYPES, REFERRAL_SOURCES } from '../../shared/vocabulary.js';
import type { TimelineKind } from '../../modules/cases/timeline-policy.js';

export interface ScaleOptions {
  people: number;
  cases: number;
  audit: number;
  municipalities: number;
  seed: number;
  /** Every seeded account's password (one argon2 hash, made by the caller). */
  passwordHash: string;
  /** Rows per INSERT statement. */
  batchSize?: number;
  /** Generate and hash only, write nothing (pool unused). */
  dryRun?: boolean;
}

export interface ScaleMunicipality {
  id: string;
  name: string;
  code: string;
  people: number;
  cases: number;
  audit: number;
}

export interface ScaleResult {
  /** sha256 over every generated row (plaintext where the database holds ciphertext; no password hash). */
  hash: string;
  counts: Record<string, number>;
  municipalities: ScaleMunicipality[];
  seconds: number;
}

export type Progress = (line: string) => void;

/** Data is dated relative to this day, so the same seed gives the same rows whenever it runs. */
export const SCALE_ANCHOR = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;
/** Live disclosures expire this long after the anchor at the earliest. */
const LIVE_FOR_DAYS = [500, 1100] as const;

export const SCALE_PASSWORD = 'jisr-scale-bench-2026';
export const AGENCIES_PER_MUNICIPALITY = 10;
export const PRACTITIONERS_PER_AGENCY = 5;

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const scaleDomain = (index: number) => `m${pad(index + 1, 2)}.scale.jisr.local`;
/** The accounts the benchmark signs in as (all share SCALE_PASSWORD). */
export const scaleAccounts = (index: number) => ({
  coordinator: `coordinator@${scaleDomain(index)}`,
  /** Practitioner of the agency most cases are disclosed to. */
  practitioner: `ap01.1@${scaleDomain(index)}`,
  socialWorker: `sw001@${scaleDomain(index)}`,
  auditor: `auditor@${scaleDomain(index)}`,
  /** Many distinct accounts for sign-in bursts. */
  all: (n: number) => {
    const out: string[] = [];
    for (let a = 1; a <= AGENCIES_PER_MUNICIPALITY && out.length < n; a++) {
      for (let p = 1; p <= PRACTITIONERS_PER_AGENCY && out.length < n; p++) out.push(`ap${pad(a, 2)}.${p}@${scaleDomain(index)}`);
    }
    return out;
  },
});

/** The municipalities a seed creates (ids and shares), known before loading: the benchmark checks for them. */
export function planMunicipalities(
  opts: Pick<ScaleOptions, 'people' | 'cases' | 'audit' | 'municipalities' | 'seed'>,
): ScaleMunicipality[] {
  const m = opts.municipalities;
  // The first municipality is the big city (half of everything when there are several); the rest share the remainder.
  const weights = Array.from({ length: m }, (_, i) => (m === 1 ? 1 : i === 0 ? 0.5 : 0.5 / (m - 1)));
  const split = (total: number) => {
    const parts = weights.map((w) => Math.floor(total * w));
    parts[0]! += total - parts.reduce((a, b) => a + b, 0);
    return parts;
  };
  const [people, cases, audit] = [split(opts.people), split(opts.cases), split(opts.audit)];
  const letter = String.fromCharCode(65 + (opts.seed % 26));
  return weights.map((_, i) => ({
    id: detUuid(hashString(`scale:${opts.seed}`), 100, i),
    name: `Scale City ${pad(i + 1, 2)}`,
    code: `Z${letter}${pad(i + 1, 2)}`,
    people: people[i]!,
    cases: Math.min(cases[i]!, people[i]!),
    audit: audit[i]!,
  }));
}

const TABLES: Record<string, readonly Column[]> = {
  municipality: [
    ['id', 'uuid'],
    ['name', 'text'],
    ['country', 'char(2)'],
    ['code', 'text'],
    ['default_locale', '"Locale"'],
    ['created_at', 'timestamptz'],
    ['second_factor_roles', '"Role"[]'],
  ],
  // The scale's own purposes, beside the defaults every town gets (trigger): the disclosures name these.
  disclosure_purpose: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['code', '"PurposeCode"'],
    ['label_ar', 'text'],
    ['label_fr', 'text'],
    ['label_en', 'text'],
  ],
  agency: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['name', 'text'],
    ['kind', '"AgencyKind"'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  app_user: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['agency_id', 'uuid'],
    ['email', 'text'],
    ['display_name', 'text'],
    ['role', '"Role"'],
    ['locale', '"Locale"'],
    ['password_hash', 'text'],
    ['trained_assessor', 'boolean'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  person: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['name_arabic', 'text'],
    ['name_latin', 'text'],
    ['latin_key', 'text'],
    ['skeleton', 'text'],
    ['birth_year', 'int'],
    ['sex', '"Sex"'],
    ['languages', 'text[]'],
    ['cohort', '"Cohort"'],
    ['created_at', 'timestamptz'],
  ],
  household: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['label', 'text'],
    ['created_at', 'timestamptz'],
  ],
  household_member: [
    ['household_id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['person_id', 'uuid'],
    ['relationship', '"Relationship"'],
  ],
  referral: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['person_id', 'uuid'],
    ['referrer_id', 'uuid'],
    ['referrer_agency_id', 'uuid'],
    ['cohort', '"Cohort"'],
    ['source', '"ReferralSource"'],
    ['concern_categories', 'text[]'],
    ['concern_text', 'text'],
    ['urgency', '"Urgency"'],
    ['consent_given', 'boolean'],
    ['consent_by', '"ConsentBy"'],
    ['consent_at', 'timestamptz'],
    ['consent_scope', 'text'],
    ['legal_basis', '"LegalBasis"'],
    ['legal_justification', 'text'],
    ['status', '"ReferralStatus"'],
    ['submitted_at', 'timestamptz'],
    ['decided_at', 'timestamptz'],
    ['decided_by_id', 'uuid'],
    ['signpost_to', 'text'],
    ['decision_reason', 'text'],
    ['close_reason', '"ReferralCloseReason"'],
  ],
  case_record: [
    ['id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['reference', 'text'],
    ['person_id', 'uuid'],
    ['referral_id', 'uuid'],
    ['stage', '"CaseStage"'],
    ['cohort', '"Cohort"'],
    ['summary', 'text'],
    ['key_worker_id', 'uuid'],
    ['lead_agency_id', 'uuid'],
    ['opened_at', 'timestamptz'],
    ['closed_at', 'timestamptz'],
    ['close_reason', 'text'],
    ['updated_at', 'timestamptz'],
  ],
  case_event: [
    ['case_id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['at', 'timestamptz'],
    ['actor_id', 'uuid'],
    ['kind', 'text'],
    ['data', 'jsonb'],
  ],
  case_note: [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['author_id', 'uuid'],
    ['sensitivity', '"NoteSensitivity"'],
    ['body', 'text'],
    ['created_at', 'timestamptz'],
  ],
  disclosure: [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['agency_id', 'uuid'],
    ['user_id', 'uuid'],
    ['purpose_id', 'uuid'],
    ['sections', '"CaseSection"[]'],
    ['legal_basis', '"LegalBasis"'],
    ['expires_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['created_by_id', 'uuid'],
    ['revoked_at', 'timestamptz'],
    ['revoked_by_id', 'uuid'],
    ['revoke_reason', 'text'],
  ],
  intervention: [
    ['id', 'uuid'],
    ['case_id', 'uuid'],
    ['municipality_id', 'uuid'],
    ['type', '"InterventionType"'],
    ['title', 'text'],
    ['agency_id', 'uuid'],
    ['assignee_id', 'uuid'],
    ['start_date', 'date'],
    ['due_date', 'date'],
    ['status', '"InterventionStatus"'],
    ['outcome', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['created_by_id', 'uuid'],
  ],
  case_counter: [
    ['municipality_id', 'uuid'],
    ['year', 'int'],
    ['last', 'int'],
  ],
  audit_event: [
    ['chain', 'text'],
    ['seq', 'int'],
    ['at', 'timestamptz'],
    ['municipality_id', 'uuid'],
    ['actor_id', 'uuid'],
    ['actor_role', '"Role"'],
    ['action', 'text'],
    ['entity_type', 'text'],
    ['entity_id', 'text'],
    ['outcome', '"AuditOutcome"'],
    ['purpose', 'text'],
    ['request_id', 'text'],
    ['ip', 'text'],
    ['detail', 'jsonb'],
    ['prev_hash', 'text'],
    ['hash', 'text'],
  ],
  audit_chain_head: [
    ['chain', 'text'],
    ['seq', 'int'],
    ['hash', 'text'],
  ],
  audit_hash_epoch: [
    ['chain', 'text'],
    ['id_covered_from', 'int'],
  ],
};

/** The big tables whose secondary indexes are dropped for the load and rebuilt after it (when they start empty). */
const BIG_TABLES = [
  'person',
  'household_member',
  'referral',
  'case_record',
  'case_event',
  'case_note',
  'disclosure',
  'intervention',
  'audit_event',
];

const AGENCY_KINDS = [
  'youth',
  'school',
  'health',
  'ngo',
  'employment',
  'religious_community',
  'police_liaison',
  'social_services',
  'school',
  'youth',
] as const;
const AGENCY_NAMES: Record<string, string> = {
  youth: 'Youth Centre',
  school: 'Secondary School',
  health: 'Health Centre',
  ngo: 'Community NGO',
  employment: 'Employment Office',
  religious_community: 'Community Council',
  police_liaison: 'Police Liaison Unit',
  social_services: 'Family Services',
};
const COHORTS = [
  ['youth', 55],
  ['returnee', 8],
  ['returnee_family', 12],
  ['migrant', 15],
  ['other', 10],
] as const;
const STAGES = [
  ['intake', 10],
  ['assessment', 15],
  ['planning', 15],
  ['intervention', 30],
  ['review', 10],
  ['closed', 15],
  ['follow_up', 5],
] as const;
const CONCERNS = [
  'Teacher reports the student shares violent videos in the class chat (synthetic case %).',
  'تلاحظ الأسرة عزلة متزايدة وقضاء ساعات طويلة في منتديات مغلقة (حالة تجريبية %).',
  'Returned with family after years abroad; needs housing, schooling and psychosocial support (synthetic %).',
  "L'éducateur signale des propos hostiles envers un groupe de voisins (cas fictif %).",
];
const NOTES = [
  'Home visit done; the family is willing to work with the youth centre (synthetic %).',
  'Met the young person at school with the counsellor; agreed weekly mentoring (synthetic %).',
  'زيارة منزلية: الأسرة متعاونة ووافقت على خطة الدعم (ملاحظة تجريبية %).',
  'Entretien avec la mère : inquiétudes sur les fréquentations en ligne (note fictive %).',
  'Phone call with the employment office about a training place (synthetic %).',
];
const PURPOSES = [
  'Mentoring and youth activities',
  'School support plan',
  'Health and psychosocial follow-up',
  'Employment and training',
  'Family support',
];
/** The core code of each of PURPOSES, in its order (the town's list gets them as purposes of its own). */
const PURPOSE_CODES = ['support_services', 'education', 'health', 'employment', 'safeguarding'] as const;

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

interface Staff {
  coordinators: string[];
  socialWorkers: string[];
  agencies: string[];
  /** practitioners[a] = the accounts of agency a */
  practitioners: string[][];
  auditor: string;
  admin: string;
}

/**
 * Fills the database with synthetic data for `opts.municipalities` municipalities. Deterministic for
 * a seed (ids, names, dates, texts); only ciphertexts (random IVs) and the password hash differ
 * between runs, and the content hash covers the plaintext instead.
 */
export async function seedScale(
  pool: pg.Pool,
  keyring: Keyring,
  opts: ScaleOptions,
  progress: Progress = () => undefined,
): Promise<ScaleResult> {
  const started = Date.now();
  const plan = planMunicipalities(opts);
  const digest = createHash('sha256');
  digest.update(
    JSON.stringify({ people: opts.people, cases: opts.cases, audit: opts.audit, municipalities: opts.municipalities, seed: opts.seed }),
  );
  const counts: Record<string, number> = {};
  const totals = expectedTotals(plan);
  let lastReport = 0;
  const onFlush = (inserted: Record<string, number>) => {
    const now = Date.now();
    if (now - lastReport < 3_000) return;
    lastReport = now;
    const parts = ['person', 'referral', 'case_record', 'case_note', 'audit_event']
      .filter((t) => inserted[t]! > 0)
      .map((t) => `${t} ${inserted[t]}${totals[t] ? `/${totals[t]}` : ''}`);
    progress(`  ${((now - started) / 1000).toFixed(0).padStart(4)} s  ${parts.join('  ')}`);
  };
  const loader = new BulkLoader(opts.dryRun ? null : pool, TABLES, opts.batchSize ?? 10_000, onFlush);
  const emit = async (table: string, values: (string | number | boolean | null)[], hashed: unknown[] = values) => {
    counts[table] = (counts[table] ?? 0) + 1;
    digest.update(table);
    digest.update(JSON.stringify(hashed));
    await loader.add(table, values);
  };

  // Rebuilding indexes after the load pays from tens of thousands of rows on.
  const dropped = opts.dryRun || opts.people < 50_000 ? [] : await dropSecondaryIndexes(pool);
  if (dropped.length) progress(`Dropped ${dropped.length} secondary indexes for the load; they are rebuilt at the end.`);
  try {
    for (const [index, town] of plan.entries()) {
      progress(`${town.name} (${town.code}): ${town.people} people, ${town.cases} cases, ${town.audit} audit events`);
      await seedMunicipality(index, town, opts, keyring, emit, () => loader.done());
    }
    await loader.done();
  } finally {
    if (dropped.length) {
      progress(`Rebuilding ${dropped.length} indexes…`);
      const client = await pool.connect();
      try {
        await client.query(`SET maintenance_work_mem = '256MB'`);
        for (const def of dropped) {
          const t0 = Date.now();
          await client.query(def.sql);
          progress(`  ${def.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        }
      } finally {
        client.release();
      }
    }
  }
  if (!opts.dryRun) {
    // VACUUM as autovacuum would after a bulk load: it marks the pages all-visible, so the covering indexes
    // (statistics, matching) are read index-only as on a database that has been running.
    progress('VACUUM ANALYZE…');
    await pool.query(
      `VACUUM ANALYZE ${Object.keys(TABLES)
        .map((t) => `"${t}"`)
        .join(', ')}`,
    );
  }
  return { hash: digest.digest('hex'), counts, municipalities: plan, seconds: (Date.now() - started) / 1000 };
}

function expectedTotals(plan: ScaleMunicipality[]): Record<string, number> {
  const sum = (f: (m: ScaleMunicipality) => number) => plan.reduce((n, m) => n + f(m), 0);
  return {
    person: sum((m) => m.people),
    case_record: sum((m) => m.cases),
    audit_event: sum((m) => m.audit),
    referral: sum((m) => referralCount(m)),
  };
}

/** Referrals: one per case (accepted) plus a quarter more that are waiting, signposted or closed. */
const referralCount = (m: ScaleMunicipality) => Math.min(m.people, m.cases + Math.max(8, Math.round(m.cases * 0.25)));

async function dropSecondaryIndexes(pool: pg.Pool): Promise<{ name: string; sql: string }[]> {
  const { rows: empty } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM (SELECT 1 FROM person LIMIT 1) p');
  if (empty[0]!.n > 0) return [];
  const { rows } = await pool.query<{ name: string; sql: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS sql
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND NOT x.indisprimary AND NOT x.indisunique AND t.relnamespace = 'public'::regnamespace
      ORDER BY t.relname, i.relname`,
    [BIG_TABLES],
  );
  for (const r of rows) await pool.query(`DROP INDEX "${r.name}"`);
  return rows;
}

const wordKeys = new Map<string, NameKeys>();

/**
 * `nameKeys` of a name, word by word with a cache: the app's keys are computed per space-separated
 * word and joined (see people/names.ts), so this gives the same keys as `nameKeys(name)` (a test
 * checks it) at a fraction of the cost for a million names drawn from a few hundred words.
 */
export function fastNameKeys(name: string): NameKeys {
  const latin: string[] = [];
  const skeleton: string[] = [];
  for (const word of name.split(' ')) {
    let keys = wordKeys.get(word);
    if (!keys) {
      keys = nameKeys(word);
      wordKeys.set(word, keys);
    }
    if (keys.latinKey) latin.push(keys.latinKey);
    if (keys.skeleton) skeleton.push(keys.skeleton);
  }
  return { latinKey: latin.join(' '), skeleton: skeleton.join(' ') };
}

type Emit = (table: string, values: (string | number | boolean | null)[], hashed?: unknown[]) => Promise<void>;

async function seedMunicipality(
  index: number,
  town: ScaleMunicipality,
  opts: ScaleOptions,
  keyring: Keyring,
  emit: Emit,
  flush: () => Promise<void>,
) {
  const salt = hashString(`${opts.seed}:${index}`);
  const root = new Prng(salt);
  const id = (kind: number, i: number) => detUuid(salt, kind, i);
  const domain = scaleDomain(index);
  const createdAt = iso(SCALE_ANCHOR - 4 * 365 * DAY);

  // Benchmark towns ask no second factor: the load signs in with passwords (a real town's default asks it of three roles).
  await emit('municipality', [town.id, town.name, 'TN', town.code, 'ar', createdAt, '{}']);
  const purposeRng = root.fork('purposes');
  const purposeIds = PURPOSES.map(() => purposeRng.uuid());
  for (const [k, label] of PURPOSES.entries())
    await emit('disclosure_purpose', [purposeIds[k]!, town.id, PURPOSE_CODES[k]!, label, label, label]);

  // Agencies and accounts.
  const urng = root.fork('staff');
  const staff: Staff = { coordinators: [], socialWorkers: [], agencies: [], practitioners: [], auditor: '', admin: '' };
  for (let a = 0; a < AGENCIES_PER_MUNICIPALITY; a++) {
    const agencyId = urng.uuid();
    const kind = AGENCY_KINDS[a]!;
    staff.agencies.push(agencyId);
    await emit('agency', [agencyId, town.id, `${AGENCY_NAMES[kind]} ${pad(a + 1, 2)}`, kind, createdAt, createdAt]);
  }
  const user = async (email: string, name: string, role: string, agencyId: string | null, assessor = false) => {
    const userId = urng.uuid();
    const locale = urng.pick(['ar', 'ar', 'fr', 'en']);
    await emit(
      'app_user',
      [userId, town.id, agencyId, email, name, role, locale, opts.passwordHash, assessor, createdAt, createdAt],
      [userId, email, name, role, agencyId, locale, assessor],
    );
    return userId;
  };
  staff.admin = await user(`admin@${domain}`, `Scale Administrator ${pad(index + 1, 2)}`, 'admin', null);
  staff.auditor = await user(`auditor@${domain}`, `Scale Auditor ${pad(index + 1, 2)}`, 'auditor', null);
  staff.coordinators.push(await user(`coordinator@${domain}`, `Scale Coordinator ${pad(index + 1, 2)}`, 'coordinator', null, true));
  staff.coordinators.push(await user(`coordinator2@${domain}`, `Scale Coordinator ${pad(index + 1, 2)}b`, 'coordinator', null, true));
  const socialWorkers = Math.min(250, Math.max(5, Math.ceil(town.cases / 400)));
  for (let s = 1; s <= socialWorkers; s++)
    staff.socialWorkers.push(
      await user(`sw${pad(s, 3)}@${domain}`, `Scale Social Worker ${pad(s, 3)}`, 'social_worker', null, s % 4 === 0),
    );
  for (let a = 0; a < AGENCIES_PER_MUNICIPALITY; a++) {
    const list: string[] = [];
    for (let p = 1; p <= PRACTITIONERS_PER_AGENCY; p++)
      list.push(
        await user(
          `ap${pad(a + 1, 2)}.${p}@${domain}`,
          `Scale Practitioner ${pad(a + 1, 2)}.${p}`,
          'agency_practitioner',
          staff.agencies[a]!,
        ),
      );
    staff.practitioners.push(list);
  }
  await flush();

  // People, with their names' matching keys computed exactly as the app does (people/service.ts).
  const prng = root.fork('people');
  const cohorts = new Uint8Array(town.people);
  const births = new Uint16Array(town.people);
  const cohortNames = COHORTS.map(([c]) => c);
  for (let i = 0; i < town.people; i++) {
    const name = syntheticName(prng);
    const keys = fastNameKeys(name.latin ?? name.arabic!);
    const skeleton = name.arabic ? fastNameKeys(name.arabic).skeleton : keys.skeleton;
    const cohort = prng.weighted(COHORTS);
    const year = cohort === 'youth' ? prng.int(2006, 2016) : prng.int(1960, 2012);
    cohorts[i] = cohortNames.indexOf(cohort);
    births[i] = year;
    const languages = name.arabic ? (prng.chance(0.3) ? ['ar', 'fr'] : ['ar']) : prng.chance(0.5) ? ['fr'] : ['en'];
    await emit('person', [
      id(KIND.person, i),
      town.id,
      name.arabic,
      name.latin,
      keys.latinKey,
      skeleton,
      year,
      name.sex,
      pgArray(languages),
      cohort,
      iso(SCALE_ANCHOR - prng.int(0, 1460) * DAY),
    ]);
  }

  // Households: a few consecutive people live together (a returnee and their children).
  const hrng = root.fork('households');
  let households = 0;
  for (let i = 0; i + 1 < town.people; ) {
    if (!hrng.chance(0.04)) {
      i += 1;
      continue;
    }
    const size = Math.min(hrng.int(2, 4), town.people - i);
    const householdId = id(KIND.household, households++);
    await emit('household', [householdId, town.id, `Household ${households}`, createdAt]);
    for (let k = 0; k < size; k++) {
      await emit('household_member', [householdId, town.id, id(KIND.person, i + k), k === 0 ? 'other' : k === 1 ? 'spouse' : 'child']);
    }
    i += size;
  }

  // Referrals and cases: referral r < cases opened case r; the rest wait, were signposted or closed.
  const rrng = root.fork('referrals');
  const crng = root.fork('cases');
  const referrals = referralCount(town);
  const counters = new Map<number, number>();
  const referrers = [...staff.socialWorkers, ...staff.practitioners.flat()];
  let notes = 0;
  let disclosures = 0;
  let interventions = 0;
  for (let r = 0; r < referrals; r++) {
    const p = Math.floor((r * town.people) / referrals);
    const personId = id(KIND.person, p);
    const cohort = cohortNames[cohorts[p]!]!;
    const isCase = r < town.cases;
    const status = isCase
      ? 'accepted'
      : rrng.weighted([
          ['submitted', 50],
          ['signposted', 25],
          ['closed', 25],
        ] as const);
    const submitted = isCase
      ? SCALE_ANCHOR - rrng.int(8, 1095) * DAY - rrng.int(0, DAY - 1)
      : SCALE_ANCHOR - rrng.int(0, 40) * DAY - rrng.int(0, DAY - 1);
    const referrerIndex = rrng.int(0, referrers.length - 1);
    const referrerId = referrers[referrerIndex]!;
    const referrerAgency =
      referrerIndex >= staff.socialWorkers.length
        ? staff.agencies[Math.floor((referrerIndex - staff.socialWorkers.length) / PRACTITIONERS_PER_AGENCY)]!
        : null;
    const categories = [...new Set([rrng.pick(CONCERN_CATEGORIES), ...(rrng.chance(0.5) ? [rrng.pick(CONCERN_CATEGORIES)] : [])])];
    const concern = rrng.pick(CONCERNS).replace('%', String(r + 1));
    const consent = rrng.chance(0.8);
    const minor = births[p]! > 2008;
    const decided = status === 'submitted' ? null : submitted + rrng.int(1, 5) * DAY;
    const row = [
      id(KIND.referral, r),
      town.id,
      personId,
      referrerId,
      referrerAgency,
      cohort,
      rrng.pick(REFERRAL_SOURCES),
      pgArray(categories),
      '§',
      rrng.weighted([
        ['routine', 70],
        ['priority', 25],
        ['immediate_danger', 5],
      ] as const),
      consent,
      consent ? (minor ? 'guardian' : 'person') : null,
      consent ? iso(submitted) : null,
      consent ? 'Work with the prevention network on a support plan' : null,
      consent ? null : rrng.pick(['legal_obligation', 'vital_interest', 'public_task']),
      consent ? null : 'Risk to others described by the referrer; consent sought in parallel.',
      status,
      iso(submitted),
      decided === null ? null : iso(decided),
      decided === null ? null : staff.coordinators[0]!,
      status === 'signposted' ? 'Municipal employment office' : null,
      status === 'signposted'
        ? 'Needs employment support only'
        : status === 'closed'
          ? 'Not a prevention matter; family support informed'
          : null,
      status === 'closed' ? rrng.pick(['not_appropriate', 'insufficient_information', 'mistaken', 'malicious']) : null,
    ] as (string | number | boolean | null)[];
    const hashed = [...row];
    hashed[8] = concern;
    row[8] = keyring.encrypt(concern, 'referral.concern');
    await emit('referral', row, hashed);
    if (!isCase) continue;

    // The case of this referral.
    const caseId = id(KIND.case, r);
    const opened = decided!;
    const year = new Date(opened).getUTCFullYear();
    const number = (counters.get(year) ?? 0) + 1;
    counters.set(year, number);
    const stage = crng.weighted(STAGES);
    const keyWorker = crng.chance(0.9) ? crng.pick(staff.socialWorkers) : null;
    const leadAgency = crng.chance(0.7) ? crng.pick(staff.agencies) : null;
    const summary = crng.chance(0.8) ? `Synthetic summary ${r + 1}: ${concern}` : null;
    const closed = stage === 'closed' || stage === 'follow_up' ? Math.min(SCALE_ANCHOR - DAY, opened + crng.int(30, 400) * DAY) : null;
    const updated = closed ?? Math.min(SCALE_ANCHOR, opened + crng.int(0, 200) * DAY);
    const caseRow = [
      caseId,
      town.id,
      `${town.code}-${year}-${pad(number, 4)}`,
      personId,
      id(KIND.referral, r),
      stage,
      cohort,
      summary === null ? null : '§',
      keyWorker,
      leadAgency,
      iso(opened),
      closed === null ? null : iso(closed),
      stage === 'closed' ? 'Risk reduced; partners agree' : null,
      iso(updated),
    ] as (string | number | boolean | null)[];
    const caseHashed = [...caseRow];
    caseHashed[7] = summary;
    if (summary !== null) caseRow[7] = keyring.encrypt(summary, 'case.summary');
    await emit('case_record', caseRow, caseHashed);

    const actor = staff.coordinators[0]!;
    await emit('case_event', [
      caseId,
      town.id,
      iso(opened),
      actor,
      'opened' satisfies TimelineKind,
      JSON.stringify({ referralId: id(KIND.referral, r) }),
    ]);
    if (stage !== 'intake') {
      await emit('case_event', [
        caseId,
        town.id,
        iso(Math.min(updated, opened + DAY)),
        actor,
        'stage' satisfies TimelineKind,
        JSON.stringify({ from: 'intake', to: stage, reason: 'Agreed at the panel meeting' }),
      ]);
    }

    const noteCount = crng.int(0, 4);
    for (let k = 0; k < noteCount; k++) {
      const body = crng.pick(NOTES).replace('%', `${r + 1}.${k + 1}`);
      const author = keyWorker ?? actor;
      const row2 = [
        id(KIND.note, notes++),
        caseId,
        town.id,
        author,
        crng.chance(0.15) ? 'restricted' : 'standard',
        '§',
        iso(opened + (k + 1) * crng.int(1, 20) * DAY),
      ] as (string | number | boolean | null)[];
      const hashed2 = [...row2];
      hashed2[5] = body;
      row2[5] = keyring.encrypt(body, 'case.note');
      await emit('case_note', row2, hashed2);
    }

    // Disclosures: to an agency (the first agency is the busiest partner), now and then to a named social worker.
    const discloseCount = crng.chance(0.45) ? (crng.chance(0.2) ? 2 : 1) : 0;
    for (let k = 0; k < discloseCount; k++) {
      const agencyIndex = crng.chance(0.3) ? 0 : crng.int(0, AGENCIES_PER_MUNICIPALITY - 1);
      const toUser = crng.chance(0.08);
      const sections = CASE_SECTIONS.filter((_s, si) => (si === 0 ? crng.chance(0.85) : crng.chance(0.5)));
      if (sections.length === 0) sections.push('plan');
      const state = crng.weighted([
        ['live', 80],
        ['expired', 10],
        ['revoked', 10],
      ] as const);
      const made = opened + crng.int(1, 30) * DAY;
      const expires =
        state === 'expired'
          ? Math.min(SCALE_ANCHOR - DAY, made + 90 * DAY)
          : SCALE_ANCHOR + crng.int(LIVE_FOR_DAYS[0], LIVE_FOR_DAYS[1]) * DAY;
      await emit('disclosure', [
        id(KIND.disclosure, disclosures++),
        caseId,
        town.id,
        toUser ? null : staff.agencies[agencyIndex]!,
        toUser ? crng.pick(staff.socialWorkers) : null,
        crng.pick(purposeIds),
        pgArray(sections),
        crng.pick(['consent', 'consent', 'public_task', 'legal_obligation']),
        iso(expires),
        iso(made),
        actor,
        state === 'revoked' ? iso(made + 10 * DAY) : null,
        state === 'revoked' ? actor : null,
        state === 'revoked' ? 'Purpose fulfilled' : null,
      ]);
    }

    if (['planning', 'intervention', 'review', 'closed', 'follow_up'].includes(stage)) {
      const count = crng.int(1, 2);
      for (let k = 0; k < count; k++) {
        const agencyIndex = crng.int(0, AGENCIES_PER_MUNICIPALITY - 1);
        const start = opened + crng.int(5, 60) * DAY;
        const status =
          stage === 'planning'
            ? 'planned'
            : stage === 'intervention'
              ? crng.pick(['planned', 'active', 'active'])
              : crng.pick(['completed', 'completed', 'cancelled']);
        const type = crng.pick(INTERVENTION_TYPES);
        await emit('intervention', [
          id(KIND.intervention, interventions++),
          caseId,
          town.id,
          type,
          `Synthetic ${type.replace('_', ' ')} plan ${r + 1}.${k + 1}`,
          staff.agencies[agencyIndex]!,
          crng.chance(0.5) ? crng.pick(staff.practitioners[agencyIndex]!) : null,
          day(start),
          day(start + 90 * DAY),
          status,
          status === 'completed' ? 'Attended regularly; goals met' : null,
          iso(start - DAY),
          iso(start),
          actor,
        ]);
      }
    }
  }
  for (const [year, last] of [...counters.entries()].sort((a, b) => a[0] - b[0])) await emit('case_counter', [town.id, year, last]);

  await seedAudit(town, root.fork('audit'), staff, referrals, id, emit);
}

/**
 * The municipality's audit chain: reads and writes of the seeded records, hash-chained by the definition
 * that does not cover the event id (hash.ts: idlessHashEvent, which verify accepts for events written
 * before the id was covered): COPY lets the database number the rows, so their ids are not known here.
 */
async function seedAudit(
  town: ScaleMunicipality,
  rng: Prng,
  staff: Staff,
  referrals: number,
  id: (kind: number, i: number) => string,
  emit: Emit,
) {
  const n = town.audit;
  if (n === 0) return;
  const span = 3 * 365 * DAY;
  const start = SCALE_ANCHOR - span;
  const step = Math.max(1, Math.floor(span / n));
  let prevHash = GENESIS_HASH;
  const anyCase = () => id(KIND.case, rng.int(0, Math.max(0, town.cases - 1)));
  for (let seq = 1; seq <= n; seq++) {
    const kind = rng.weighted([
      ['case.read', 30],
      ['case.list', 18],
      ['referral.create', 10],
      ['case.note.create', 10],
      ['person.match', 10],
      ['auth.login', 10],
      ['case.stage.change', 5],
      ['case.disclose', 5],
      ['denied', 2],
    ] as const);
    const sw = rng.pick(staff.socialWorkers);
    const coordinator = staff.coordinators[0]!;
    let actor = rng.chance(0.6) ? coordinator : sw;
    let role = actor === coordinator ? 'coordinator' : 'social_worker';
    let entityType: string | null = 'Case';
    let entityId: string | null = town.cases > 0 ? anyCase() : null;
    let detail: Record<string, unknown> | null = null;
    let outcome = 'allowed';
    let purpose: string | null = null;
    let action: string = kind;
    switch (kind) {
      case 'case.read':
        detail = { sections: ['summary', 'notes', 'plan', 'team', 'timeline'] };
        break;
      case 'case.list':
        entityId = null;
        detail = {
          count: 50,
          touched: { Case: town.cases > 0 ? [...new Set([anyCase(), anyCase(), anyCase()])] : [] },
          filters: rng.chance(0.5) ? ['stage'] : [],
          page: 'first',
        };
        break;
      case 'referral.create':
        entityType = 'Referral';
        entityId = id(KIND.referral, rng.int(0, Math.max(0, referrals - 1)));
        actor = sw;
        role = 'social_worker';
        detail = {
          cohort: 'youth',
          source: rng.pick(REFERRAL_SOURCES),
          urgency: 'routine',
          categories: [rng.pick(CONCERN_CATEGORIES)],
          consentGiven: true,
          newPerson: rng.chance(0.5),
        };
        break;
      case 'case.note.create':
        detail = { noteId: rng.uuid(), sensitivity: 'standard' };
        break;
      case 'person.match':
        entityType = 'Person';
        entityId = null;
        detail = { candidates: rng.int(0, 10), shown: rng.int(0, 3), touched: { Person: [] } };
        break;
      case 'auth.login':
        entityType = 'User';
        entityId = actor;
        detail = null;
        break;
      case 'case.stage.change':
        actor = coordinator;
        role = 'coordinator';
        detail = { from: 'assessment', to: 'planning' };
        break;
      case 'case.disclose':
        actor = coordinator;
        role = 'coordinator';
        purpose = rng.pick(PURPOSES);
        detail = { agencyId: rng.pick(staff.agencies), sections: ['summary', 'plan'] };
        break;
      case 'denied':
        action = 'case.read';
        actor = rng.pick(staff.practitioners.flat());
        role = 'agency_practitioner';
        outcome = 'denied';
        detail = { code: 'NOT_FOUND' };
        break;
    }
    const event: Omit<HashedEvent, 'id'> = {
      chain: town.id,
      seq,
      at: new Date(start + seq * step),
      municipalityId: town.id,
      actorId: actor,
      actorRole: role,
      action,
      entityType,
      entityId,
      outcome,
      purpose,
      requestId: `seed-${seq}`,
      ip: `198.51.100.${rng.int(1, 254)}`,
      detail,
      prevHash,
    };
    const hash = idlessHashEvent(event);
    await emit('audit_event', [
      event.chain,
      seq,
      event.at.toISOString(),
      town.id,
      actor,
      role,
      action,
      entityType,
      entityId,
      outcome,
      purpose,
      event.requestId,
      event.ip,
      detail === null ? null : JSON.stringify(detail),
      prevHash,
      hash,
    ]);
    prevHash = hash;
  }
  await emit('audit_chain_head', [town.id, n, prevHash]);
  // The seeded events carry the id-less definition (their ids are the database's); the app's own come after.
  await emit('audit_hash_epoch', [town.id, n + 1]);
}

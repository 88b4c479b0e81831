import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { Prng } from '../src/seed/scale/prng.js';
import { queryNames } from '../src/seed/scale/names.js';
import { SCALE_ANCHOR, SCALE_PASSWORD, scaleAccounts } from '../src/seed/scale/seed.js';
import { openBenchDatabase, FULL, QUICK, type Sizes } from './db.js';
import { startServer, queryPath, mutation, send, dataOf, signIn, type BenchServer } from './client.js';
import { httpRun, loopRun, measure, median, round, type Figure, type Plan, type Request } from './measure.js';
import { PLAIN_REFERRAL_SQL, caseListParams, caseListSql } from './sql.js';
import { renderMarkdown } from './report.js';
import type { BenchResult } from './result.js';
import { breakdownCalls } from './breakdown.js';
import { measureStartUp } from './startup.js';
import { measureLighthouse } from './lighthouse.js';
import { caseWithEvents } from './history.js';
import { measureRecount, yearOfFigures } from './statistics.js';
import { measureHubYear } from './hub.js';
import { cpuProbe } from './cpu.js';
import { cpuText } from './report.js';
import { matchStatement } from '../src/modules/people/match-sql.js';
import { matchQualityOn } from './match-quality.js';
import { encodeCursor } from '../src/lib/cursor.js';

export interface BenchOptions {
  quick: boolean;
  /** A database to use instead of the embedded one (needs keySpec: the data key the scale data is encrypted with). */
  url?: string;
  keySpec?: string;
  sizes?: Sizes;
  dataDir?: string;
  outDir?: string;
  log?: (line: string) => void;
}

/** Runs every measurement of issue 5 and writes bench/results/<timestamp>.{json,md} and latest.md. */
export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const sizes = opts.sizes ?? (opts.quick ? QUICK : FULL);
  const plan: Plan = opts.quick
    ? { connections: 2, seconds: 0, amount: 6, warmupSeconds: 0, warmupAmount: 2, rounds: 2 }
    : { connections: 4, seconds: 5, warmupSeconds: 2, rounds: 3 };
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg().map((n) => round(n));
  log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), load average ${loadBefore.join(' ')}`);

  const database = await openBenchDatabase(sizes, { url: opts.url, keySpec: opts.keySpec, dataDir: opts.dataDir ?? '.data', log });
  const pool = new pg.Pool({ connectionString: database.url, max: plan.connections });
  let server: BenchServer | null = null;
  try {
    const town = database.town;
    const accounts = scaleAccounts(0);
    const one = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows[0] as T;
    const postgres = await one<{ server_version: string; shared_buffers: string }>(
      `SELECT current_setting('server_version') AS server_version, current_setting('shared_buffers') AS shared_buffers`,
    );
    // The access links grow by ~100 for every audited case page a run asks for, and audit rows are never deleted:
    // the case list's audit costs more on a database many runs have used (bench/README.md).
    const counts = await one<{ cases: number; people: number; audit: number; links: number; links_mb: number }>(
      `SELECT (SELECT count(*)::int FROM case_record WHERE municipality_id = $1) AS cases, (SELECT count(*)::int FROM person WHERE municipality_id = $1) AS people,
              (SELECT count(*)::int FROM audit_event) AS audit, (SELECT count(*)::int FROM audit_event_entity) AS links,
              (pg_total_relation_size('audit_event_entity') / 1000000)::int AS links_mb`,
      [town.id],
    );
    const practitioner = await one<{ id: string; agency_id: string }>('SELECT id, agency_id FROM app_user WHERE email = $1', [
      accounts.practitioner,
    ]);
    const coordinator = await one<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [accounts.coordinator]);
    const socialWorker = await one<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [accounts.socialWorker]);
    const person = await one<{ id: string }>('SELECT id FROM person WHERE municipality_id = $1 ORDER BY id LIMIT 1', [town.id]);

    log('Starting the server…');
    server = await startServer({ url: database.url, keySpec: database.keySpec, municipalityId: town.id });
    const base = server.base;
    const cookies = {
      coordinator: await signIn(base, accounts.coordinator, SCALE_PASSWORD),
      practitioner: await signIn(base, accounts.practitioner, SCALE_PASSWORD),
    };
    // CPU per request by side for the case list and referral creation (bench/cpu.ts).
    const probe = cpuProbe({ serverPid: server.child.pid ?? null, postmasterPid: database.postmasterPid });
    const http = (requests: Request[]) => (seconds: number, amount?: number) => httpRun(base, requests, plan.connections, seconds, amount);

    // 1. The authorised case list at five layers.
    const stage = 'intervention';
    const caseList = {} as BenchResult['caseList'];
    for (const role of ['coordinator', 'practitioner'] as const) {
      const who = role === 'coordinator' ? { userId: null, agencyId: null } : { userId: practitioner.id, agencyId: practitioner.agency_id };
      const cookie = { cookie: cookies[role] };
      const l1 = `/bench/l1/cases?stage=${stage}${who.userId ? `&userId=${who.userId}&agencyId=${who.agencyId}` : ''}`;
      const requests = {
        L1: [{ path: l1 }],
        L2: [{ path: queryPath('bench-trpc', 'l2', { stage, ...who }) }],
        L3: [{ path: queryPath('bench-trpc', 'l3', { stage }), headers: cookie }],
        L4: [{ path: queryPath('trpc', 'cases.list', { stage }), headers: cookie }],
      };
      // The layers must return the same page, or the comparison means nothing.
      const sqlRows = (await pool.query(caseListSql(who), caseListParams({ municipalityId: town.id, stage, ...who }))).rows.slice(0, 50);
      const l4 = await send(base, requests.L4[0]!);
      if (l4.status !== 200) throw new Error(`cases.list as ${role}: ${l4.status} ${JSON.stringify(l4.body).slice(0, 300)}`);
      const l4Ids = (dataOf(l4.body) as { items: { id: string }[] }).items.map((r) => r.id);
      if (l4Ids.join() !== sqlRows.map((r) => r.id).join())
        throw new Error(`L0 and L4 disagree on the ${role}'s page: ${sqlRows.length} vs ${l4Ids.length} rows`);
      for (const layer of ['L1', 'L2', 'L3'] as const) {
        const res = await send(base, requests[layer][0]!);
        if (res.status !== 200) throw new Error(`${layer} as ${role}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
      log(`Case list as ${role} (${sqlRows.length} rows, stage = ${stage}):`);
      const figures = {} as Record<'L0' | 'L0prepared' | 'L1' | 'L2' | 'L3' | 'L4', Figure>;
      figures.L0 = await measure(
        plan,
        (s, a) =>
          loopRun(() => pool.query(caseListSql(who), caseListParams({ municipalityId: town.id, stage, ...who })), plan.connections, s, a),
        probe,
      );
      log(`  L0 ${describe(figures.L0)}`);
      // The app prepares its hot statements (src/db.ts): the same SQL prepared, for comparison.
      const prepared = {
        name: `bench_l0_${role}`,
        text: caseListSql(who),
        values: caseListParams({ municipalityId: town.id, stage, ...who }),
      };
      figures.L0prepared = await measure(plan, (s, a) => loopRun(() => pool.query(prepared), plan.connections, s, a), probe);
      log(`  L0 prepared ${describe(figures.L0prepared)}`);
      for (const layer of ['L1', 'L2', 'L3', 'L4'] as const) {
        figures[layer] = await measure(plan, http(requests[layer]), probe);
        log(`  ${layer} ${describe(figures[layer])}`);
      }
      caseList[role] = {
        rows: sqlRows.length,
        ...figures,
        ratios: {
          p50_L4_L0: round(figures.L4.p50 / figures.L0.p50),
          p99_L4_L0: round(figures.L4.p99 / figures.L0.p99),
          p50_L4_L0prepared: round(figures.L4.p50 / figures.L0prepared.p50),
          p50_L4_L1: round(figures.L4.p50 / figures.L1.p50),
          p99_L4_L1: round(figures.L4.p99 / figures.L1.p99),
          rps_L4_L0: round(figures.L4.rps / figures.L0.rps),
        },
      };
      log(
        `  L4/L0 p50 ${caseList[role].ratios.p50_L4_L0}×, p99 ${caseList[role].ratios.p99_L4_L0}×; L4/L1 p50 ${caseList[role].ratios.p50_L4_L1}×`,
      );
    }

    // 2. Referral creation with its audit event vs a plain INSERT of the same row.
    log('Referral creation:');
    const concernText = 'Synthetic benchmark concern: the school reports growing isolation.';
    const justification = 'Benchmark: a public task carried out without consent for the measurement.';
    const auditBefore = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'referral.create' AND municipality_id = $1`,
      [town.id],
    );
    const plainPg = await measure(
      plan,
      (s, a) =>
        loopRun(
          () =>
            pool.query(PLAIN_REFERRAL_SQL, [
              town.id,
              person.id,
              socialWorker.id,
              database.keyring.encrypt(concernText, 'referral.concern'),
              justification,
            ]),
          plan.connections,
          s,
          a,
        ),
      probe,
    );
    log(`  plain INSERT through pg      ${describe(plainPg)}`);
    // The plain rows name the social worker as referrer, so they are told apart from the app's (the coordinator's).
    const plainBody = JSON.stringify({ personId: person.id, referrerId: socialWorker.id, concernText, justification });
    const plainRoute = await measure(
      plan,
      http([{ method: 'POST', path: '/bench/plain-referral', headers: { 'content-type': 'application/json' }, body: plainBody }]),
      probe,
    );
    log(`  plain INSERT in a route      ${describe(plainRoute)}`);
    const createInput = {
      personId: person.id,
      cohort: 'youth' as const,
      source: 'school' as const,
      concernCategories: ['isolation' as const],
      concernText,
      urgency: 'routine' as const,
      consent: { given: false as const, legalBasis: 'public_task' as const, justification },
    };
    const create = mutation('referrals.create', createInput, cookies.coordinator);
    const check = await send(base, create);
    if (check.status !== 200) throw new Error(`referrals.create: ${check.status} ${JSON.stringify(check.body).slice(0, 300)}`);
    const auditedFigure = await measure(plan, http([create]), probe);
    log(`  referrals.create (audited)   ${describe(auditedFigure)}`);
    const auditAfter = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'referral.create' AND municipality_id = $1`,
      [town.id],
    );
    const appReferrals = await one<{ n: number; without: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.municipality_id = r.municipality_id AND e.action = 'referral.create' AND e.entity_id = r.id::text))::int AS without
         FROM referral r WHERE r.municipality_id = $1 AND r.referrer_id = $2 AND r.submitted_at >= $3`,
      [town.id, coordinator.id, startedAt],
    );
    const plainCount = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM referral WHERE municipality_id = $1 AND referrer_id = $2 AND submitted_at >= $3',
      [town.id, socialWorker.id, startedAt],
    );
    const auditedWrites = auditAfter.n - auditBefore.n;
    const plainWrites = plainCount.n;
    // Every referral the app wrote has its audit event (the plain inserts are the unaudited baseline, by design).
    const writesWithoutAudit = appReferrals.without;
    log(`  ${auditedWrites} audited referrals, ${plainWrites} plain rows; app writes without an audit event: ${writesWithoutAudit}`);
    // The referrals written here (and by earlier runs: the scale data ends at its anchor) go again, so the figures
    // below count the scale data alone, whatever the number of runs (runs had left ~570k in one month).
    const removed = await pool.query(
      'DELETE FROM referral WHERE municipality_id = $1 AND referrer_id = ANY($2::uuid[]) AND submitted_at >= $3',
      [town.id, [coordinator.id, socialWorker.id], new Date(SCALE_ANCHOR)],
    );
    log(`  removed the ${removed.rowCount} referrals the bench wrote (this run and earlier ones)`);

    // 3. Person matching across the municipality's people, Arabic and Latin queries.
    log(`Person matching across ${counts.people} people:`);
    const names = queryNames(new Prng(20261125), 60);
    const arabicNames = names.filter((n) => n.script === 'arabic').map((n) => n.name);
    const latinNames = names.filter((n) => n.script === 'latin').map((n) => n.name);
    const matchReq = (name: string): Request => ({
      path: queryPath('trpc', 'people.match', { name }),
      headers: { cookie: cookies.coordinator },
    });
    const firstMatch = await send(base, matchReq(arabicNames[0]!));
    if (firstMatch.status !== 200) throw new Error(`people.match: ${firstMatch.status} ${JSON.stringify(firstMatch.body).slice(0, 300)}`);
    const matchPlan = { ...plan, connections: Math.min(plan.connections, 4) };
    const arabic = await measure(matchPlan, (s, a) => httpRun(base, arabicNames.map(matchReq), matchPlan.connections, s, a));
    log(`  Arabic queries   ${describe(arabic)}`);
    const latin = await measure(matchPlan, (s, a) => httpRun(base, latinNames.map(matchReq), matchPlan.connections, s, a));
    log(`  Latin queries    ${describe(latin)}`);
    // Full names with few or no namesakes (a given name and two family names seldom seen together):
    // the near-name path, which the common names above never reach.
    const rareNames = latinNames.map((n, i) =>
      [n, latinNames[(i + 1) % latinNames.length]!, latinNames[(i + 2) % latinNames.length]!]
        .map((x, j) => x.split(' ')[j === 0 ? 0 : 1])
        .join(' '),
    );
    const { nameKeys } = await import('../src/modules/people/names.js');
    const rareKeys = rareNames.map((n) => nameKeys(n));
    const rareWithNamesakes = (
      await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM unnest($2::text[]) AS q(skeleton) WHERE (SELECT count(*) FROM person p WHERE p.municipality_id = $1 AND p.skeleton = q.skeleton) >= 10`,
        [town.id, rareKeys.map((k) => k.skeleton)],
      )
    ).n;
    const rare = await measure(matchPlan, (s, a) => httpRun(base, rareNames.map(matchReq), matchPlan.connections, s, a));
    log(`  rare full names  ${describe(rare)} (${rareWithNamesakes} of ${rareNames.length} have ten namesakes or more)`);
    const sqlMatch = (list: string[]) => {
      let i = 0;
      return (s: number, a?: number) =>
        loopRun(
          () => {
            const k = nameKeys(list[i++ % list.length]!);
            // matchPeople's own statement, without a birth year.
            const statement = matchStatement(town.id, k, null);
            return pool.query(statement.text, statement.values);
          },
          matchPlan.connections,
          s,
          a,
        );
    };
    const sqlArabic = await measure(matchPlan, sqlMatch(arabicNames));
    const sqlLatin = await measure(matchPlan, sqlMatch(latinNames));
    const sqlRare = await measure(matchPlan, sqlMatch(rareNames));
    log(`  the SQL alone: Arabic ${describe(sqlArabic)}; Latin ${describe(sqlLatin)}; rare ${describe(sqlRare)}`);

    // The right person: the labelled cross-script set (bench/name-set.ts) in a rolled-back municipality of its own.
    const quality = await matchQualityOn(pool);
    const matchQuality = {
      people: quality.people,
      queries: quality.queries,
      recallAt5: quality.recallAt5,
      lookAlikeAbove: quality.lookAlikeAbove,
    };
    log(
      `  the right person: ${quality.queries} queries over ${quality.people} people, recall@5 ${quality.recallAt5}, a look-alike above the person ${quality.lookAlikeAbove}`,
    );

    // 4. Keyset pagination: page 1 vs a deep page of the coordinator's unfiltered list.
    const total = (await one<{ n: number }>('SELECT count(*)::int AS n FROM case_record WHERE municipality_id = $1', [town.id])).n;
    const page = Math.max(2, Math.min(2000, Math.floor((total - 1) / 50)));
    const cursorRow = await one<{ opened_at: Date; id: string }>(
      'SELECT opened_at, id FROM case_record WHERE municipality_id = $1 ORDER BY opened_at DESC, id DESC OFFSET $2 LIMIT 1',
      [town.id, (page - 1) * 50 - 1],
    );
    const cursor = encodeCursor({ at: cursorRow.opened_at, id: cursorRow.id });
    const firstPage: Request = { path: queryPath('trpc', 'cases.list', {}), headers: { cookie: cookies.coordinator } };
    const deepPage: Request = { path: queryPath('trpc', 'cases.list', { cursor }), headers: { cookie: cookies.coordinator } };
    const deepCheck = await send(base, deepPage);
    if (deepCheck.status !== 200 || (dataOf(deepCheck.body) as { items: unknown[] }).items.length === 0)
      throw new Error(`page ${page} is empty or failed: ${deepCheck.status}`);
    log(`Keyset pagination (${total} cases):`);
    const first = await measure(plan, http([firstPage]));
    log(`  page 1      ${describe(first)}`);
    const deep = await measure(plan, http([deepPage]));
    log(`  page ${page}  ${describe(deep)}`);

    // 4b. The access history of a case with 1,000 events (issue 13): its first page, as a coordinator.
    const historyCase = await one<{ id: string }>('SELECT id FROM case_record WHERE municipality_id = $1 ORDER BY id LIMIT 1', [town.id]);
    const historyEvents = await caseWithEvents(pool, town, historyCase.id, coordinator.id, 1_000);
    const historyReq: Request = {
      path: queryPath('trpc', 'audit.caseHistory', { id: historyCase.id }),
      headers: { cookie: cookies.coordinator },
    };
    const historyCheck = await send(base, historyReq);
    if (historyCheck.status !== 200 || (dataOf(historyCheck.body) as { items: unknown[] }).items.length === 0)
      throw new Error(`audit.caseHistory: ${historyCheck.status}`);
    const accessHistory = await measure(plan, http([historyReq]));
    log(`Access history of a case with ${historyEvents} events (first page of 50): ${describe(accessHistory)}`);

    // 4c. Statistics (issue 16): the calendar year of the newest referral, every figure, as a coordinator.
    const statsPeriod = await yearOfFigures(pool, town.id);
    const statsReq: Request = { path: queryPath('trpc', 'statistics.figures', statsPeriod), headers: { cookie: cookies.coordinator } };
    const statsCheck = await send(base, statsReq);
    if (statsCheck.status !== 200 || (dataOf(statsCheck.body) as { figures: unknown[] }).figures.length === 0)
      throw new Error(`statistics.figures: ${statsCheck.status}`);
    const statistics = await measure(plan, http([statsReq]));
    log(`Statistics, year ${statsPeriod.year} (${total} cases): ${describe(statistics)}`);
    const recount = await measureRecount(pool, town.id, () => send(base, statsReq), opts.quick ? 5 : 20);
    log(
      `  after a write in a month (counted again): p50 ${recount.afterWrite.p50} ms, p99 ${recount.afterWrite.p99} ms; a whole year counted: ${recount.wholeYearMs} ms`,
    );

    // 4d. The hub's figures (issue 16): the same year across every city, counted afresh (a published year's first request).
    const hub = await measureHubYear(database.url, pool, plan, statsPeriod.year);
    log(`Hub figures, year ${hub.year} across ${hub.cities} cities (${hub.cases} cases), uncached: ${describe(hub.figure)}`);

    // 5. Sign-in burst: p99 of other requests (the coordinator's case list) during bursts of 50 sign-ins vs without.
    const burst = 50;
    const burstAccounts = accounts.all(burst);
    const burstPlan: Plan = opts.quick ? { ...plan, connections: 2, amount: 30 } : { ...plan, connections: 4, seconds: 6 };
    const otherTraffic = [{ path: queryPath('trpc', 'cases.list', { stage }), headers: { cookie: cookies.coordinator } }];
    log(`Sign-in burst (${burst} concurrent sign-ins):`);
    const without = await measure(burstPlan, (s, a) => httpRun(base, otherTraffic, burstPlan.connections, s, a));
    log(`  other requests without a burst  ${describe(without)}`);
    const burstTimes: number[] = [];
    let signIns = 0;
    let failedSignIns = 0;
    const failures = new Map<number, number>();
    const oneBurst = async () => {
      const t0 = Date.now();
      const results = await Promise.all(
        burstAccounts.map((email) => send(base, mutation('auth.login', { email, password: SCALE_PASSWORD })).catch(() => ({ status: 0 }))),
      );
      signIns += results.length;
      for (const r of results.filter((x) => x.status !== 200)) {
        failedSignIns += 1;
        failures.set(r.status, (failures.get(r.status) ?? 0) + 1);
      }
      burstTimes.push(Date.now() - t0);
    };
    // Each round: one burst, and the other traffic measured for exactly as long as the burst lasts.
    const duringRuns: Figure[] = [];
    for (let i = 0; i < plan.rounds; i++) {
      const burstDone = new Promise((r) => setTimeout(r, 20)).then(oneBurst);
      const run = await httpRun(base, otherTraffic, burstPlan.connections, 600, undefined, burstDone);
      await burstDone;
      duringRuns.push({ ...run, rounds: 1 });
    }
    const during: Figure = {
      p50: median(duringRuns.map((r) => r.p50)),
      p99: median(duringRuns.map((r) => r.p99)),
      rps: median(duringRuns.map((r) => r.rps)),
      requests: duringRuns.reduce((n, r) => n + r.requests, 0),
      errors: duringRuns.reduce((n, r) => n + r.errors, 0),
      rounds: plan.rounds,
    };
    log(
      `  other requests during a burst   ${describe(during)}; a burst took ${Math.round(median(burstTimes))} ms (median of ${burstTimes.length}); ${failedSignIns} of ${signIns} sign-ins failed${failures.size ? ` (${[...failures].map(([st, n]) => `${n}× ${st}`).join(', ')})` : ''}`,
    );

    // 6. Where one request's time goes: one call at a time, in this process, statement by statement.
    log('Where the time goes (one call at a time, no HTTP):');
    const breakdown = await breakdownCalls(
      { url: database.url, keyring: database.keyring, ...(opts.quick ? { warmup: 1, calls: 3 } : { warmup: 20, calls: 100 }) },
      [
        { name: 'cases.list as coordinator', as: accounts.coordinator, call: (c) => c.cases.list({ stage }) },
        { name: 'cases.list as practitioner', as: accounts.practitioner, call: (c) => c.cases.list({ stage }) },
        {
          name: 'people.match, Latin names',
          as: accounts.coordinator,
          call: (c, i) => c.people.match({ name: latinNames[i % latinNames.length]! }),
        },
        {
          name: 'people.match, rare full names',
          as: accounts.coordinator,
          call: (c, i) => c.people.match({ name: rareNames[i % rareNames.length]! }),
        },
        { name: 'referrals.create', as: accounts.coordinator, call: (c) => c.referrals.create(createInput) },
      ],
    );
    for (const b of breakdown)
      log(
        `  ${b.name}: ${b.total} ms = session ${b.session} + SQL ${b.sql} (${b.statements}) + audit ${b.audit} + Prisma compile ${b.compile ?? '–'} + other JS ${b.rest}`,
      );

    // 7. Lighthouse on the sign-in page, home and a case page (the coordinator's session); quick runs do the sign-in page only.
    log('Lighthouse (Arabic, mobile, simulated throttling), accessibility / performance:');
    const someCase = await one<{ id: string }>('SELECT id FROM case_record WHERE municipality_id = $1 ORDER BY id LIMIT 1', [town.id]);
    const lighthousePages = [
      { name: 'sign-in', path: '/sign-in' },
      { name: 'home', path: '/', cookie: cookies.coordinator },
      { name: 'case page', path: `/cases/${someCase.id}`, cookie: cookies.coordinator },
    ];
    const lighthouse = await measureLighthouse(base, opts.quick ? lighthousePages.slice(0, 1) : lighthousePages);
    for (const l of lighthouse)
      log(
        `  ${l.name}: ${l.accessibility ?? '–'} / ${l.performance ?? '–'}${l.error ? ` (${l.error})` : ''}, LCP ${l.metrics['largest-contentful-paint']}, TBT ${l.metrics['total-blocking-time']}${l.failing.length ? ` (below 90: ${l.failing.join(', ')})` : ''}`,
      );

    // 8. `npm start` on a fresh data folder until the first page, and that page's JavaScript as sent.
    log('npm start (embedded database, demo data) and the first page:');
    const { startUp, frontEnd } = await measureStartUp();
    log(
      `  first page after ${startUp.freshSeconds} s on a fresh database, ${startUp.warmSeconds} s with its data; JavaScript ${frontEnd.rawKb} kB, ${frontEnd.gzipKb} kB gzipped, ${frontEnd.brotliKb} kB brotli as sent (${frontEnd.brotliComputedKb} kB by node:zlib)`,
    );

    const ratioToPlainRoute = round(auditedFigure.rps / plainRoute.rps);
    const ratioToPlainPg = round(auditedFigure.rps / plainPg.rps);
    const result: BenchResult = {
      startedAt,
      mode: opts.quick ? 'quick' : 'full',
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memoryGb: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        postgres: postgres.server_version,
        sharedBuffers: postgres.shared_buffers,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg().map((n) => round(n)),
      },
      sizes,
      data: {
        loadedSeconds: database.loaded?.seconds ?? null,
        contentHash: database.loaded?.hash ?? null,
        cases: counts.cases,
        people: counts.people,
        auditEvents: counts.audit,
        accessLinks: counts.links,
        accessLinksMb: counts.links_mb,
      },
      plan,
      caseList,
      referralCreation: { plainPg, plainRoute, audited: auditedFigure, ratioToPlainRoute, ratioToPlainPg, writesWithoutAudit },
      personMatch: { people: counts.people, arabic, latin, rare, rareWithNamesakes, sqlArabic, sqlLatin, sqlRare },
      matchQuality,
      keyset: { page, first, deep, ratioP50: round(deep.p50 / first.p50), ratioP99: round(deep.p99 / first.p99) },
      accessHistory: { events: historyEvents, figure: accessHistory },
      statistics: { ...statsPeriod, cases: total, figure: statistics, recount },
      hub,
      signInBurst: {
        burst,
        bursts: burstTimes.length,
        burstMs: Math.round(median(burstTimes)),
        signIns,
        failedSignIns,
        failedByStatus: Object.fromEntries(failures),
        without,
        during,
        ratioP99: round(during.p99 / without.p99),
      },
      breakdown,
      startUp,
      frontEnd,
      lighthouse,
      targets: [],
      serverErrors: server.errors(),
    };
    result.targets = targetsOf(result);
    await writeResults(result, opts.outDir ?? 'bench/results', log);
    return result;
  } finally {
    await server?.stop();
    await pool.end();
    await database.stop();
  }
}

export const describe = (f: Figure) =>
  `p50 ${f.p50.toFixed(2)} ms  p99 ${f.p99.toFixed(2)} ms  ${f.rps.toFixed(0)} req/s${f.errors ? `  ${f.errors} errors` : ''}${
    f.cpu ? `  CPU/req ${cpuText(f.cpu)} ms` : ''
  }`;

/** DESIGN.md's non-functional targets, against the figures. */
function targetsOf(r: BenchResult): BenchResult['targets'] {
  const t: BenchResult['targets'] = [];
  for (const role of ['coordinator', 'practitioner'] as const) {
    const x = r.caseList[role].ratios;
    t.push({ name: `case list (${role}) p50 L4/L0`, value: x.p50_L4_L0, target: '≤ 1.5', met: x.p50_L4_L0 <= 1.5 });
    t.push({ name: `case list (${role}) p99 L4/L0`, value: x.p99_L4_L0, target: '≤ 2', met: x.p99_L4_L0 <= 2 });
  }
  t.push({
    name: 'referral creation: audited / plain INSERT (route) throughput',
    value: r.referralCreation.ratioToPlainRoute,
    target: '≥ 0.5',
    met: r.referralCreation.ratioToPlainRoute >= 0.5,
  });
  t.push({
    name: 'referral creation: writes without audit',
    value: r.referralCreation.writesWithoutAudit,
    target: '0',
    met: r.referralCreation.writesWithoutAudit === 0,
  });
  const matchP99 = Math.max(r.personMatch.arabic.p99, r.personMatch.latin.p99);
  t.push({ name: `person match p99 (${r.personMatch.people} people)`, value: round(matchP99), target: '< 50 ms', met: matchP99 < 50 });
  const rareP99 = r.personMatch.rare.p99;
  t.push({
    name: `person match p99, rare full names (${r.personMatch.people} people)`,
    value: round(rareP99),
    target: '< 50 ms',
    met: rareP99 < 50,
  });
  const q = r.matchQuality;
  t.push({
    name: `person match recall@5 (${q.queries} cross-script queries)`,
    value: q.recallAt5,
    target: '≥ 0.95',
    met: q.recallAt5 >= 0.95,
  });
  t.push({
    name: 'person match: a look-alike ranked above the person (share of queries)',
    value: q.lookAlikeAbove,
    target: '≤ 0.05',
    met: q.lookAlikeAbove <= 0.05,
  });
  t.push({
    name: 'sign-in burst: failed sign-ins',
    value: r.signInBurst.failedSignIns,
    target: '0',
    met: r.signInBurst.failedSignIns === 0,
  });
  t.push({ name: `keyset page ${r.keyset.page} / page 1 (p50)`, value: r.keyset.ratioP50, target: '≤ 1.2', met: r.keyset.ratioP50 <= 1.2 });
  t.push({
    name: `access history p99, a case with ${r.accessHistory.events} events (ms)`,
    value: round(r.accessHistory.figure.p99),
    target: '< 100',
    met: r.accessHistory.figure.p99 < 100,
  });
  t.push({
    name: `statistics p99, a year of figures (${r.statistics.cases} cases)`,
    value: round(r.statistics.figure.p99),
    target: '< 500 ms',
    met: r.statistics.figure.p99 < 500,
  });
  t.push({
    name: `hub figures p99, a year across ${r.hub.cities} cities, uncached (${r.hub.cases} cases)`,
    value: round(r.hub.figure.p99),
    target: '< 500 ms',
    met: r.hub.figure.p99 < 500,
  });
  t.push({ name: 'first page JavaScript, gzipped as sent (kB)', value: r.frontEnd.gzipKb, target: '≤ 80', met: r.frontEnd.gzipKb <= 80 });
  t.push({
    name: 'first page JavaScript, brotli (kB)',
    value: r.frontEnd.brotliComputedKb,
    target: '≤ 60',
    met: r.frontEnd.brotliComputedKb <= 60,
  });
  t.push({
    name: 'npm start → first page, fresh database (s)',
    value: r.startUp.freshSeconds,
    target: '< 10',
    met: r.startUp.freshSeconds < 10,
  });
  return t;
}

async function writeResults(result: BenchResult, outDir: string, log: (l: string) => void) {
  await mkdir(outDir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  const md = renderMarkdown(result);
  await writeFile(join(outDir, `${stamp}-${result.mode}.json`), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(outDir, `${stamp}-${result.mode}.md`), md);
  await writeFile(join(outDir, result.mode === 'quick' ? 'latest-quick.md' : 'latest.md'), md);
  log(`\n${md}`);
  log(`Written to ${outDir}/${stamp}-${result.mode}.{json,md}`);
}

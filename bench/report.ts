import type { BenchResult } from './result.js';
import type { Figure } from './measure.js';
import type { CpuPerRequest } from './cpu.js';

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
/** CPU ms per request as "load generator / server / PostgreSQL = all". */
export const cpuText = (c: CpuPerRequest) =>
  `${ms(c.generator)} / ${ms(c.server ?? NaN)} / ${ms(c.postgres ?? NaN)} = ${ms(allCpu({ cpu: c }) ?? NaN)}`;
const row = (label: string, f: Figure, extra = '') =>
  `| ${label} | ${ms(f.p50)} | ${ms(f.p99)} | ${f.rps.toFixed(0)} | ${f.errors} | ${f.cpu ? cpuText(f.cpu) : '–'} | ${extra} |`;
const HEAD = [
  '| measurement | p50 ms | p99 ms | req/s | errors | CPU ms/request: load / app / PostgreSQL = all | note |',
  '|---|---:|---:|---:|---:|---:|---|',
].join('\n');

/** CPU ms per request over every side, when all three were measured. */
const allCpu = (f: Pick<Figure, 'cpu'>) =>
  f.cpu && f.cpu.server !== null && f.cpu.postgres !== null ? f.cpu.generator + f.cpu.server + f.cpu.postgres : null;

/**
 * What the CPU figures say of the ratio: when load generator, server and PostgreSQL share the cores and
 * keep them busy, a layer's p50 follows its CPU per request, so L1's CPU over L0's is about the best
 * ratio any procedure behind HTTP can reach on this machine.
 */
function cpuBound(cores: number, l0: Figure, l1: Figure, l4: Figure): string[] {
  const [a0, a1, a4] = [allCpu(l0), allCpu(l1), allCpu(l4)];
  if (a0 === null || a1 === null || a4 === null) return [];
  const busy = (f: Figure, a: number) => Math.round((f.rps * a) / 10 / cores);
  return [
    `CPU per request, every side: L0 ${ms(a0)} ms, L1 ${ms(a1)} ms (${ms(a1 / a0)}× L0), L4 ${ms(a4)} ms (${ms(a4 / a0)}× L0); ` +
      `the ${cores} cores were ${busy(l0, a0)}%, ${busy(l1, a1)}% and ${busy(l4, a4)}% busy.`,
    '',
  ];
}

/** Referral creation: with the cores busy, throughput follows CPU per request, so its ratio is about the CPUs' inverse. */
function cpuShare(plain: Figure, audited: Figure): string[] {
  const [a, b] = [allCpu(plain), allCpu(audited)];
  if (a === null || b === null) return [];
  return [
    `CPU per request, every side: the plain route ${ms(a)} ms, referrals.create ${ms(b)} ms; ` +
      `with the cores busy, half the plain route's throughput needs at most ${ms(2 * a)} ms.`,
    '',
  ];
}

/** The benchmark's figures as one Markdown page. */
export function renderMarkdown(r: BenchResult): string {
  const m = r.machine;
  const lines = [
    `# Jisr benchmark (${r.mode}) — ${r.startedAt}`,
    '',
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres} (shared_buffers ${m.sharedBuffers}); load average before ${m.loadAverageBefore.join(' ')}, after ${m.loadAverageAfter.join(' ')}.`,
    `Data: ${r.data.people} people and ${r.data.cases} cases in the measured municipality, ${r.data.auditEvents} audit events and ${r.data.accessLinks} access links (${r.data.accessLinksMb} MB) (seed-scale ${JSON.stringify(r.sizes)})` +
      (r.data.loadedSeconds !== null
        ? `; loaded in this run in ${r.data.loadedSeconds.toFixed(0)} s, content hash \`${r.data.contentHash}\`.`
        : '; already loaded.'),
    `Plan: ${r.plan.connections} concurrent connections, ${r.plan.amount ? `${r.plan.amount} requests` : `${r.plan.seconds} s`} a round, warm-up, median of ${r.plan.rounds} rounds.`,
    '',
    '## Targets (DESIGN.md)',
    '',
    '| target | value | wanted | met |',
    '|---|---:|---|---|',
    ...r.targets.map((t) => `| ${t.name} | ${t.value} | ${t.target} | ${t.met ? 'yes' : '**no**'} |`),
    '',
  ];
  for (const role of ['coordinator', 'practitioner'] as const) {
    const c = r.caseList[role];
    lines.push(
      `## Authorised case list as ${role} (${c.rows} rows, stage filter)`,
      '',
      HEAD,
      row('L0 SQL through pg', c.L0),
      row('L0 prepared', c.L0prepared, 'planned once per connection, as the app runs it'),
      row('L1 SQL in a bare Fastify route', c.L1),
      row('L2 SQL through tRPC', c.L2),
      row('L3 real procedure, no audit', c.L3, 'session + CASL + Prisma'),
      row('L4 real procedure (cases.list)', c.L4, 'with its audit event'),
      '',
      `L4/L0: p50 ${c.ratios.p50_L4_L0}×, p99 ${c.ratios.p99_L4_L0}×, throughput ${c.ratios.rps_L4_L0}×. L4/L0 prepared: p50 ${c.ratios.p50_L4_L0prepared}×. L4/L1: p50 ${c.ratios.p50_L4_L1}×, p99 ${c.ratios.p99_L4_L1}×.`,
      '',
      ...cpuBound(m.cores, c.L0, c.L1, c.L4),
    );
  }
  const w = r.referralCreation;
  lines.push(
    '## Referral creation',
    '',
    HEAD,
    row('plain INSERT through pg', w.plainPg),
    row('plain INSERT in a Fastify route', w.plainRoute),
    row('referrals.create with its audit event', w.audited),
    '',
    `Audited throughput = ${w.ratioToPlainRoute}× the plain INSERT behind the same HTTP server, ${w.ratioToPlainPg}× the INSERT straight through pg. App writes without an audit event: ${w.writesWithoutAudit}.`,
    '',
    ...cpuShare(w.plainRoute, w.audited),
    `## Person matching across ${r.personMatch.people} people`,
    '',
    HEAD,
    row('people.match, Arabic queries', r.personMatch.arabic),
    row('people.match, Latin queries', r.personMatch.latin),
    row(`people.match, rare full names (${r.personMatch.rareWithNamesakes} of them with ten namesakes or more)`, r.personMatch.rare),
    row('the SQL alone, Arabic', r.personMatch.sqlArabic),
    row('the SQL alone, Latin', r.personMatch.sqlLatin),
    row('the SQL alone, rare full names', r.personMatch.sqlRare),
    '',
    `The right person (bench/name-set.ts: ${r.matchQuality.people} people, each name with a look-alike that is a different name; ${r.matchQuality.queries} queries in other spellings and scripts): recall@5 ${r.matchQuality.recallAt5}, a look-alike ranked above the person in ${r.matchQuality.lookAlikeAbove} of queries.`,
    '',
    '## Keyset pagination (coordinator, no filter)',
    '',
    HEAD,
    row('page 1', r.keyset.first),
    row(`page ${r.keyset.page}`, r.keyset.deep),
    '',
    `Page ${r.keyset.page} / page 1: p50 ${r.keyset.ratioP50}×, p99 ${r.keyset.ratioP99}×.`,
    '',
    `## Access history (audit.caseHistory, first page, a case with ${r.accessHistory.events} events)`,
    '',
    HEAD,
    row('audit.caseHistory as coordinator', r.accessHistory.figure),
    '',
    `## Statistics (statistics.figures, year ${r.statistics.year}, ${r.statistics.cases} cases)`,
    '',
    HEAD,
    row('statistics.figures as coordinator', r.statistics.figure),
    '',
    `The referral figures come from monthly tallies (src/modules/statistics/tally.ts). One request at a time: after a write in the year's busiest month, which is then counted again, p50 ${r.statistics.recount.afterWrite.p50} ms and p99 ${r.statistics.recount.afterWrite.p99} ms; with the whole year's tallies counted from nothing, ${r.statistics.recount.wholeYearMs} ms.`,
    '',
    `## Hub figures (one year, ${r.hub.year}, across ${r.hub.cities} cities, ${r.hub.cases} cases)`,
    '',
    HEAD,
    row(
      'countYear, uncached',
      r.hub.figure,
      "a published year's first request (later ones read the stored release); the cities' referral tallies already counted",
    ),
    '',
    `## Sign-in burst (${r.signInBurst.burst} concurrent sign-ins)`,
    '',
    HEAD,
    row('case list, no burst', r.signInBurst.without),
    row('case list, during bursts', r.signInBurst.during, `${r.signInBurst.bursts} bursts, ${r.signInBurst.burstMs} ms each`),
    '',
    `p99 during / without: ${r.signInBurst.ratioP99}×. Sign-ins: ${r.signInBurst.signIns}, failed: ${r.signInBurst.failedSignIns}${
      r.signInBurst.failedSignIns
        ? ` (${Object.entries(r.signInBurst.failedByStatus)
            .map(([st, n]) => `${n}× HTTP ${st}`)
            .join(', ')})`
        : ''
    }.`,
    '',
  );
  lines.push(
    "## Where one request's time goes (one call at a time, in process, no HTTP)",
    '',
    '| call | total ms | session check | its SQL (statements) | audit append | Prisma compile | other JS |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...r.breakdown.map(
      (b) =>
        `| ${b.name} | ${ms(b.total)} | ${ms(b.session)} | ${ms(b.sql)} (${b.statements}) | ${ms(b.audit)} | ${b.compile === null ? '–' : ms(b.compile)} | ${ms(b.rest)} |`,
    ),
    '',
    `Medians of ${r.breakdown[0]?.calls ?? 0} calls each. A statement's time runs from the call into \`pg\` to its rows, parsed; "other JS" is the rest of the call: tRPC, zod, CASL, Prisma turning rows into objects, the audit digest. referrals.create's insert rides in its audit statement (one statement, see AuditTrail.appendWith).`,
    '',
  );
  const f = r.frontEnd;
  lines.push(
    '## Start-up and the first page (`npm start`, embedded database)',
    '',
    '| measurement | value |',
    '|---|---:|',
    `| npm start → GET / answered, fresh data folder (initdb, migrations, demo data) | ${r.startUp.freshSeconds} s |`,
    `| the same, data kept from the first start | ${r.startUp.warmSeconds} s |`,
    `| the app's own "ready in" (from its first line, fresh start) | ${r.startUp.bannerSeconds ?? '–'} s |`,
    `| first page JavaScript (${f.files.length} file${f.files.length === 1 ? '' : 's'}), uncompressed | ${f.rawKb} kB |`,
    `| the same, gzip as sent | ${f.gzipKb} kB |`,
    `| the same, brotli as sent (what browsers ask for) | ${f.brotliKb} kB |`,
    `| the same, brotli by node:zlib (quality 11) | ${f.brotliComputedKb} kB |`,
    `| first page stylesheets, gzip as sent | ${f.cssGzipKb} kB |`,
    '',
    `The install (\`npm ci\`) is not timed. The first page is what the sign-in page loads: the entry script, every chunk it imports statically (Vite's manifest) and one language's dictionary (${f.dictionary ?? 'none'}, the heaviest); each page after it loads its own chunk. kB = 1,000 bytes.`,
    '',
  );
  lines.push(
    '## Lighthouse (Arabic, mobile, simulated slow 4G and 4× CPU)',
    '',
    '| page | accessibility | performance | FCP | LCP | TBT | CLS | audits below 90 |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...(r.lighthouse ?? []).map((l) => {
      const m = (id: string) => l.metrics?.[id] ?? '–';
      const page = `${l.name} (\`${l.path.replace(/[0-9a-f-]{36}/, ':id')}\`)`;
      const metrics = `${m('first-contentful-paint')} | ${m('largest-contentful-paint')} | ${m('total-blocking-time')} | ${m('cumulative-layout-shift')}`;
      return `| ${page} | ${l.accessibility ?? '–'} | ${l.performance ?? '–'} | ${metrics} | ${l.error ?? (l.failing.join(', ') || '–')} |`;
    }),
    '',
    'Targets: accessibility 100, performance ≥ 95. The server is the bench server with its scale data; signed-in pages as the coordinator.',
    '',
  );
  const errors = Object.entries(r.serverErrors);
  lines.push('## Server errors', '', errors.length ? errors.map(([k, n]) => `- ${n}× ${k}`).join('\n') : 'None.', '');
  return lines.join('\n');
}

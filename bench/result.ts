import type { Sizes } from './db.js';
import type { Figure, Plan } from './measure.js';
import type { Breakdown } from './breakdown.js';
import type { FrontEnd, StartUp } from './startup.js';
import type { LighthousePage } from './lighthouse.js';
import type { HubYear } from './hub.js';

export interface CaseListLayers {
  rows: number;
  L0: Figure;
  /** The same SQL as a prepared statement (planned once per connection), as the app runs its hot statements. */
  L0prepared: Figure;
  L1: Figure;
  L2: Figure;
  L3: Figure;
  L4: Figure;
  ratios: {
    p50_L4_L0: number;
    p99_L4_L0: number;
    p50_L4_L0prepared: number;
    p50_L4_L1: number;
    p99_L4_L1: number;
    rps_L4_L0: number;
  };
}

/** What one bench run measured: bench/bench.ts fills it, bench/report.ts renders it. */
export interface BenchResult {
  startedAt: string;
  mode: 'quick' | 'full';
  machine: {
    cores: number;
    cpu: string;
    memoryGb: number;
    node: string;
    postgres: string;
    sharedBuffers: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  };
  sizes: Sizes;
  data: {
    loadedSeconds: number | null;
    contentHash: string | null;
    cases: number;
    people: number;
    auditEvents: number;
    /** Rows of audit_event_entity (the access history's links) and their table with its index, in MB. */
    accessLinks: number;
    accessLinksMb: number;
  };
  plan: Plan;
  caseList: { coordinator: CaseListLayers; practitioner: CaseListLayers };
  referralCreation: {
    plainPg: Figure;
    plainRoute: Figure;
    audited: Figure;
    ratioToPlainRoute: number;
    ratioToPlainPg: number;
    writesWithoutAudit: number;
  };
  personMatch: {
    people: number;
    arabic: Figure;
    latin: Figure;
    rare: Figure;
    rareWithNamesakes: number;
    sqlArabic: Figure;
    sqlLatin: Figure;
    sqlRare: Figure;
  };
  /** people.match on the labelled cross-script set (bench/name-set.ts): shares of queries. */
  matchQuality: { people: number; queries: number; recallAt5: number; lookAlikeAbove: number };
  keyset: { page: number; first: Figure; deep: Figure; ratioP50: number; ratioP99: number };
  /** audit.caseHistory (first page) for a case with this many events. */
  accessHistory: { events: number; figure: Figure };
  /** statistics.figures for one calendar year (the municipality's cases in all). */
  statistics: {
    year: number;
    cases: number;
    figure: Figure;
    /** The referral tallies counted again: a request after a write in a month, and a whole year from nothing. */
    recount: { afterWrite: { p50: number; p99: number }; wholeYearMs: number };
  };
  /** The hub's figures for one year across every city of the data, counted afresh (bench/hub.ts). */
  hub: HubYear;
  signInBurst: {
    burst: number;
    bursts: number;
    burstMs: number;
    signIns: number;
    failedSignIns: number;
    failedByStatus: Record<string, number>;
    without: Figure;
    during: Figure;
    ratioP99: number;
  };
  breakdown: Breakdown[];
  startUp: StartUp;
  frontEnd: FrontEnd;
  /** Lighthouse scores, 0–100 (targets: accessibility 100, performance ≥ 95); reported, not asserted. */
  lighthouse: LighthousePage[];
  targets: { name: string; value: number; target: string; met: boolean }[];
  /** What the server logged as failed (5xx), by kind: empty when nothing failed. */
  serverErrors: Record<string, number>;
}

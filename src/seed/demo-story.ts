import type { Db, Tx } from '../db.js';
import type { AppConfig } from '../config.js';
import type { Keyring } from '../crypto/keyring.js';
import type { Role } from '../shared/vocabulary.js';
import { manualClock, type Clock } from '../lib/clock.js';
import { DAY_MS, dayOf } from '../shared/days.js';
import { createContext } from '../trpc/context.js';
import { createCaller } from '../trpc/router.js';

export type Caller = ReturnType<typeof createCaller>;
/** A step's work, through the procedures as one signed-in user. */
export type Work = (caller: Caller) => Promise<unknown>;
/** The demo accounts that do the work; the auditor only reads. */
export type Actor = Exclude<Role, 'auditor'>;

interface Step {
  at: Date;
  /** Who signs in for it: a demo account of the municipality by role, another account by e-mail, or nobody. */
  actor: Actor | { email: string } | null;
  run: (play: Play) => Promise<unknown>;
}

interface Play {
  db: Db;
  clock: Clock;
  as(actor: Actor): Promise<Caller>;
  asAccount(email: string): Promise<Caller>;
}

/**
 * One sign-in per demo user, whose session lasts the whole story: a sign-in per working day, as the
 * app's own session limits would ask, would cost an argon2 verification each and slow every first start.
 */
const STORY_CONFIG: AppConfig = { session: { idleMs: 366 * DAY_MS, absoluteMs: 366 * DAY_MS }, secureCookies: false };
const USER_AGENT = 'Jisr demo seed';

/**
 * The demo's people at work. Each step runs at a moment of the past as one demo user, signed in through
 * auth.login, and goes through the app's own procedures, so every record gets the audit events and
 * timeline entries real use gives it. Steps run in time order (the audit chain's `at` never goes back;
 * steps at the same moment keep the order they were written in), so a step may use what an earlier one
 * made (`ids`). Each user signs out after their last step.
 */
export class DemoStory {
  private readonly steps: Step[] = [];
  readonly ids = new Ids();

  constructor(readonly now: Date) {}

  /** `hour:minute` (UTC), `daysAgo` days before today: at least yesterday, so the app's first real request comes after every step. */
  day(daysAgo: number, hour: number, minute = 0): Date {
    if (daysAgo < 1) throw new Error(`demo seed: a step ${daysAgo} days ago would not be in the past`);
    return new Date(dayOf(this.now).getTime() - daysAgo * DAY_MS + (hour * 60 + minute) * 60_000);
  }

  /** `hour` o'clock (UTC), `days` days from today: a date the demo plans for, never a step. */
  ahead(days: number, hour = 0): Date {
    return new Date(dayOf(this.now).getTime() + days * DAY_MS + hour * 3_600_000);
  }

  /** A step of `actor`'s work at `when`, through the procedures. */
  at(when: Date, actor: Actor, run: Work): void {
    this.steps.push({ at: when, actor, run: async (play) => run(await play.as(actor)) });
  }

  /** A step of the work of the account `email` (a demo account of another municipality) at `when`, through the procedures. */
  atAccount(when: Date, email: string, run: Work): void {
    this.steps.push({ at: when, actor: { email }, run: async (play) => run(await play.asAccount(email)) });
  }

  /** A step written straight to the database (the accounts, as `jisr create-admin` makes them), with its own audit events. */
  direct(when: Date, run: (db: Db, clock: Clock) => Promise<unknown>): void {
    this.steps.push({ at: when, actor: null, run: (play) => run(play.db, play.clock) });
  }

  /** Runs every step in time order on `db`, the users signing in with `password`. */
  async play(db: Db, keyring: Keyring, password: string, emailOf: (actor: Actor) => string): Promise<void> {
    const clock = manualClock(this.now);
    const deps = { db, clock, config: STORY_CONFIG, keyring, anchoring: null };
    let requests = 0;
    const context = (token?: string) => createContext(deps, { token, requestId: `demo-${++requests}`, userAgent: USER_AGENT });
    const tokens = new Map<string, string>();
    const play: Play = {
      db,
      clock,
      as: (actor) => play.asAccount(emailOf(actor)),
      async asAccount(email) {
        if (!tokens.has(email)) {
          const ctx = context();
          await createCaller(ctx).auth.login({ email, password });
          tokens.set(email, ctx.cookie.token!);
        }
        return createCaller(context(tokens.get(email)));
      },
    };
    const emailOfStep = (step: Step) =>
      step.actor === null ? null : typeof step.actor === 'string' ? emailOf(step.actor) : step.actor.email;
    const ordered = [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime());
    const last = new Map(ordered.map((step) => [emailOfStep(step), step]));
    for (const step of ordered) {
      clock.set(step.at);
      await step.run(play);
      const email = emailOfStep(step);
      if (email && last.get(email) === step) await (await play.asAccount(email)).auth.logout();
    }
  }
}

/** The ids the steps make, by name ("case 5"), for the later steps that use them. */
class Ids {
  private readonly made = new Map<string, string>();

  put(name: string, id: string): string {
    this.made.set(name, id);
    return id;
  }

  of(name: string): string {
    const id = this.made.get(name);
    if (!id) throw new Error(`demo seed: "${name}" is used before a step made it`);
    return id;
  }
}

/**
 * The client as the procedures see it, over the seed's one transaction: a procedure (or sign-in) that
 * opens a transaction of its own runs inside the seed's instead, so the whole demo commits at once or
 * not at all, and a start stopped half-way (even by kill -9) leaves no half-made demo behind.
 */
export function withinOne(tx: Tx): Db {
  return new Proxy(tx, {
    get(target, key) {
      if (key === '$transaction') return (work: (inner: Tx) => Promise<unknown>) => work(target);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Db;
}

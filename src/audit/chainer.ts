import { poolOf, rawQuery, type DbClient } from '../db.js';
import { Prisma } from '../generated/prisma/client.js';

/**
 * Puts staged audit events on their chains (audit_link(), migration 20261206060000_audit_chainer), one
 * link at a time per database client. A caller that must see its committed events on the chain (a
 * reader of the audit record, verify, the command line) waits for a link that began after its commit:
 * the one running may have looked before, so it joins the next, which all the callers that came
 * meanwhile share. A call that only needs its events linked soon (every procedure) starts or joins a
 * link and goes on. One transaction, one flush to disk, links the events of many calls, where
 * audit_append() took the chain head for each call until its own commit.
 */
class Chainer {
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(private readonly db: DbClient) {}

  link(): Promise<void> {
    if (this.next) return this.next;
    if (!this.running) return this.start();
    // Whether the running link failed or not, the next one starts after it (and reports its own failure).
    this.next = this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.next;
  }

  private start(): Promise<void> {
    this.next = null;
    const pool = poolOf(this.db);
    // The link's own commit need not reach the disk before it answers: the events are durable already
    // (staged), and a link lost in a crash rolls back whole, leaving them staged for the next link. Any
    // later synchronous commit (the audit event of whoever reads the chain among them) flushes it first.
    // Two statements in one simple query are one implicit transaction, so SET LOCAL covers the link.
    const run = (
      pool ? pool.query('SET LOCAL synchronous_commit = off; SELECT audit_link()') : rawQuery(this.db, Prisma.sql`SELECT audit_link()`)
    ).then(() => undefined);
    this.running = run;
    const done = () => {
      if (this.running === run) this.running = null;
    };
    run.then(done, done);
    return run;
  }
}

const chainers = new WeakMap<object, Chainer>();

/** Links every staged event committed so far (and any a crash left staged); resolves when they are on their chains. */
export function linkStaged(db: DbClient): Promise<void> {
  let chainer = chainers.get(db);
  if (!chainer) {
    chainer = new Chainer(db);
    chainers.set(db, chainer);
  }
  return chainer.link();
}

/** Links what is staged without waiting (a procedure's events, after its commit); a failure is left to the next link. */
export function linkSoon(db: DbClient): void {
  linkStaged(db).catch(() => undefined);
}

/**
 * Links what jobs and other writers outside a request left staged, every `everyMs` (unref'd: it keeps no
 * process alive). Requests link their own; this covers a quiet night.
 */
export function startLinkTimer(db: DbClient, everyMs = 5_000): () => void {
  const timer = setInterval(() => linkSoon(db), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Before a read of the audit record: links what has committed so far, so the reader sees every answered
 * call's events on the chain. Inside a transaction it does nothing (a link there would hold the chain
 * heads until that transaction ends).
 */
export async function linkBeforeReading(db: DbClient): Promise<void> {
  if ('$transaction' in db) await linkStaged(db);
}

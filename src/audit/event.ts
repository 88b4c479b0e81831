import type { DbClient } from '../db.js';
import type { Prisma } from '../generated/prisma/client.js';
import { NARROWER, type AuditAction, type EntityType } from './actions.js';
import type { AuditEntry, AuditTrail } from './writer.js';
import type { HistoryType, Touched } from '../shared/audit-actions.js';

/** The record an event is about: its type and, when there is one, its id. */
export interface Subject {
  type?: EntityType;
  id?: string;
}

/** The statement that keeps a keyed call's answer beside its write (trpc/idempotency.ts, KeyedCall.keep). */
export type KeepAnswer = (answer: unknown, entity: Subject) => Prisma.Sql;

/**
 * The audit event of one procedure call. The procedure tier makes it with the procedure's action and
 * the record its input names, and appends it when the call succeeds; a service never names that
 * action. It only says what it read or changed: `subject` when the event is about another record than
 * the input names (a new row, an intervention's case), `detail` with ids, counts and changed fields;
 * events about other things go beside it (`also`, `step`). The event is appended after those, as the
 * last of its request.
 */
export class ProcedureAudit {
  private readonly entry: AuditEntry;
  private closed = false;

  constructor(
    private readonly trail: AuditTrail,
    action: AuditAction,
    about: Subject = {},
    private readonly keepAnswer?: KeepAnswer,
  ) {
    this.entry = { action, entityType: about.type, entityId: about.id };
  }

  /** The record the event is about, when it is not the one the input names. */
  subject(type: EntityType, id: string): this {
    this.open().entityType = type;
    this.entry.entityId = id;
    return this;
  }

  /** Safe facts about what was read or changed: ids, counts, changed fields; never free text about a person. */
  detail(facts: Record<string, unknown>): this {
    this.open().detail = { ...this.entry.detail, ...facts };
    return this;
  }

  /**
   * Records that the call showed these records (a list's rows, a pack's cases, a search's people):
   * they go in `detail.touched`, which the digest covers, and the database links the event to each
   * of them, so it appears in their access history. An empty list still says "showed none".
   */
  touched(type: HistoryType, ids: Iterable<string>): this {
    const detail = this.open().detail ?? {};
    const touched: Touched = { ...(detail.touched as Touched | undefined) };
    touched[type] = [...new Set([...(touched[type] ?? []), ...ids])];
    this.entry.detail = { ...detail, touched };
    return this;
  }

  /** The purpose stated for a disclosure. */
  purpose(purpose: string): this {
    this.open().purpose = purpose;
    return this;
  }

  /** Records the event under one of its action's NARROWER actions (an update that deactivated). */
  narrow(action: AuditAction): this {
    if (!NARROWER[this.entry.action]?.includes(action)) throw new Error(`audit: ${this.entry.action} cannot be recorded as ${action}`);
    this.open().action = action;
    return this;
  }

  /** Another event of the same request, about something else (the case a screening opened). */
  also(entry: AuditEntry): void {
    this.trail.record(entry);
  }

  /**
   * Runs a service of another procedure as a step of this one (a person registered with a referral):
   * it describes an event of its own, under `action`, recorded when the step is done.
   */
  async step<T>(action: AuditAction, work: (audit: ServiceAudit) => Promise<T>): Promise<T> {
    const inner = new ProcedureAudit(this.trail, action);
    const result = await work(inner);
    inner.close();
    return result;
  }

  /**
   * The service's one write and every event of the request, this one last, in one statement
   * (AuditTrail.appendWith). `answer` is what the call will return: a call with an idempotency key
   * keeps it in the same statement, so the write never commits without it. `beside` are other writes
   * that must commit with it (a new record's key: keyNewRecord).
   */
  appendWith<T>(db: DbClient, write: Prisma.Sql, answer?: unknown, beside: Prisma.Sql[] = []): Promise<T[]> {
    this.close();
    const kept = answer !== undefined && this.keepAnswer ? this.keepAnswer(answer, this.named()) : undefined;
    return this.trail.appendWith<T>(db, write, kept ? [...beside, kept] : beside);
  }

  /** The record the event names, as it stands. */
  named(): Subject {
    return { type: this.entry.entityType as EntityType | undefined, id: this.entry.entityId };
  }

  /** For the tier: appends what is pending, this event last (once), through `db`. */
  flush(db: DbClient): Promise<void> {
    if (!this.closed) this.close();
    return this.trail.flush(db);
  }

  private open(): AuditEntry {
    if (this.closed) throw new Error(`audit: ${this.entry.action} was already written`);
    return this.entry;
  }

  private close(): void {
    this.trail.record(this.open());
    this.closed = true;
  }
}

/** What a service may do with its procedure's event (ServiceContext.audit). */
export type ServiceAudit = Pick<ProcedureAudit, 'subject' | 'detail' | 'touched' | 'purpose' | 'narrow' | 'also' | 'step' | 'appendWith'>;

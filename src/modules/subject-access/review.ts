import { createHash } from 'node:crypto';
import { z } from 'zod';
import { reviewKey, type ReviewKind } from '../../shared/subject-access.js';

/** One reviewer's decision on an item: included, or withheld with a reason. */
export const Decision = z.object({ include: z.boolean(), reason: z.string().nullable() });
export type Decision = z.infer<typeof Decision>;
export const Decisions = z.record(z.string(), Decision);
export type Decisions = z.infer<typeof Decisions>;

/**
 * What the reviewer decided, sealed on the request: each item's decision, and whether staff are named.
 * Requests reviewed before the staff choice existed hold the bare decisions (staff by role).
 */
export interface ReviewState {
  decisions: Decisions;
  staffNames: boolean;
}
const Stored = z.object({ items: Decisions, staffNames: z.boolean() });

export function parseReview(json: string | null): ReviewState {
  if (json === null || !json.startsWith('{')) return { decisions: {}, staffNames: false };
  const value: unknown = JSON.parse(json);
  const now = Stored.safeParse(value);
  if (now.success) return { decisions: now.data.items, staffNames: now.data.staffNames };
  return { decisions: Decisions.catch({}).parse(value), staffNames: false };
}

/** The sealed form of a review, or null when nothing was decided (an anonymised person's key takes no new text). */
export const reviewJson = (r: ReviewState) =>
  Object.keys(r.decisions).length || r.staffNames ? JSON.stringify({ items: r.decisions, staffNames: r.staffNames }) : null;

export type ReviewStatus = 'pending' | 'included' | 'withheld';

/** An item that is shown only once a coordinator includes it; `content` is null on paper unless included. */
export interface ForReview<T> {
  review: string;
  kind: ReviewKind;
  status: ReviewStatus;
  /** Why it was withheld (the reviewer's words). */
  reason: string | null;
  content: T | null;
}

/**
 * Marks the items of one assembly for review. While the coordinator reviews (`released: false`) every
 * item carries its content, so they can decide; in the released document only included items do, and
 * a pending or withheld one is a bare "withheld" with its reason.
 */
export class Reviewer {
  readonly items = new Map<string, ReviewKind>();

  constructor(
    private readonly decisions: Decisions,
    private readonly released: boolean,
  ) {}

  item<T>(kind: ReviewKind, id: string, content: T): ForReview<T> {
    const key = reviewKey(kind, id);
    this.items.set(key, kind);
    const decision = this.decisions[key];
    const status: ReviewStatus = decision ? (decision.include ? 'included' : 'withheld') : 'pending';
    return {
      review: key,
      kind,
      status,
      reason: decision && !decision.include ? decision.reason : null,
      content: this.released && status !== 'included' ? null : content,
    };
  }

  /** Whether the item's content may go out (for values that sit elsewhere, like the guardian's history). */
  included(kind: ReviewKind, id: string): boolean {
    const key = reviewKey(kind, id);
    this.items.set(key, kind);
    return !this.released || this.decisions[key]?.include === true;
  }

  /** The items still waiting for a decision. */
  pending(): string[] {
    return [...this.items.keys()].filter((k) => !this.decisions[k]);
  }
}

/** The fingerprint of a released document: SHA-256 of its JSON (dates as ISO strings, keys in assembly order). */
export const digestOf = (document: unknown) => createHash('sha256').update(JSON.stringify(document)).digest('hex');

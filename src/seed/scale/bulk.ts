import type pg from 'pg';

/** A column and the SQL type its text is cast to (`uuid`, `timestamptz`, `"Cohort"`, `text[]`, `jsonb`, …). */
export type Column = readonly [name: string, type: string];

interface Table {
  name: string;
  sql: string;
  columns: (string | null)[][];
  rows: number;
  inserted: number;
}

/**
 * Multi-row inserts through `unnest`: one statement per table and batch, every column sent as one
 * text[] parameter and cast in SQL; with a few thousand rows a batch this is close to COPY.
 * Batches go out in the tables' declared order (parents before children), one batch set at a
 * time, while the next set is being generated.
 */
export class BulkLoader {
  private readonly tables = new Map<string, Table>();
  private pending = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    /** Null: a dry run, rows are counted and dropped. */
    private readonly pool: pg.Pool | null,
    /** Tables in foreign-key order. */
    schema: Record<string, readonly Column[]>,
    private readonly batchSize: number,
    private readonly onFlush: (inserted: Record<string, number>) => void,
  ) {
    for (const [name, cols] of Object.entries(schema)) {
      const names = cols.map(([n]) => `"${n}"`).join(', ');
      const params = cols.map((_, i) => `$${i + 1}::text[]`).join(', ');
      const casts = cols.map(([n, type]) => `"${n}"::${type}`).join(', ');
      const sql = `INSERT INTO "${name}" (${names}) SELECT ${casts} FROM unnest(${params}) AS u(${names})`;
      this.tables.set(name, { name, sql, columns: cols.map(() => []), rows: 0, inserted: 0 });
    }
  }

  /** Adds one row (values in column order; null for SQL NULL). */
  async add(table: string, values: readonly (string | number | boolean | null)[]): Promise<void> {
    const t = this.tables.get(table)!;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      t.columns[i]!.push(v === null || v === undefined ? null : String(v));
    }
    t.rows += 1;
    this.pending += 1;
    if (this.pending >= this.batchSize) await this.flush();
  }

  /** Sends every pending row, parents first; returns once the previous batch set is written. */
  async flush(): Promise<void> {
    const batches = [...this.tables.values()]
      .filter((t) => t.rows > 0)
      .map((t) => {
        const batch = { t, columns: t.columns, n: t.rows };
        t.columns = t.columns.map(() => []);
        t.rows = 0;
        return batch;
      });
    this.pending = 0;
    await this.inFlight;
    this.inFlight = (async () => {
      for (const b of batches) {
        if (this.pool) await this.pool.query(b.t.sql, b.columns);
        b.t.inserted += b.n;
      }
      this.onFlush(this.inserted());
    })();
    // Errors surface at the next flush or at done(); keep Node from calling them unhandled meanwhile.
    this.inFlight.catch(() => undefined);
  }

  /** Flushes and waits until everything is written. */
  async done(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }

  inserted(): Record<string, number> {
    return Object.fromEntries([...this.tables.values()].map((t) => [t.name, t.inserted]));
  }
}

/** A PostgreSQL array literal of simple words (enum labels, categories). */
export const pgArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

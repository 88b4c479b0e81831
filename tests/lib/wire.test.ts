import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import superjson from 'superjson';
import { serialize } from '../../src/lib/wire.js';

/** What superjson writes, less its identity annotations (the fast writer sends copies instead). */
function reference(value: unknown) {
  const out = superjson.serialize(value) as { json: unknown; meta?: { values?: unknown; referentialEqualities?: unknown; v?: number } };
  if (out.meta) {
    delete out.meta.referentialEqualities;
    if (out.meta.values === undefined) delete out.meta;
  }
  return out;
}

/** Values of the shapes procedures return, with keys that need escaping and every leaf kind. */
const key = fc.oneof(fc.string(), fc.constantFrom('a.b', 'c\\d', '.', '\\', '0', 'x.y.z'));
const leaf = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.integer(),
  fc.bigInt(),
  fc.date({ noInvalidDate: true }),
);
const answer = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.dictionary(
    key.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)),
    tie('node'),
    { maxKeys: 5 },
  ),
})).node;

describe('the fast superjson writer', () => {
  it('writes what superjson writes, and superjson reads it back to an equal value', () => {
    fc.assert(
      fc.property(answer, (value) => {
        const written = serialize(value);
        expect(written).toEqual(reference(value));
        // Through the wire as the client reads it.
        expect(superjson.deserialize(JSON.parse(JSON.stringify(written)))).toEqual(value);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('writes a case page with its dates annotated by path', () => {
    const at = new Date('2026-12-03T10:00:00.000Z');
    const page = { items: [{ id: 'a', openedAt: at, person: { nameLatin: 'Test Person' } }], nextCursor: null, total: 12n };
    expect(serialize(page)).toEqual({
      json: {
        items: [{ id: 'a', openedAt: '2026-12-03T10:00:00.000Z', person: { nameLatin: 'Test Person' } }],
        nextCursor: null,
        total: '12',
      },
      meta: { values: { 'items.0.openedAt': ['Date'], total: ['bigint'] }, v: 1 },
    });
    expect(serialize({ a: 1, b: ['x'] })).toEqual({ json: { a: 1, b: ['x'] } });
  });

  it('hands what it does not write to superjson itself', () => {
    const cycle: Record<string, unknown> = { name: 'loop' };
    cycle.self = cycle;
    for (const value of [
      { set: new Set([1, 2]) },
      { map: new Map([['k', 1]]) },
      { when: new Date(Number.NaN) },
      { n: Number.NaN, m: Number.POSITIVE_INFINITY, z: -0 },
      { re: /x/g },
      cycle,
      new Date('2026-01-01T00:00:00Z'),
      'plain',
      undefined,
    ]) {
      expect(serialize(value)).toEqual(superjson.serialize(value));
    }
  });

  it('refuses the keys superjson refuses', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    expect(() => serialize(hostile)).toThrow(/prototype pollution/);
  });
});

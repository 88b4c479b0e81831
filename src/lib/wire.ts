import superjson from 'superjson';

/**
 * superjson's wire format (`{ json, meta: { values, v: 1 } }`), written faster for what procedures
 * return: plain objects and arrays of strings, numbers, booleans, null, undefined, Dates and bigints.
 * superjson's own walker builds a path array and an identity map entry for every node: 2–3 ms for a
 * 50-row case page, five times JSON.stringify's cost, on every answer. Anything else (Map, Set, class
 * instances, NaN, an invalid Date, a key superjson refuses) goes to superjson itself, so what a client
 * decodes is always what superjson.serialize would have sent (tests/lib/wire.test.ts holds them equal).
 * Repeated references are written as copies, without superjson's identity annotations: a client gets
 * equal values, which is all a JSON answer promises.
 */
export function serialize(value: unknown): { json: unknown; meta?: { values: unknown; v: 1 } } {
  const values: Record<string, [string]> = {};
  let annotated = false;
  const UNSUPPORTED = Symbol('unsupported');

  const walk = (v: unknown, path: string, depth = 0): unknown => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'number':
        if (!Number.isFinite(v) || Object.is(v, -0)) throw UNSUPPORTED;
        return v;
      case 'undefined':
        values[path] = ['undefined'];
        annotated = true;
        return null;
      case 'bigint':
        values[path] = ['bigint'];
        annotated = true;
        return v.toString();
      case 'object': {
        if (v === null) return null;
        // Deeper than any answer of ours: perhaps a cycle, which superjson knows how to cut.
        if (depth > 64) throw UNSUPPORTED;
        if (v instanceof Date) {
          if (Number.isNaN(v.getTime())) throw UNSUPPORTED;
          values[path] = ['Date'];
          annotated = true;
          return v.toISOString();
        }
        const prefix = depth === 0 ? '' : `${path}.`;
        if (Array.isArray(v)) {
          const out = new Array<unknown>(v.length);
          for (let i = 0; i < v.length; i++) out[i] = walk(v[i], prefix + i, depth + 1);
          return out;
        }
        const proto = Object.getPrototypeOf(v);
        if (proto !== Object.prototype && proto !== null) throw UNSUPPORTED;
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(v)) {
          if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw UNSUPPORTED;
          out[key] = walk((v as Record<string, unknown>)[key], prefix + escapeKey(key), depth + 1);
        }
        return out;
      }
      default:
        throw UNSUPPORTED;
    }
  };

  try {
    if (value instanceof Date || typeof value !== 'object' || value === null) return superjson.serialize(value) as never;
    const json = walk(value, '');
    return annotated ? { json, meta: { values, v: 1 } } : { json };
  } catch (err) {
    if (err === UNSUPPORTED) return superjson.serialize(value) as never;
    throw err;
  }
}

/** superjson's path escaping: a backslash or a dot inside a key is preceded by a backslash. */
const escapeKey = (key: string) => (key.includes('.') || key.includes('\\') ? key.replace(/\\/g, '\\\\').replace(/\./g, '\\.') : key);

/**
 * The app's tRPC transformer: answers through the fast writer above, requests read by superjson. The
 * web client keeps plain superjson, which reads both.
 */
export const transformer = { serialize, deserialize: superjson.deserialize.bind(superjson) } as const;

import { randomUUID } from 'node:crypto';

/**
 * Just enough zod 4 introspection to build a plausible valid input for any procedure and to list
 * the paths of its fields, so a procedure added tomorrow is fuzzed without anyone writing its input.
 */
type Def = { type: string; [k: string]: any };
const defOf = (schema: any): Def => schema._zod.def;

/** Values for uuid fields, by field name (a real case id for `caseId`, ...); random otherwise. */
export type IdFor = (field: string) => string | undefined;

const DAY = 86_400_000;

function checkValue(def: Def, kind: string): any {
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === kind) return d;
  }
  return undefined;
}

function sampleString(def: Def, field: string, idFor: IdFor): string {
  if (def.format === 'uuid' || def.format === 'guid') return idFor(field) ?? randomUUID();
  if (def.format === 'email') return `fuzz.${randomUUID().slice(0, 8)}@example.test`;
  if (def.format === 'date') return new Date().toISOString().slice(0, 10);
  const exact = checkValue(def, 'length_equals')?.length as number | undefined;
  if (exact !== undefined) return 'JO'.padEnd(exact, 'X').slice(0, exact);
  const min = (checkValue(def, 'min_length')?.minimum as number | undefined) ?? 0;
  const max = (checkValue(def, 'max_length')?.maximum as number | undefined) ?? 10_000;
  const length = Math.min(max, Math.max(min, 24));
  return 'Synthetic sample text for fuzzing. '.repeat(4).slice(0, length).trimEnd().padEnd(length, 'x');
}

function sampleNumber(def: Def): number {
  const low = checkValue(def, 'greater_than');
  return low ? Number(low.value) + (low.inclusive ? 0 : 1) : 1;
}

/** Dates: birth and consent dates lie in the past, anything else (an expiry) in the near future. */
function sampleDate(field: string): Date {
  if (/birth/i.test(field)) return new Date('2000-01-01T00:00:00Z');
  if (/^(at|from|since)$|At$/.test(field) && !/expires/i.test(field)) return new Date(Date.now() - DAY);
  return new Date(Date.now() + 30 * DAY);
}

/** A value the schema should accept (best effort: refinements may still refuse it). */
export function sample(schema: any, idFor: IdFor, field = ''): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return sampleString(def, field, idFor);
    case 'number':
      return sampleNumber(def);
    case 'boolean':
      return false;
    case 'date':
      return sampleDate(field);
    case 'enum':
      return Object.values(def.entries)[0];
    case 'literal':
      return def.values[0];
    case 'array':
      return [sample(def.element, idFor, field)];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries<any>(def.shape)) {
        if (!isOptional(child)) out[key] = sample(child, idFor, key);
      }
      return out;
    }
    case 'union':
      return sample(def.options[0], idFor, field);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return sample(def.innerType, idFor, field);
    case 'pipe':
      return sample(def.in, idFor, field);
    case 'lazy':
      return sample(def.getter(), idFor, field);
    default:
      return undefined;
  }
}

function isOptional(schema: any): boolean {
  const t = defOf(schema).type;
  return t === 'optional' || t === 'default' || t === 'prefault';
}

/** Every field path the schema names (optional ones too), parents before children. */
export function fieldPaths(schema: any, prefix: string[] = []): string[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const paths: string[][] = [];
      for (const [key, child] of Object.entries<any>(def.shape)) {
        paths.push([...prefix, key], ...fieldPaths(child, [...prefix, key]));
      }
      return paths;
    }
    case 'union': {
      const seen = new Map<string, string[]>();
      for (const option of def.options) for (const p of fieldPaths(option, prefix)) seen.set(p.join('.'), p);
      return [...seen.values()];
    }
    case 'array':
      return fieldPaths(def.element, [...prefix, '0']);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return fieldPaths(def.innerType, prefix);
    case 'pipe':
      return fieldPaths(def.in, prefix);
    default:
      return [];
  }
}

/** The paths of the string fields (through optional, default and pipe wrappers). */
export function stringPaths(schema: any): string[][] {
  return fieldPaths(schema).filter((p) => leafType(schema, p) === 'string');
}

function leafType(schema: any, path: string[]): string | undefined {
  let def = defOf(schema);
  const unwrap = () => {
    while (['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'pipe'].includes(def.type))
      def = defOf(def.innerType ?? def.in);
  };
  for (const key of path) {
    unwrap();
    if (def.type === 'array') def = defOf(def.element);
    else if (def.type === 'object') def = defOf(def.shape[key]);
    else if (def.type === 'union') {
      const option = def.options.find((o: any) => defOf(o).shape?.[key]);
      if (!option) return undefined;
      def = defOf(defOf(option).shape[key]);
    } else return undefined;
  }
  unwrap();
  return def.type;
}

/** A copy of `value` with `path` set to `leaf` (parents made as needed); `undefined` removes it. */
export function setPath(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  const base = value !== null && typeof value === 'object' && !(value instanceof Date) ? value : {};
  const copy: any = Array.isArray(base) ? [...base] : { ...base };
  const next = setPath(copy[head], rest, leaf);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}

import type { BaseRecordDict, Flatten, Translator } from '@solid-primitives/i18n';

/**
 * Finding a word by its dotted path in the nested dictionary, as it is written, instead of flattening
 * the whole dictionary first: flattening ran over every entry of every area (thousands) on the main
 * thread before the first page could paint, and again when the areas' words came; a page uses a few
 * hundred of them. Each path is resolved once per dictionary and then remembered.
 */
const found = new WeakMap<object, Map<string, unknown>>();

const isDict = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype;
};

/**
 * The entry at `path` under `dict`. A key may itself hold dots (the audit actions' names: `auditActions.case.read`
 * is the entry `case.read` under `auditActions`): the whole rest of the path is tried as a key first,
 * then each dot in turn as the next level's end.
 */
function walk(dict: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(dict, path)) return dict[path];
  for (let dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
    const head = path.slice(0, dot);
    const next = Object.hasOwn(dict, head) ? dict[head] : undefined;
    if (!isDict(next)) continue;
    const value = walk(next, path.slice(dot + 1));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The entry at a dotted path of a nested dictionary (what `flatten(dict)[path]` gives), or undefined. */
export function lookup(dict: object, path: string): unknown {
  let paths = found.get(dict);
  if (!paths) {
    paths = new Map();
    found.set(dict, paths);
  }
  if (paths.has(path)) return paths.get(path);
  const value = walk(dict as Record<string, unknown>, path);
  paths.set(path, value);
  return value;
}

const PLACEHOLDER = /{{\s*([^{}\s]+)\s*}}/g;

/** A template's `{{ name }}` places filled from `args` (one pass, no pattern made per call); a place without its value stays. */
export function fill(template: string, args?: Record<string, unknown>): string {
  if (!args) return template;
  return template.replace(PLACEHOLDER, (place, name: string) => (Object.hasOwn(args, name) ? String(args[name]) : place));
}

/**
 * A translator over a nested dictionary, typed as `@solid-primitives/i18n`'s over the flattened one (the
 * compiler still checks every key and its template's arguments): a function entry is called with the
 * arguments, a string entry filled in, anything else returned as it is. Reading `dict` inside a
 * reactive scope tracks it, so the words change with the language.
 */
export function nestedTranslator<T extends BaseRecordDict>(dict: () => T): Translator<Flatten<T>> {
  return ((path: string, ...args: unknown[]) => {
    const value = lookup(dict(), path[0] === '.' ? path.slice(1) : path);
    if (typeof value === 'function') return value(...args);
    if (typeof value === 'string') return fill(value, args[0] as Record<string, unknown> | undefined);
    return value;
  }) as Translator<Flatten<T>>;
}

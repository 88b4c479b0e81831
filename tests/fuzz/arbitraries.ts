import fc from 'fast-check';

/** Over every length limit of the app (the longest free text is 20 000 characters). */
const HUGE = 120_000;

/** Hand-picked strings that have broken web apps before. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '   \t\n  ',
  '\u0000',
  'name\u0000with nul',
  '\u0007\u001b[31mred',
  '\u007f\u0085\u009f',
  '\uD800',
  'lone \uDFFF surrogate',
  '\uDBFF\uDBFF',
  '\u200F\u200F\u200F',
  '\u202Etxt.exe',
  '\u200E\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'محمد\u200Dعلي',
  'Ali\u200F \u202Eكريم\u202C',
  '👩\u200D👩\u200D👧\u200D👦',
  'e\u0301\u0302\u0303\u0304'.repeat(50),
  '\u0627\u064E\u064F\u0650\u0651\u0652\u0640\u0640',
  'ﷺ﷽',
  "' OR '1'='1",
  "'; DROP TABLE case_record; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)--',
  '\\',
  '%',
  '_%\\',
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  '{{constructor.constructor("return 1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant as plain text
  '${7*7}',
  '__proto__',
  'constructor',
  '=HYPERLINK("http://example.invalid")',
  '+1+1',
  '-1-1',
  '@SUM(1)',
  '\tstarts with tab',
  '\rstarts with CR',
  '../../../../etc/passwd',
  'NaN',
  'null',
  'undefined',
  '0x7fffffff',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '2026-02-30',
  '9999-12-31',
  '0000-01-01',
  'a'.repeat(HUGE),
  'ب'.repeat(HUGE),
  '\u200F'.repeat(HUGE),
  '\u0000'.repeat(2_000),
];

/** Any UTF-16 code unit, so lone surrogates and controls appear. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const adversarialString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  // A plausible value with something hostile around it.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('Karim Synthetic', 'كريم', 'Synthetic agency'),
        fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 1_000)),
        fc.boolean(),
      )
      .map(([plain, nasty, before]) => (before ? nasty + plain : plain + nasty)),
  },
);

/** Objects with keys that pollute prototypes when merged naively. Built by JSON.parse so the keys are own keys. */
export const pollutingObject = fc
  .constantFrom(
    () => JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    () => JSON.parse('{"prototype":{"polluted":"yes"},"__defineGetter__":1,"hasOwnProperty":"x","toString":"x","valueOf":2}'),
  )
  .map((make) => make());

/** Nesting far deeper than any input of the app. */
export const deepValue = fc.tuple(fc.integer({ min: 20, max: 800 }), fc.boolean()).map(([depth, asArray]) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  // Named briefly in a failure report (printing it in full would overflow the stack).
  Object.defineProperty(v, fc.toStringMethod, { value: () => `<${asArray ? 'array' : 'object'} nested ${depth} deep>` });
  return v;
});

export const oddNumber = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5, -1, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE, 2_147_483_648, 1900.5),
  fc.double(),
  fc.integer(),
);

export const oddDate = fc.oneof(
  fc.constantFrom(
    new Date(NaN),
    new Date(8.64e15),
    new Date(-8.64e15),
    new Date(0),
    new Date('1899-12-31T23:59:59Z'),
    new Date('2999-01-01T00:00:00Z'),
  ),
  fc.date({ noInvalidDate: false }),
);

/** Anything at all, weighted towards what breaks servers. */
export const adversarialValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: adversarialString },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, 0, 1, [], {}) },
  { weight: 2, arbitrary: oddNumber },
  { weight: 1, arbitrary: fc.bigInt() },
  { weight: 1, arbitrary: oddDate },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: pollutingObject },
  { weight: 1, arbitrary: fc.array(adversarialString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(new Map([['a', 1]]), new Set(['x']), /x/g) },
  {
    weight: 1,
    arbitrary: fc.anything({ maxDepth: 3, withDate: true, withMap: true, withSet: true, withBigInt: true, withNullPrototype: true }),
  },
);

// ---------------------------------------------------------------- cursors

const b64 = (json: string) => Buffer.from(json).toString('base64url');
const UUID = '3f1c7f0e-2b1a-4c7d-9e8f-0a1b2c3d4e5f';
const DASHES = '-'.repeat(36);
const AT = '2026-01-15T09:00:00.000Z';
/** Sort keys no row can have: impossible calendar days, years PostgreSQL or JavaScript lack, numbers, wrong types. */
const BAD_AT = [
  '2026-02-30T09:00:00.000Z',
  '2026-13-45T25:61:61.000Z',
  '0000-01-01T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-01-15',
  'NaN',
  '',
];
const BAD_ID = [DASHES, 'x'.repeat(36), `${UUID}x`, "' OR '1'='1", ''];
const BAD_JSON_VALUES = ['1e400', '99999999999999999999999', '-1', 'true', 'null', '[]', '{"x":1}'];

/**
 * Cursors a client could craft instead of sending back `nextCursor`: not base64 at all, valid base64
 * of junk JSON, a well-formed position around an impossible date or a 36-dash id, huge numbers
 * (beyond any bigint id), wrong types, extra keys, the old `<ISO time>_<id>` form, and values that
 * are not strings. None is a position of a real row, so every one must be refused as BAD_INPUT.
 */
export const CRAFTED_CURSORS: unknown[] = [
  '!!!not base64!!!',
  '%00',
  '====',
  'a'.repeat(5_000),
  b64('{"at":'),
  b64('null'),
  b64('[]'),
  b64('"cursor"'),
  b64('{}'),
  b64('{"__proto__":{"polluted":"yes"}}'),
  ...BAD_AT.map((at) => b64(JSON.stringify({ at, id: UUID }))),
  ...BAD_ID.map((id) => b64(JSON.stringify({ at: AT, id }))),
  ...BAD_JSON_VALUES.flatMap((v) => [b64(`{"at":${v},"id":"${UUID}"}`), b64(`{"at":"${AT}","id":${v}}`)]),
  b64(JSON.stringify({ at: AT, id: UUID, extra: 1 })),
  b64(JSON.stringify({ urgency: 'not_an_urgency', at: AT, id: UUID })),
  `2026-02-30T09:00:00.000Z_${UUID}`,
  `2026-13-45T25:61:61.000Z_${UUID}`,
  `${AT}_${DASHES}`,
  '9223372036854775808',
  '9'.repeat(19),
  '9'.repeat(40),
  '-1',
  42,
  1e308,
  true,
  ['x'],
  { at: AT, id: UUID },
];

/** More of the same, drawn at random: a bad sort key beside any id, or a good one beside a bad id. */
export const craftedCursor: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...CRAFTED_CURSORS),
  fc
    .tuple(fc.constantFrom(...BAD_AT, ...BAD_JSON_VALUES.map(Number)), fc.oneof(fc.constant(UUID), fc.uuid(), adversarialString))
    .map(([at, id]) => b64(JSON.stringify({ at, id }))),
  fc
    .tuple(
      fc.oneof(
        fc.constant(AT),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
      fc.oneof(
        fc.constantFrom(...BAD_ID),
        adversarialString.filter((id) => !/^[0-9a-f-]{36}$/i.test(id)),
      ),
    )
    .map(([at, id]) => b64(JSON.stringify({ at, id }))),
  // Random bytes; never a run of digits, which would be a real audit event id.
  fc
    .string({ unit: 'binary', maxLength: 60 })
    .map((s) => b64(s))
    .filter((c) => !/^\d+$/.test(c)),
);

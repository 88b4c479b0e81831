import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineAbilityFor } from '../../src/auth/ability.js';
import { ROLES } from '../../src/shared/vocabulary.js';
import { unscopedCalls } from './tenancy-scan.js';

/**
 * The modules' queries name their municipality (README, "Beyond one machine"): a sharded deployment
 * routes a query to one node only when its filter holds the distribution key. This reads every Prisma
 * call in src/modules (`db.<model>.<op>(…)`, `tx.<model>.<op>(…)`) and accepts it when its argument
 * names `municipalityId`, goes through the access rules (`accessibleBy(…)`, which always hold the
 * municipality) or a scope built from them. The calls that do not yet are listed in
 * tenancy-baseline.txt (follow-ups by a primary key already read under the rules, mostly): the list may
 * only shrink. A new query without the key fails here; so does an entry that no longer exists.
 */
const baseline = () =>
  readFileSync(join(import.meta.dirname, 'tenancy-baseline.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .sort();

describe("the modules' queries name their municipality", () => {
  it('finds calls with and without the key (the scanner reads the code)', () => {
    const all = unscopedCalls();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((line) => /^src\/modules\/\S+\.ts \w+\.\w+$/.test(line))).toBe(true);
  });

  it('no query without the key but those of the shrinking list', () => {
    const now = unscopedCalls();
    const allowed = baseline();
    const counts = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
    const [have, may] = [counts(now), counts(allowed)];
    const added = [...have].filter(([line, n]) => n > (may.get(line) ?? 0)).map(([line]) => line);
    const gone = [...may].filter(([line, n]) => n > (have.get(line) ?? 0)).map(([line]) => line);
    expect(added, 'queries without municipalityId (add it to the filter, or go through the access rules)').toEqual([]);
    expect(gone, 'entries of tenancy-baseline.txt that no longer exist: remove them').toEqual([]);
  });
});

describe("every access rule names the user's municipality", () => {
  it("each rule of each role holds municipalityId = the user's, at its top level", () => {
    const municipalityId = '00000000-0000-4000-8000-00000000000a';
    const loose: string[] = [];
    // A city's rules and a hub's (auth/ability.ts gives a hub's users rules of their own).
    for (const [kind, role] of ROLES.flatMap((r) => (['city', 'hub'] as const).map((k) => [k, r] as const))) {
      const user = {
        id: '00000000-0000-4000-8000-00000000000b',
        municipalityId,
        agencyId: role === 'agency_practitioner' ? '00000000-0000-4000-8000-00000000000c' : null,
        email: 'rules@test.jisr.local',
        displayName: 'Rules Synthetic',
        role,
        locale: 'en' as const,
        mustChangePassword: false,
        trainedAssessor: true,
        municipality: { kind },
      };
      const rules = defineAbilityFor(user, new Date('2026-06-01T00:00:00Z')).rules;
      expect(rules.length, `${kind} ${role}`).toBeGreaterThan(0);
      for (const rule of rules.filter((r) => !r.inverted)) {
        const conditions = (rule.conditions ?? {}) as Record<string, unknown>;
        const key = rule.subject === 'Municipality' ? conditions.id : conditions.municipalityId;
        if (key !== municipalityId) loose.push(`${kind} ${role} ${String(rule.action)} ${String(rule.subject)}`);
      }
    }
    expect(loose, 'rules without the municipality at their top level').toEqual([]);
  });
});

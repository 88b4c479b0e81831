import { describe, expect, it } from 'vitest';
import { CALLS } from './calls.js';
import { GRID, MATRIX, matrixRows, ROLES, SCOPES } from './matrix.js';
import { context, outcomeOf, PARTS, PROCEDURES, walk } from './walk.js';

describe('the matrix itself', () => {
  it('lists every procedure of the app router, and only those, each with a way to call it', () => {
    const inRouter = Object.keys(PROCEDURES).sort();
    expect(
      inRouter.filter((p) => !GRID[p]),
      'procedures without rows in tests/matrix/matrix.ts',
    ).toEqual([]);
    expect(
      Object.keys(GRID).filter((p) => !PROCEDURES[p]),
      'rows for procedures that no longer exist',
    ).toEqual([]);
    expect(
      Object.keys(GRID).filter((p) => !CALLS[p]),
      'procedures without an input in tests/matrix/calls.ts',
    ).toEqual([]);
    const parts = Object.values(PARTS);
    expect(
      inRouter.filter((p) => parts.filter((inPart) => inPart(p)).length !== 1),
      'procedures walked by no file or by two',
    ).toEqual([]);
  });

  it('has a row per procedure × role × applicable scope, and gives no hint that a record exists', () => {
    for (const [procedure, spec] of Object.entries(GRID)) {
      for (const role of ROLES) {
        const rows = MATRIX.filter((r) => r.procedure === procedure && r.role === role);
        expect(rows.length, `${procedure} ${role}`).toBeGreaterThan(0);
        if (spec.target === 'none') continue;
        // Whatever is refused is refused exactly as an id that exists nowhere would be, unless
        // the user can see the record (then DESIGN leaves the code open; see matrix.ts).
        const none = rows.find((r) => r.scope === 'nonexistent')!.expect;
        for (const r of rows) {
          if (r.expect === 'allowed' || r.expect === none) continue;
          expect({ procedure, role, scope: r.scope, visible: visibleToo(procedure, role, r.scope) }).toMatchObject({ visible: true });
        }
      }
    }
    expect(matrixRows().length).toBe(MATRIX.length);
    expect(SCOPES).toContain('nonexistent');
  });
});

/** True when the same actor may open the record of that scope (cases.get / people.get allow it). */
function visibleToo(procedure: string, role: string, scope: string) {
  const reader = procedure.startsWith('people.') ? 'people.get' : 'cases.get';
  return MATRIX.some((r) => r.procedure === reader && r.role === role && r.scope === scope && r.expect === 'allowed');
}

describe('a user who is not a trained assessor', () => {
  it('may not rate, even on a case they may otherwise work; the refusal is audited', async () => {
    const { s, db, call, nextIp } = context();
    // The colleagues are not trained assessors; the main actors of the matrix are.
    for (const role of ['coordinator', 'social_worker'] as const) {
      const { colleague } = s.actors[role];
      const { cookie } = await s.sessionOf(colleague);
      const c = await s.target('case', { ...s.actors[role], user: colleague }, 'own', { fresh: true });
      const input = { caseId: c.caseId, ratings: s.ratings, overallJudgement: 'Synthetic judgement.' };
      const ip = nextIp();
      expect(outcomeOf(await call('assessments.create', input, cookie, ip)), role).toBe('FORBIDDEN');
      const events = await db.auditEvent.findMany({ where: { ip }, select: { actorId: true, action: true, outcome: true } });
      expect(events).toEqual([{ actorId: colleague.id, action: 'assessment.create', outcome: 'denied' }]);
      expect(outcomeOf(await call('assessments.list', { caseId: c.caseId }, cookie, nextIp())), role).toBe('allowed');
    }
  });
});

walk('rest');

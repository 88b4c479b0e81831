import { AUDIT_ACTIONS } from '../audit/actions.js';
import type { Meta } from './init.js';
import { tierOf } from './procedures.js';

interface ProcedureDef {
  _def: { middlewares: object[]; inputs: unknown[]; meta?: Meta; type?: string };
}

/**
 * The start-up check of the procedure tier: every procedure of `router` is built with
 * `procedure(action)`, under a known action that nothing overrode, and names a record by an input
 * field that its input has; only `publicOnes` are public. Throws with every procedure that is not;
 * returns the router, so the app router is checked where it is made.
 */
export function everyProcedureAudited<R extends object>(router: R, publicOnes: readonly string[]): R {
  const procedures = (router as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures;
  const problems: string[] = [];
  for (const [path, { _def }] of Object.entries(procedures)) {
    const tier = tierOf(_def.middlewares);
    if (tier === 'public') {
      if (!publicOnes.includes(path)) problems.push(`${path} is public but not listed as public`);
    } else if (!tier) {
      problems.push(`${path} is not built with procedure(action)`);
    } else if (!AUDIT_ACTIONS.includes(tier.action) || _def.meta?.action !== tier.action) {
      problems.push(`${path} is audited as "${tier.action}" but its meta says "${_def.meta?.action}"`);
    } else if (tier.idFrom && !_def.inputs.some((input) => fieldsOf(input)?.has(tier.idFrom!))) {
      problems.push(`${path} names its ${tier.entity} by input.${tier.idFrom}, which its input does not have`);
    } else if (tier.idempotent && _def.type !== 'mutation') {
      problems.push(`${path} is idempotent but not a mutation`);
    }
  }
  for (const path of publicOnes) if (!procedures[path]) problems.push(`${path} is listed as public but does not exist`);
  if (problems.length) throw new Error(`Procedures without their audit event: ${problems.join('; ')}`);
  return router;
}

/** The fields of a zod object input, or those of every branch of a union, through defaults and pipes. */
function fieldsOf(schema: unknown): Set<string> | null {
  // biome-ignore lint/suspicious/noExplicitAny: zod's internal definition differs by schema type
  const def = (schema as { _zod?: { def?: Record<string, any> } })._zod?.def;
  if (def?.type === 'object') return new Set(Object.keys(def.shape));
  if (def?.type === 'union') {
    const branches: (Set<string> | null)[] = def.options.map(fieldsOf);
    return branches.every((b) => b) ? new Set([...branches[0]!].filter((k) => branches.every((b) => b!.has(k)))) : null;
  }
  if (def?.type === 'pipe') return fieldsOf(def.in);
  return def?.innerType ? fieldsOf(def.innerType) : null;
}

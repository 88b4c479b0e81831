import { createContext, useContext } from 'solid-js';
import type { Me } from '../lib/session';

/** The signed-in user, provided by the shell (its own module, so pages the shell loads can read it without a cycle). */
export const MeContext = createContext<() => Me>();

/** The signed-in user, inside the shell. */
export function useMe(): () => Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the shell');
  return me;
}

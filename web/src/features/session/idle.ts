import { onCleanup } from 'solid-js';
import type { Outputs } from '../../lib/trpc';

export type SessionLimits = Outputs['auth']['me']['session'];

/** The warning comes this long before the idle limit (a third of a short limit). */
const WARN_AT_MOST = 2 * 60_000;
export const warnBefore = (idleMs: number) => Math.min(WARN_AT_MOST, idleMs / 3);

/** When the session ends, on this browser's clock, and whether it is the idle limit (which staying moves). */
export function deadlineOf(limits: SessionLimits, now = Date.now()) {
  const idle = limits.idleLeftMs < limits.leftMs;
  return {
    at: now + Math.min(limits.idleLeftMs, limits.leftMs),
    idle,
    warnAt: now + Math.min(limits.idleLeftMs, limits.leftMs) - warnBefore(limits.idleMs),
  };
}

/**
 * Whether the user did anything in the page (typed, pressed a key, touched) since the last `reset()`.
 * Typing in a form is activity: when the warning would come, an active user's session is kept alive
 * instead, silently (at most once per idle period: a throttled keep-alive).
 */
export function activityWatch() {
  let active = false;
  const mark = () => {
    active = true;
  };
  const events = ['input', 'keydown', 'pointerdown'] as const;
  for (const e of events) document.addEventListener(e, mark, { capture: true, passive: true });
  onCleanup(() => {
    for (const e of events) document.removeEventListener(e, mark, { capture: true });
  });
  return {
    active: () => active,
    reset: () => {
      active = false;
    },
  };
}

/** A time of day in the interface's language on the municipality's clock ("14:32 GMT+1", lib/format.ts). */
export { formatTime } from '../../lib/format';

import { createSignal } from 'solid-js';

/**
 * How many actions the user has started in this tab: each form submission of the kit (lib/form.ts,
 * counted before its own check, so a refusal in the browser counts too) and each button's write
 * (lib/mutation.ts writeThenRefresh). A confirmation or an error belongs to the action that raised it.
 */
const [actions, setActions] = createSignal(0);

/** The count of actions started so far (reactive). */
export const actionCount = actions;

/** A new action starts: every confirmation and error of an earlier one stops being shown. Returns its number. */
export function actionStarted(): number {
  setActions((n) => n + 1);
  return actions();
}

/**
 * A message a page keeps after an action ("Saved", "Link sent"): shown until the next action starts,
 * whatever that action's outcome, so a confirmation never sits beside a later failure and an old error
 * never outlives the next try. Setting it again (even to the same value) shows it for the current action.
 */
export function createNotice<T>(initial: T | null = null): [get: () => T | null, set: (value: T | null) => void] {
  const [held, setHeld] = createSignal<{ value: T; at: number } | null>(initial === null ? null : { value: initial, at: actions() }, {
    equals: false,
  });
  const get = () => {
    const h = held();
    return h && h.at === actions() ? h.value : null;
  };
  const set = (value: T | null) => setHeld(value === null ? null : { value, at: actions() });
  return [get, set];
}

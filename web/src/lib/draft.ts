import { createSignal, onCleanup } from 'solid-js';
import { trpc, type Inputs } from './trpc';
import { newKey } from './submission';

type Kind = Inputs['drafts']['save']['kind'];
type Fields = Inputs['drafts']['save']['fields'];

/** A pause in typing this long saves the draft. */
const SAVE_AFTER_MS = 1_500;

/** What a form holds, by field name: checkbox groups as lists, everything else as its text. Never passwords. */
export function formFields(form: HTMLFormElement): Fields {
  const fields: Fields = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    if (!el.name || el.type === 'password' || el.type === 'submit' || el.type === 'button' || el.disabled) continue;
    if (el.type === 'checkbox') {
      const list = (fields[el.name] as string[] | undefined) ?? [];
      fields[el.name] = el.checked ? [...list, el.value] : list;
    } else if (el.type === 'radio') {
      if (el.checked) fields[el.name] = el.value;
    } else fields[el.name] = el.value;
  }
  return fields;
}

/**
 * Puts a draft's fields back into the form, telling each control's handlers (as typing would). A
 * choice can bring more fields into view (consent not given asks for the legal basis): those are
 * filled on the next pass.
 */
export function fillForm(form: HTMLFormElement, fields: Fields) {
  const done = new Set<Element>();
  for (let pass = 0; pass < 3; pass++) {
    const fresh = (Array.from(form.elements) as HTMLInputElement[]).filter((el) => !done.has(el));
    if (fresh.length === 0) return;
    for (const el of fresh) {
      done.add(el);
      const value = el.name ? fields[el.name] : undefined;
      if (value === undefined || el.type === 'password') continue;
      if (el.type === 'checkbox' || el.type === 'radio') el.checked = Array.isArray(value) ? value.includes(el.value) : value === el.value;
      else el.value = Array.isArray(value) ? (value[0] ?? '') : value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
}

/**
 * A form's draft on the server (drafts.save), never in the browser's storage: devices are shared.
 * `onInput` on the form saves what it holds once typing pauses; `sent()` after the record is made
 * deletes the draft. Saves and the deletion go one after another, so a late save never brings a sent
 * draft back. While the session is lost, a save waits for the sign-in like any call (lib/trpc.ts).
 */
export function useDraft(options: { kind: Kind; caseId?: string; form: () => HTMLFormElement | undefined }) {
  let id = newKey();
  let saved = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const [status, setStatus] = createSignal<{ savedAt: Date } | 'saving' | 'failed' | null>(null);
  const inTurn = (work: () => Promise<unknown>) => (queue = queue.then(work, work));

  const save = () => {
    const form = options.form();
    if (!form) return;
    const fields = formFields(form);
    const draftId = id;
    // From now on there may be a draft to delete once the form is sent.
    saved = true;
    setStatus('saving');
    inTurn(async () => {
      try {
        const row = await trpc.drafts.save.mutate({ id: draftId, kind: options.kind, caseId: options.caseId, fields });
        if (draftId === id) setStatus({ savedAt: row.updatedAt });
      } catch {
        if (draftId === id) setStatus('failed');
      }
    });
  };
  const stop = () => clearTimeout(timer);
  onCleanup(stop);
  return {
    status,
    /** On the form's input events: saves once typing pauses. */
    onInput: () => {
      stop();
      timer = setTimeout(save, SAVE_AFTER_MS);
    },
    /** On submit: no save may follow what is being sent. */
    onSubmit: stop,
    /** Carries on an opened draft: later saves replace it. */
    adopt: (draftId: string) => {
      id = draftId;
      saved = true;
    },
    /** The record was made: its draft goes (and the next one starts afresh). */
    sent: () => {
      stop();
      const done = id;
      const had = saved;
      id = newKey();
      saved = false;
      setStatus(null);
      if (had) inTurn(() => trpc.drafts.discard.mutate({ id: done }).catch(() => undefined));
    },
  };
}

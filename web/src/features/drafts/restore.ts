import { createSignal, onMount } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { trpc } from '../../lib/trpc';
import { fillForm } from '../../lib/draft';

/**
 * Opens the draft named in the address (`?draft=<id>`, from "my work") into the form once it is on the
 * page, and carries it on (`adopt`): later saves replace it. `fits` says whether the draft belongs to
 * this form (a note's draft to its own case). Returns the error of a draft that could not be opened.
 */
export function useRestoreDraft(options: {
  form: () => HTMLFormElement | undefined;
  adopt: (id: string) => void;
  fits: (d: { kind: string; caseId: string | null }) => boolean;
}) {
  const [params] = useSearchParams();
  const [restored, setRestored] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  onMount(async () => {
    const id = typeof params.draft === 'string' ? params.draft : null;
    if (!id) return;
    try {
      const draft = await trpc.drafts.get.query({ id });
      const form = options.form();
      if (!form || !options.fits(draft)) return;
      fillForm(form, draft.fields);
      options.adopt(draft.id);
      setRestored(true);
    } catch (err) {
      setError(err);
    }
  });
  return { restored, error };
}

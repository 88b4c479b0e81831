import { createSignal, useTransition } from 'solid-js';
import { createAsync } from '@solidjs/router';

interface Page {
  items: unknown[];
  nextCursor: string | null;
}

/**
 * A list read in keyset pages: the cursors of the pages loaded so far (the first has none), all
 * fetched through `fetchPage`, which may read signals (filters): when they change, `restart`.
 */
export function createKeysetPages<P extends Page>(fetchPage: (cursor: string | undefined) => Promise<P>) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [pending, start] = useTransition();
  const pages = createAsync(() => Promise.all(cursors().map((c) => fetchPage(c))));
  return {
    /** Undefined until the first page arrived; then every page, kept while the next ones load. */
    pages,
    items: (): P['items'] => (pages.latest ?? []).flatMap((p) => p.items),
    nextCursor: () => pages.latest?.at(-1)?.nextCursor ?? null,
    pending,
    loadMore: (cursor: string) => start(() => setCursors([...cursors(), cursor])),
    /** Back to the first page, after `change` (e.g. new filters) inside the same transition. */
    restart: (change?: () => void) =>
      start(() => {
        change?.();
        setCursors([undefined]);
      }),
  };
}

import { createEffect, createSignal, on, onCleanup, untrack } from 'solid-js';

/** `source`'s value once it has stayed the same for `ms` milliseconds (e.g. a search box while typing). */
export function debounced<T>(source: () => T, ms: number): () => T {
  const [value, setValue] = createSignal<T>(untrack(source));
  createEffect(
    on(
      source,
      (next) => {
        const timer = setTimeout(() => setValue(() => next), ms);
        onCleanup(() => clearTimeout(timer));
      },
      { defer: true },
    ),
  );
  return value;
}

import { Show, Suspense, createSignal, onCleanup, onMount, type JSX } from 'solid-js';

/** The browser's idle callback where there is one (Safari has none: a short timer stands in). */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
}

/** A part's longest turn: a part whose data never comes (an error shown in it) does not hold up the next. */
const TURN_MS = 2000;

interface Part {
  show: () => void;
}
/** Parts waiting to be mounted, in page order. */
const waiting: Part[] = [];
/** The part whose turn it is (mounted, its data not yet shown), and how its turn ends. */
let current: { part: Part; end: () => void } | null = null;

/** The next part's turn, once the browser is idle: it is mounted, and the turn ends when it shows (or after TURN_MS). */
function next() {
  if (current || !waiting.length) return;
  const part = waiting.shift()!;
  let cancelIdle: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const end = () => {
    if (current?.part !== part) return;
    cancelIdle?.();
    clearTimeout(timer);
    current = null;
    next();
  };
  current = { part, end };
  cancelIdle = whenIdle(() => {
    cancelIdle = null;
    timer = setTimeout(end, TURN_MS);
    part.show();
  });
}

/**
 * A part of a page its first screen does not need (a case page's sections below the summary). The
 * first screen paints without waiting for it; then the parts are mounted one after the other, in
 * page order, each once the browser is idle and the part before it shows, so their code and data load
 * in tasks of their own and each appears below what is already on screen (nothing on it moves). Each
 * part has its own loading boundary: a slow one holds up nothing else for long.
 */
export function Deferred(props: { children: JSX.Element; class?: string }) {
  const [shown, setShown] = createSignal(false);
  const part: Part = { show: () => setShown(true) };
  onMount(() => {
    waiting.push(part);
    next();
  });
  onCleanup(() => {
    const at = waiting.indexOf(part);
    if (at >= 0) waiting.splice(at, 1);
    if (current?.part === part) current.end();
  });
  return (
    <div class={props.class ?? 'deferred'}>
      <Show when={shown()}>
        {/* Loading takes no room: the part appears once, with its data. */}
        <Suspense fallback={<span class="loading" hidden />}>
          {props.children}
          <Shown onShown={() => current?.part === part && current.end()} />
        </Suspense>
      </Show>
    </div>
  );
}

/** Mounted when its Suspense boundary shows its content (Solid runs onMount once the boundary resolves). */
function Shown(props: { onShown: () => void }) {
  onMount(() => props.onShown());
  return null;
}

/**
 * Children mounted in the task after the one that rendered their place (a timer of 0 ms, no wait for
 * idleness): what the first screen shows, split from the frame around it so neither render is one
 * long task. Shown whole at once, like the rest of the first screen.
 */
export function NextTask(props: { children: JSX.Element }) {
  const [ready, setReady] = createSignal(false);
  const timer = setTimeout(() => setReady(true));
  onCleanup(() => clearTimeout(timer));
  return <Show when={ready()}>{props.children}</Show>;
}

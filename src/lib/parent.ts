import { alive } from './process.js';

/**
 * Calls `gone` once when `parent`, the process that started this one, is gone (it died, or this one was
 * handed to another), checking every `everyMs`; the timer keeps nothing alive. A parent of pid 1 or less
 * (a container's first process, or none) is not watched. Returns a function that stops watching.
 */
export function watchParent(parent: number, gone: () => void, everyMs = 250): () => void {
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent && alive(parent)) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

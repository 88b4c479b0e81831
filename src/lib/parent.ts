/** Whether a process is there (one we may not signal is there too). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Calls `gone` once when the process that started this one is gone (it died, or this one was handed to
 * init), checking every `everyMs`. The timer keeps nothing alive. Returns a function that stops watching.
 */
export function watchParent(gone: () => void, everyMs = 250): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent && alive(parent)) return;
    clearInterval(timer);
    gone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Whether a process is there: signal 0 finds it (one we may not signal is there too). A zombie is there too. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

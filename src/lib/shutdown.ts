/**
 * The process's stop sequence. Whatever starts registers how to stop it; a signal may come at any
 * moment, also half-way through the start. During the start a stop request waits for the next
 * checkpoint (a step is not cut off in the middle); once the start is done it stops at once.
 * Stops run last-registered first, each one even if an earlier one failed.
 */
export interface Shutdown {
  /** Registers how to stop something that has just started. */
  onStop(stop: () => Promise<unknown>): void;
  /** Told once, when the first stop request arrives. */
  onRequest(listener: (signal: string) => void): void;
  /** A signal arrived. A second one while stopping is ignored. */
  request(signal: string): void;
  /** Between start steps: stops (and never returns) if a request came in meanwhile. */
  checkpoint(): Promise<void>;
  /** The start is done: from now on a request stops at once (also one that came in during the last step). */
  ready(): void;
  /** Whether a stop has been asked for (what fails after that is the stop's doing, not news). */
  readonly requested: boolean;
  /**
   * The start failed: stops what was started, then exits 1 with the error logged. When a stop had been
   * asked for, the failure is its consequence (a terminal's Ctrl-C also stops the database under a
   * starting step): it stops quietly and exits 0.
   */
  fail(err: unknown): Promise<never>;
}

export interface ShutdownOptions {
  log: (message: string) => void;
  /** process.exit, replaced in tests. */
  exit?: (code: number) => never;
}

export function createShutdown({ log, exit = (code) => process.exit(code) }: ShutdownOptions): Shutdown {
  const stops: (() => Promise<unknown>)[] = [];
  const listeners: ((signal: string) => void)[] = [];
  let requested: string | null = null;
  let isReady = false;
  let stopping: Promise<never> | null = null;

  async function runStops(): Promise<boolean> {
    let clean = true;
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        clean = false;
        log(`stopping failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return clean;
  }

  function stopWith(code: number): Promise<never> {
    // After exit nothing goes on (a replaced exit returns; the start must still not take its next step).
    stopping ??= runStops()
      .then((clean) => exit(clean ? code : 1))
      .then(() => new Promise<never>(() => undefined));
    return stopping;
  }

  return {
    onStop: (stop) => void stops.push(stop),
    onRequest: (listener) => void listeners.push(listener),
    request(signal) {
      if (requested) return;
      requested = signal;
      for (const listener of listeners) listener(signal);
      if (isReady) void stopWith(0);
    },
    async checkpoint() {
      if (requested) await stopWith(0);
    },
    ready() {
      isReady = true;
      if (requested) void stopWith(0);
    },
    get requested() {
      return requested !== null;
    },
    fail(err) {
      if (requested) return stopWith(0);
      log(err instanceof Error ? (err.stack ?? err.message) : String(err));
      return stopWith(1);
    },
  };
}

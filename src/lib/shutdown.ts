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
  /** Registers a last resort, run synchronously when a second signal forces the exit (e.g. kill the embedded server). */
  onForce(kill: () => void): void;
  /**
   * A signal arrived. The first stops gracefully (during the start, once the current step is done); a
   * second one, while that is under way, runs the last resorts and exits at once (128 + the signal's number).
   */
  request(signal: string): void;
  /** Between start steps: stops (and never returns) if a request came in meanwhile. */
  checkpoint(): Promise<void>;
  /** The start is done: from now on a request stops at once (also one that came in during the last step). */
  ready(): void;
  /** Whether a stop has been asked for (what fails after that is the stop's doing, not news). */
  readonly requested: boolean;
  /**
   * The start failed: stops what was started, then exits 1 with the error logged. When a stop had been
   * asked for, the failure is most likely its consequence (a terminal's Ctrl-C also stops the database
   * under a starting step): one line says what failed, and it stops with exit 0.
   */
  fail(err: unknown): Promise<never>;
}

export interface ShutdownOptions {
  log: (message: string) => void;
  /** process.exit, replaced in tests. */
  exit?: (code: number) => never;
  /** Milliseconds, for telling a relayed copy of the first signal from a second one; replaced in tests. */
  now?: () => number;
}

/**
 * Under `npm start` a terminal's Ctrl-C reaches the app twice within milliseconds: from the terminal (the
 * whole process group) and relayed by npm and tsx. Only a signal this long after the first forces the exit.
 */
const SECOND_SIGNAL_MS = 1_000;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** The stop sequence of one process (see Shutdown); main.ts makes one before anything starts. */
export function createShutdown({ log, exit = (code) => process.exit(code), now = Date.now }: ShutdownOptions): Shutdown {
  const stops: (() => Promise<unknown>)[] = [];
  const listeners: ((signal: string) => void)[] = [];
  const lastResorts: (() => void)[] = [];
  let requested: string | null = null;
  let requestedAt = 0;
  let isReady = false;
  let stopping: Promise<never> | null = null;

  async function runStops(): Promise<boolean> {
    let clean = true;
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        clean = false;
        log(`stopping failed: ${messageOf(err)}`);
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
    onStop(stop) {
      // Started after the stops began (nothing in main does): stopped at once, not forgotten.
      if (stopping) void stop().catch((err: unknown) => log(`stopping failed: ${messageOf(err)}`));
      else stops.push(stop);
    },
    onRequest(listener) {
      listeners.push(listener);
      if (requested) listener(requested);
    },
    onForce: (kill) => void lastResorts.push(kill),
    request(signal) {
      if (requested) {
        if (now() - requestedAt < SECOND_SIGNAL_MS) return;
        log(`${signal} again: stopping at once`);
        for (const kill of lastResorts) {
          try {
            kill();
          } catch {
            /* a last resort must not keep the process alive */
          }
        }
        exit(128 + (SIGNAL_NUMBERS[signal] ?? 0));
        return;
      }
      requested = signal;
      requestedAt = now();
      for (const listener of listeners) listener(signal);
      if (isReady) void stopWith(0);
      else log(`${signal}: stopping once the current start-up step is done (send it again to stop at once)`);
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
      if (requested) {
        log(`start-up interrupted: ${messageOf(err)}`);
        return stopWith(0);
      }
      log(err instanceof StartRefused ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err));
      return stopWith(1);
    },
  };
}

/** A start refused, or a stop forced, for a reason the operator can act on: logged as its words, no stack. */
export class StartRefused extends Error {}

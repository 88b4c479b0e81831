/** The app's only source of "now", so tests can move time (session expiry, lockout windows). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock tests can set and advance. */
export type ManualClock = Clock & { advance(ms: number): void; set(d: Date): void };

export function manualClock(start = new Date('2026-01-15T09:00:00Z')): ManualClock {
  let now = start.getTime();
  const clock: ManualClock = Object.assign(() => new Date(now), {
    advance(ms: number) {
      now += ms;
    },
    set(d: Date) {
      now = d.getTime();
    },
  });
  return clock;
}

import { describe, expect, it } from 'vitest';
import { covered } from '../../bench/breakdown.js';

/** The breakdown's SQL time is the time at least one statement ran: side-by-side statements count once. */
describe('covered', () => {
  it('counts overlapping spans once, nested ones not at all, gaps never', () => {
    expect(covered([])).toBe(0);
    expect(covered([[2, 5]])).toBe(3);
    expect(
      covered([
        [20, 25],
        [0, 10],
        [5, 15],
      ]),
    ).toBe(20);
    expect(
      covered([
        [0, 10],
        [2, 3],
        [4, 9],
      ]),
    ).toBe(10);
    expect(
      covered([
        [0, 1],
        [1, 2],
      ]),
    ).toBe(2);
  });
});

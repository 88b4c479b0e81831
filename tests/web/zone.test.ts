import { beforeAll, describe, expect, it, vi } from 'vitest';

// The web's dictionaries guess the language from the browser's; Node 20 has no navigator.
vi.stubGlobal('navigator', { language: 'en' });
let region: typeof import('../../web/src/lib/region.js');
let format: typeof import('../../web/src/lib/format.js');
beforeAll(async () => {
  region = await import('../../web/src/lib/region.js');
  format = await import('../../web/src/lib/format.js');
  await (await import('../../web/src/i18n/index.js')).i18nReady;
});

describe("times of day on the municipality's clock (lib/region.ts, lib/format.ts)", () => {
  it('a time typed in a datetime-local field is read on the given zone, and written back the same', () => {
    expect(region.fromZonedInput('2026-01-15T09:30', 'Asia/Amman').toISOString()).toBe('2026-01-15T06:30:00.000Z');
    expect(region.fromZonedInput('2026-01-15T09:30', 'Africa/Tunis').toISOString()).toBe('2026-01-15T08:30:00.000Z');
    // Egypt keeps summer time: +3 in July, +2 in January.
    expect(region.fromZonedInput('2026-07-01T09:00', 'Africa/Cairo').toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(region.fromZonedInput('2026-01-01T09:00', 'Africa/Cairo').toISOString()).toBe('2026-01-01T07:00:00.000Z');
    expect(region.toZonedInput(new Date('2026-01-15T06:30:00Z'), 'Asia/Amman')).toBe('2026-01-15T09:30');
    expect(region.toZonedInput(new Date('2026-01-14T23:30:00Z'), 'Asia/Baghdad')).toBe('2026-01-15T02:30');
    expect(Number.isNaN(region.fromZonedInput('', 'Asia/Amman').getTime())).toBe(true);
  });

  it("shown times are the municipality's, labelled with its offset, whatever the device's zone; a day stays its day", () => {
    region.adoptRegion({ country: 'TN', timeZone: 'Africa/Tunis' });
    const at = new Date('2026-01-15T08:30:00Z');
    expect(format.formatDateTime(at)).toMatch(/9:30.*GMT\+1/);
    expect(format.formatTime(at)).toMatch(/^9:30\sAM GMT\+1$/);
    expect(format.formatTimestamp(at)).toMatch(/9:30:00.*GMT\+1/);
    region.adoptRegion({ country: 'IQ', timeZone: 'Asia/Baghdad' });
    expect(format.formatDateTime(at)).toMatch(/11:30.*GMT\+3/);
    // 23:30 UTC is already the next day in Baghdad; a stored day ("2026-01-15") is that day everywhere.
    expect(format.formatDate(new Date('2026-01-14T23:30:00Z'))).toContain('15');
    expect(format.formatDate('2026-01-15')).toContain('15');
    region.adoptRegion({ country: 'US', timeZone: 'America/Los_Angeles' });
    expect(format.formatDate('2026-01-15')).toContain('15');
    region.adoptRegion(null);
  });
});

import { createRoot, createSignal } from 'solid-js';
import { regionalLocale } from '../../../src/shared/calendar';
import { isoDayIn } from '../../../src/shared/days';
import { locale } from '../i18n';

/** Where the signed-in user's municipality is: its country and time zone (from auth.me). */
export interface Region {
  country: string;
  timeZone: string;
}

const region = createRoot(() => createSignal<Region | null>(null));

/** Takes the municipality of the signed-in user (every answer of auth.me); null after sign-out. */
export function adoptRegion(next: Region | null) {
  const current = region[0]();
  if (current?.country !== next?.country || current?.timeZone !== next?.timeZone) region[1](next);
}

/**
 * The locale dates and numbers are written in: the interface language with the municipality's country
 * (ar-JO writes كانون الثاني, ar-TN جانفي, ar-MA يناير; fr-TN, fr-MA…). Before sign-in, the language alone.
 */
export const formatLocale = () => regionalLocale(locale(), region[0]()?.country);

/** The device's own zone, asked once: asking makes a whole Intl formatter, and every date written asked again. */
let deviceZone: string | undefined;
function ownZone(): string {
  if (!deviceZone) deviceZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return deviceZone;
}

/** The municipality's time zone; the browser's own until the user is known. */
export const municipalZone = () => region[0]()?.timeZone ?? ownZone();

/**
 * Today where the municipality is, "2026-01-15" (as date fields and `@db.Date` values are written):
 * at 00:30 in Amman it is already the new day there, whatever the device's clock zone says.
 */
export const todayIso = (now: Date = new Date()) => isoDayIn(now, municipalZone());

/** The wall-clock fields of an instant in a zone (24-hour). */
function wallIn(at: Date, zone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour'), min: get('minute'), s: get('second') };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: Date, zone: string): number {
  const w = wallIn(at, zone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * A time typed in a `datetime-local` field ("2026-01-15T09:30") read as the municipality's clock, not
 * the device's: a coordinator travelling, or a phone set to another zone, still books 09:30 in Irbid.
 */
export function fromZonedInput(value: string, zone: string = municipalZone()): Date {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(value);
  if (!m) return new Date(Number.NaN);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset at the wall time read as UTC, then again at the answer (right across a clock change).
  const first = wall - offsetAt(new Date(wall), zone);
  return new Date(wall - offsetAt(new Date(first), zone));
}

/** An instant as a `datetime-local` value on the municipality's clock. */
export function toZonedInput(at: Date, zone: string = municipalZone()): string {
  const w = wallIn(at, zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${pad(w.m)}-${pad(w.d)}T${pad(w.h)}:${pad(w.min)}`;
}

/** The municipality's zone named in the interface language ("Eastern European Time"), for labels. */
export function zoneLabel(zone: string = municipalZone()): string {
  try {
    const parts = new Intl.DateTimeFormat(formatLocale(), { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

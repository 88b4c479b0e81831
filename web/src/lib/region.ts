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

/** The municipality's time zone; the browser's own until the user is known. */
export const municipalZone = () => region[0]()?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Today where the municipality is, "2026-01-15" (as date fields and `@db.Date` values are written):
 * at 00:30 in Amman it is already the new day there, whatever the device's clock zone says.
 */
export const todayIso = (now: Date = new Date()) => isoDayIn(now, municipalZone());

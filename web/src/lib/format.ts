import { t } from '../i18n';
import { formatLocale as locale, municipalZone } from './region';

/**
 * Times of day are on the municipality's clock wherever the device is, and say so ("GMT+1"): a
 * worker whose phone is set to another zone sees the same 09:15 as the colleague at the office.
 */
const clock = () => ({ timeZone: municipalZone(), timeZoneName: 'short' as const });

// Making an Intl formatter costs far more than using one, and a case page writes dozens of dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** The date formatter for the current locale and these options, made once. */
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  const made = dateFormats.get(key);
  if (made) return made;
  const format = new Intl.DateTimeFormat(locale(), options);
  dateFormats.set(key, format);
  return format;
}

/** A date and time in the current locale on the municipality's clock, e.g. "15 Jan 2026, 09:15 GMT+1". */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return t('common.none');
  const date = typeof value === 'string' ? new Date(value) : value;
  return dateFormat({
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...clock(),
  }).format(date);
}

/** A date and time to the second, for the audit log (the municipality's clock, labelled). */
export function formatTimestamp(value: Date): string {
  return dateFormat({
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
    ...clock(),
  }).format(value);
}

/** A time of day ("14:32 GMT+1") on the municipality's clock. */
export function formatTime(value: number | Date): string {
  return dateFormat({ hour: 'numeric', minute: '2-digit', ...clock() }).format(value);
}

export function formatNumber(value: number): string {
  const key = locale();
  const format = numberFormats.get(key) ?? new Intl.NumberFormat(key);
  numberFormats.set(key, format);
  return format.format(value);
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS/, 'Firefox'],
  [/SamsungBrowser/, 'Samsung Internet'],
  [/Chrom(e|ium)\/|CriOS/, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
];

/** "Firefox on Windows": a rough reading of a user agent, enough to recognise one's devices. */
export function describeUserAgent(ua: string | null): string {
  if (!ua) return t('sessions.unknown');
  const browser = BROWSERS.find(([re]) => re.test(ua))?.[1];
  const os = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  if (!browser) return t('sessions.unknown');
  return os ? t('sessions.browserOn', { browser, os }) : browser;
}

/**
 * A calendar date in the current locale, e.g. "15 Jan 2026": a day ("2026-01-15", a `@db.Date`) as it
 * is written, an instant by the municipality's calendar.
 */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return t('common.none');
  const day = typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value);
  const date = typeof value === 'string' ? new Date(day ? `${value}T00:00:00Z` : value) : value;
  return dateFormat({ dateStyle: 'medium', timeZone: day ? 'UTC' : municipalZone() }).format(date);
}

const listFormats = new Map<string, Intl.ListFormat>();
const yearFormats = new Map<string, Intl.NumberFormat>();

/** A list of words joined as the locale joins them: "notes, plan and summary". */
export function formatList(items: string[]): string {
  const key = locale();
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(key, { style: 'long', type: 'conjunction' });
    listFormats.set(key, format);
  }
  return format.format(items);
}

/** A year as the locale writes numbers, without a thousands separator ("2009", "٢٠٠٩"). */
export function formatYear(value: number): string {
  const key = locale();
  let format = yearFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(key, { useGrouping: false });
    yearFormats.set(key, format);
  }
  return format.format(value);
}

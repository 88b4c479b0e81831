import { t } from '../i18n';
import { formatLocale as locale } from './region';

/** A date and time in the current locale, e.g. "15 Jan 2026, 09:15". */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return t('common.none');
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A date and time to the second, for the audit log. */
export function formatTimestamp(value: Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'short', timeStyle: 'medium' }).format(value);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
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

/** A calendar date in the current locale, e.g. "15 Jan 2026". */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return t('common.none');
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(date);
}

/** A list of words joined as the locale joins them: "notes, plan and summary". */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** A year as the locale writes numbers, without a thousands separator ("2009", "٢٠٠٩"). */
export function formatYear(value: number): string {
  return new Intl.NumberFormat(locale(), { useGrouping: false }).format(value);
}

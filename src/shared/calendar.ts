/**
 * The municipality's calendar and regional formats by country (ISO 3166 alpha-2). The database trigger
 * `municipality_calendar_defaults` fills the same defaults on insert; an admin may change zone and weekend.
 */

/** Where the weekend is Friday and Saturday; elsewhere (Tunisia, Morocco, Lebanon, …) it is Saturday and Sunday. */
export const FRIDAY_SATURDAY_COUNTRIES = ['EG', 'JO', 'IQ', 'LY', 'DZ', 'SA', 'SY', 'PS', 'KW', 'BH', 'QA', 'OM', 'YE', 'SD'] as const;

/** The time zone of each country of the network and its neighbours (one zone each). */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  EG: 'Africa/Cairo',
  JO: 'Asia/Amman',
  IQ: 'Asia/Baghdad',
  LY: 'Africa/Tripoli',
  MA: 'Africa/Casablanca',
  TN: 'Africa/Tunis',
  LB: 'Asia/Beirut',
  DZ: 'Africa/Algiers',
  SA: 'Asia/Riyadh',
  SY: 'Asia/Damascus',
  PS: 'Asia/Hebron',
  KW: 'Asia/Kuwait',
  BH: 'Asia/Bahrain',
  QA: 'Asia/Qatar',
  OM: 'Asia/Muscat',
  YE: 'Asia/Aden',
  SD: 'Africa/Khartoum',
  AE: 'Asia/Dubai',
  MR: 'Africa/Nouakchott',
};

/** Weekend days (0 = Sunday) of a country: Friday–Saturday or Saturday–Sunday. */
export function defaultWeekend(country: string): number[] {
  return (FRIDAY_SATURDAY_COUNTRIES as readonly string[]).includes(country.toUpperCase()) ? [5, 6] : [6, 0];
}

export const defaultTimeZone = (country: string) => COUNTRY_TIME_ZONES[country.toUpperCase()] ?? 'UTC';

/**
 * The regional locale for formatting dates and numbers: the interface language with the municipality's
 * country (ar + JO → ar-JO, whose months are كانون الثاني…; ar + TN → ar-TN, جانفي…; ar + MA → ar-MA,
 * يناير…; fr + TN → fr-TN). English keeps plain `en` (en-JO would change the order and digits
 * users of the English interface do not expect).
 */
export function regionalLocale(language: string, country: string | null | undefined): string {
  if (!country || language === 'en' || !/^[A-Za-z]{2}$/.test(country)) return language;
  return `${language}-${country.toUpperCase()}`;
}

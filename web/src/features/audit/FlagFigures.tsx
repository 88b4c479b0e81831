import { For, Show } from 'solid-js';
import { t, tKey } from '../../i18n';
import { formatLocale } from '../../lib/region';
import { formatDateTime, formatList, formatNumber } from '../../lib/format';

/** The detail keys a page may show, in this order; anything else (ids) stays off the page. */
const KEYS = [
  'change',
  'role',
  'previousRole',
  'reference',
  'sections',
  'expiresAt',
  'day',
  'timeZone',
  'from',
  'minutes',
  'count',
  'limit',
  'since',
] as const;
type Key = (typeof KEYS)[number];

/** A local day ("2026-01-15") as the locale writes it, not shifted by the browser's zone. */
const formatDay = (day: string) =>
  new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** A zone's name in the locale ("Eastern European Time"), or the zone itself when Intl has none. */
export function zoneName(zone: string) {
  try {
    const parts = new Intl.DateTimeFormat(formatLocale(), { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}

const minutes = (n: number) => new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(n);

/** One figure's value in words: roles, changes and sections translated, times and numbers by Intl. */
function wordsOf(key: Key, value: unknown): string | null {
  if (typeof value === 'number') return key === 'minutes' ? minutes(value) : formatNumber(value);
  if (Array.isArray(value)) return key === 'sections' ? formatList(value.map((s) => tKey('sections', String(s)))) : null;
  if (typeof value !== 'string') return null;
  switch (key) {
    case 'change':
      return tKey('flags.changes', value);
    case 'role':
    case 'previousRole':
      return tKey('roles', value);
    case 'day':
      return formatDay(value);
    case 'timeZone':
      return `${zoneName(value)} (${value.replace(/_/g, ' ')})`;
    case 'from':
    case 'since':
    case 'expiresAt':
      return formatDateTime(value);
    default:
      return value;
  }
}

/** A flag's facts (its rule's count and window, or the account change), each labelled in words. */
export function FlagFigures(props: { detail: unknown }) {
  const rows = () => {
    const d = (props.detail ?? {}) as Record<string, unknown>;
    return KEYS.flatMap((key) => {
      const words = wordsOf(key, d[key]);
      return words ? [{ key, words }] : [];
    });
  };
  return (
    <Show when={rows().length > 0}>
      <h2>{t('flag.figures')}</h2>
      <dl class="facts" data-testid="flag-figures">
        <For each={rows()}>
          {(row) => (
            <>
              <dt>{t(`flag.figure.${row.key}`)}</dt>
              <dd data-figure={row.key}>{row.words}</dd>
            </>
          )}
        </For>
      </dl>
    </Show>
  );
}

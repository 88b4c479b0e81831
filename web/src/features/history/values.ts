import { t, tKey } from '../../i18n';
import { isClientError } from '../../lib/trpc';
import { appCodeOf } from '../../lib/errors';
import { formatDate, formatList } from '../../lib/format';
import { pt } from '../../i18n/person';

/** The dictionary that words each enumerated field's values. */
const VOCABULARY: Record<string, string> = {
  cohort: 'cohorts',
  source: 'sources',
  urgency: 'urgencies',
  concernCategories: 'concernCategories',
  sex: 'sexes',
  status: 'interventionStatuses',
};

/** A field's name in words. */
export const fieldLabel = (field: string) => tKey('changes.fields', field);

/** A value as history keeps it (JSON: text, number, day, list, null), in words. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('changes.none');
  const words = (v: unknown) => (VOCABULARY[field] ? tKey(VOCABULARY[field]!, String(v)) : String(v));
  if (Array.isArray(value)) return formatList(value.map(words));
  if (field === 'birthDate') return formatDate(String(value));
  if (typeof value === 'boolean') return value ? pt('yes') : pt('no');
  // A safe contact (people/safe-contact.ts): its channel, then its safe times and who must not be told.
  if (field === 'safeContact' && typeof value === 'object') {
    const s = value as { channel: string; phoneShared?: boolean; safeTimes?: string; doNotTell?: string };
    return [pt(`channels.${s.channel}` as 'channels.phone_call') || s.channel, s.phoneShared ? pt('shared') : '', s.safeTimes, s.doNotTell]
      .filter(Boolean)
      .join(' · ');
  }
  return words(value);
}

/** Their text of a save refused as STALE_VERSION (the server's `info.theirs`), or null for any other error. */
export function theirsOf(err: unknown): Record<string, unknown> | null {
  if (appCodeOf(err) !== 'STALE_VERSION' || !isClientError(err)) return null;
  const raw = (err.data?.info as Record<string, unknown> | null | undefined)?.theirs;
  try {
    return typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

import { For, createUniqueId } from 'solid-js';
import { LOCALES, LOCALE_NAMES, locale, setLocale, t, isLocale, type Locale } from '../i18n';

/** The language menu; `onChange` runs after the switch (e.g. to save it on the account). */
export function LanguageSwitcher(props: { onChange?: (l: Locale) => void }) {
  const id = createUniqueId();
  return (
    <div class="language">
      <label for={id}>{t('language.label')}</label>
      <select
        id={id}
        data-testid="language"
        value={locale()}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (!isLocale(next)) return;
          setLocale(next);
          props.onChange?.(next);
        }}
      >
        <For each={LOCALES}>
          {(l) => (
            <option value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}

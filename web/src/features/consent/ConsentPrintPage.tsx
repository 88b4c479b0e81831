import { For, Show } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { t } from '../../i18n';
import { consentAr } from '../../i18n/consent/ar';
import { consentEn, type ConsentDictionary } from '../../i18n/consent/en';
import { consentFr } from '../../i18n/consent/fr';
import { getConsentForm, type ConsentFormData } from './api';
import './consent-print.css';

const WORDS: Record<'ar' | 'fr' | 'en', ConsentDictionary['consent']> = {
  ar: consentAr.consent,
  fr: consentFr.consent,
  en: consentEn.consent,
};
const fill = (text: string, args: Record<string, string>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => args[k] ?? '');
const dateIn = (lang: string, d: Date | string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(d));

/** The form in one language: the same facts, in its words and direction. */
function FormIn(props: { lang: 'ar' | 'fr' | 'en'; data: ConsentFormData }) {
  const w = () => WORDS[props.lang];
  const c = () => props.data.consent;
  const p = () => props.data.person;
  const name = () => (props.lang === 'ar' ? (p().nameArabic ?? p().nameLatin) : (p().nameLatin ?? p().nameArabic)) ?? '';
  return (
    <section lang={props.lang} dir={props.lang === 'ar' ? 'rtl' : 'ltr'} data-testid={`consent-form-${props.lang}`}>
      <h1>{w().form.title}</h1>
      <dl>
        <dt>{w().form.municipality}</dt>
        <dd>{props.data.municipality}</dd>
        <dt>{w().form.case}</dt>
        <dd dir="ltr">{props.data.caseReference}</dd>
        <dt>{w().form.personName}</dt>
        <dd>{name()}</dd>
        <Show when={p().birthYear}>
          <dt>{w().form.birthYear}</dt>
          <dd>{p().birthYear}</dd>
        </Show>
        <dt>{w().givenBy}</dt>
        <dd>
          {c().givenBy === 'guardian'
            ? [c().giverName ?? w().guardian, c().relationship ? `(${w().relationshipOf[c().relationship as 'other']})` : ''].join(' ')
            : w().person}
        </dd>
        <dt>{w().method}</dt>
        <dd>
          {w().methodOf[c().method as 'verbal']}
          {c().formReference ? ` · ${c().formReference}` : ''}
        </dd>
      </dl>
      <p>{w().form.purposesIntro}</p>
      <ul>
        <For each={c().purposes}>{(x) => <li>{w().purposeOf[x as 'assessment']}</li>}</For>
      </ul>
      <p>{w().form.recipientsIntro}</p>
      <ul>
        <Show when={!c().anyPartner} fallback={<li>{w().anyPartner}</li>}>
          <For each={props.data.agencies}>{(a) => <li>{a.name}</li>}</For>
        </Show>
      </ul>
      <Show when={c().scope}>{(s) => <p>{s()}</p>}</Show>
      <p>
        <strong>{fill(w().form.duration, { from: dateIn(props.lang, c().givenAt), until: dateIn(props.lang, c().expiresAt) })}</strong>
      </p>
      <p>{w().form.rightToWithdraw}</p>
      <dl>
        <dt>{w().form.signedBy}</dt>
        <dd class="signature-line" />
        <dt>{w().form.signature}</dt>
        <dd class="signature-line" />
        <dt>{w().form.date}</dt>
        <dd class="signature-line" />
        <dt>{w().form.worker}</dt>
        <dd class="signature-line" />
      </dl>
    </section>
  );
}

/**
 * The printable consent form, in Arabic and the municipality's French or English side by side: the
 * browser prints it or saves it as a PDF (print stylesheet, no server-side PDF). Each load is audited.
 */
export default function ConsentPrintPage() {
  const params = useParams<{ id: string; consentId: string }>();
  const data = createAsync(() => getConsentForm(params.id, params.consentId));
  return (
    <>
      <p class="no-print">
        <A href={`/cases/${params.id}`}>{t('case.back')}</A>{' '}
        <button type="button" class="button" onClick={() => window.print()} data-testid="consent-print-button">
          {t('consent.form.printButton')}
        </button>
      </p>
      <Show when={data()}>
        {(d) => (
          <div class="consent-print" data-testid="consent-print">
            <For each={d().languages}>{(lang) => <FormIn lang={lang} data={d()} />}</For>
          </div>
        )}
      </Show>
    </>
  );
}

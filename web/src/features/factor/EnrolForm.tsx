import { For, Show, createResource, createSignal } from 'solid-js';
import { revalidate } from '@solidjs/router';
import { t } from '../../i18n';
import { ft } from '../../i18n/factor';
import { trpc } from '../../lib/trpc';
import { useForm } from '../../lib/form';
import { errorMessage } from '../../lib/errors';
import { getMe } from '../../lib/session';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';

/** The key in groups of four, easier to copy by eye. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * The server draws the QR code (an SVG string); it is shown as an image from a data URL, never put
 * into the page as markup, so nothing in it can become an element or run.
 */
const qrSource = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function CopyButton(props: { text: string; label: string; testId?: string }) {
  const [copied, setCopied] = createSignal(false);
  const copy = () =>
    navigator.clipboard?.writeText(props.text).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <>
      <button type="button" class="button small" onClick={copy} data-testid={props.testId}>
        {props.label}
      </button>
      <span class="muted" role="status">
        {copied() ? ft('copied') : ''}
      </span>
    </>
  );
}

/**
 * Enrolment: a new key (QR code and text), a first code to confirm it, then the ten recovery codes,
 * shown this once. The account's state is read again only after "I have saved them": while enrolment
 * is forced, that is what lets the user leave this page.
 */
export function EnrolForm() {
  // One key per visit: starting again would replace the key the app may already have scanned.
  const [key] = createResource(() => trpc.auth.beginFactor.mutate());
  const [codes, setCodes] = createSignal<string[] | null>(null);
  const form = useForm({
    name: 'factorConfirm',
    fields: ['code'],
    // Nothing read again yet: the recovery codes must be seen before the forced page goes away.
    refresh: [],
    submit: (data) => trpc.auth.confirmFactor.mutate({ code: String(data.get('code') ?? '').trim() }),
    onDone: (answer) => setCodes(answer.recoveryCodes),
  });
  const ready = () => (key.state === 'ready' ? key() : undefined);

  return (
    <Show
      when={codes()}
      fallback={
        <>
          <Alert kind="error" message={key.state === 'errored' ? errorMessage(key.error) : null} />
          <Show when={ready()}>
            {(k) => (
              <div class="card factor-key">
                <p>{ft('scan')}</p>
                <img class="qr" src={qrSource(k().qrSvg)} alt={ft('qrAlt')} width="200" height="200" data-testid="factor-qr" />
                <p>{ft('manual')}</p>
                <p class="factor-secret">
                  <code dir="ltr" data-testid="factor-secret">
                    {grouped(k().secret)}
                  </code>{' '}
                  <CopyButton text={k().secret} label={ft('copy')} />
                </p>
                <p>
                  <a href={k().uri}>{ft('openApp')}</a>
                </p>
              </div>
            )}
          </Show>
          <Show when={ready()}>
            <p>{ft('confirmIntro')}</p>
            <Alert kind="error" message={form.errors().banner} testId="factor-error" />
            <form ref={form.ref} action={form.action} method="post" class="form card" data-testid="factor-confirm-form">
              <TextField
                label={ft('code')}
                name="code"
                autocomplete="one-time-code"
                inputmode="numeric"
                required
                maxLength={10}
                error={form.errors().fields.code}
              />
              <FormActions form={form} label={ft('confirm')} pendingLabel={t('common.saving')} />
            </form>
          </Show>
        </>
      }
    >
      {(list) => (
        <section class="card" aria-labelledby="recovery-title" data-testid="recovery-codes">
          <h2 id="recovery-title">{ft('codesTitle')}</h2>
          <p>{ft('codesIntro')}</p>
          <ol class="recovery-codes" dir="ltr">
            <For each={list()}>
              {(code) => (
                <li>
                  <code>{code}</code>
                </li>
              )}
            </For>
          </ol>
          <p>
            <CopyButton text={list().join('\n')} label={ft('copyAll')} />
          </p>
          <button type="button" class="button primary" onClick={() => revalidate(getMe.key)} data-testid="recovery-saved">
            {ft('saved')}
          </button>
        </section>
      )}
    </Show>
  );
}

import { t } from '../../i18n';

/** A one-time password, shown once, with how to hand it over. */
export function OneTimePassword(props: { email: string; password: string; onDone: () => void }) {
  return (
    <section
      class="card otp"
      role="status"
      aria-live="polite"
      aria-labelledby="otp-title"
      data-testid="one-time-password"
      tabindex="-1"
      ref={(el) => queueMicrotask(() => el.focus())}
    >
      <h2 id="otp-title">{t('users.otpTitle', { email: props.email })}</h2>
      <p class="otp-value">
        <code dir="ltr" data-testid="otp-value">
          {props.password}
        </code>
      </p>
      <p>{t('users.otpNote')}</p>
      <button type="button" class="button" onClick={() => props.onDone()}>
        {t('users.otpDone')}
      </button>
    </section>
  );
}

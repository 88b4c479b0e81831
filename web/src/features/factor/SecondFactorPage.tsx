import { Show } from 'solid-js';
import { ft } from '../../i18n/factor';
import { useMe } from '../../components/me';
import { EnrolForm } from './EnrolForm';

/**
 * The second factor: forced (the role requires one and the shell shows nothing else until it is set
 * up) or chosen from the account's pages. Once enrolled, the page says so.
 */
export default function SecondFactorPage(props: { forced?: boolean }) {
  const me = useMe();
  return (
    <section class="narrow" aria-labelledby="factor-title" data-testid="second-factor-page">
      <h1 id="factor-title">{ft('title')}</h1>
      <Show when={!me().secondFactor.enrolled} fallback={<p class="alert alert-success">{ft('enrolled')}</p>}>
        <p class="lead" data-testid={props.forced ? 'factor-forced' : undefined}>
          {props.forced ? ft('forced') : ft('voluntary')}
        </p>
        <EnrolForm />
      </Show>
    </section>
  );
}

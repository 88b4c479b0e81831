import { Show, createResource } from 'solid-js';
import { t, tKey } from '../../i18n';
import { ft } from '../../i18n/factor';
import { trpc } from '../../lib/trpc';
import { checked, useForm } from '../../lib/form';
import { Alert } from '../../components/Alert';
import { ChoiceGroup } from '../../components/Field';
import { SubmitButton } from '../../components/FormActions';
import type { Me } from '../../lib/session';
import { useMe } from '../../components/Shell';
import { ROLES_OF_KIND } from '../../../../src/shared/hub';

/** Admin › Settings: the roles whose accounts must sign in with a second factor (work.factorRoles). */
export function FactorRolesForm() {
  // The roles the municipality may hold (a hub's analysts, auditor and admin; a city's five).
  const me = useMe();
  const [current] = createResource(() => trpc.work.factorRoles.query());
  const form = useForm({
    name: 'factorRoles',
    fields: ['roles'],
    refresh: [],
    submit: (data) => trpc.work.setFactorRoles.mutate({ roles: checked(data, 'roles') as Me['role'][] }),
  });
  return (
    <section class="card" aria-labelledby="factor-roles-title" data-testid="factor-roles">
      <h2 id="factor-roles-title">{ft('roles.title')}</h2>
      <p>{ft('roles.intro')}</p>
      <Alert kind="error" message={form.errors().banner} />
      <Alert kind="success" message={form.confirmed() ? ft('roles.saved') : null} />
      <Show when={current.state === 'ready' && current()}>
        {(c) => (
          <form ref={form.ref} action={form.action} method="post" class="form">
            <ChoiceGroup
              label={ft('roles.title')}
              legendHidden
              name="roles"
              type="checkbox"
              options={ROLES_OF_KIND[me().municipality.kind]}
              labelOf={(role) => tKey('roles', role)}
              checked={(role) => c().roles.includes(role)}
            />
            <SubmitButton form={form} label={t('common.save')} />
          </form>
        )}
      </Show>
    </section>
  );
}

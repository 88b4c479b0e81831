import { Show } from 'solid-js';
import { createAsync } from '@solidjs/router';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { checked, field, optional, useForm } from '../../lib/form';
import { fromZonedInput, zoneLabel } from '../../lib/region';
import { Alert } from '../../components/Alert';
import { ChoiceGroup, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { getActiveAgencies, getDirectory } from '../cases/api';
import { MEETING_QUERIES, getAgendaCases, localInput, type Meeting } from './api';
import { CASE_WORKER_ROLES } from '../../../../src/shared/roles';

const FIELDS = ['title', 'scheduledAt', 'location', 'caseIds', 'agencyIds', 'userIds'] as const;

/**
 * Coordinator: schedules a meeting, or (given `meeting`, before it is held) changes its time, place,
 * agenda and invitees. Cases come from the case list; invitees from active agencies and colleagues.
 */
export function MeetingForm(props: { meeting?: Meeting; onDone: (id: string) => void; onCancel: () => void }) {
  const cases = createAsync(() => getAgendaCases());
  const agencies = createAsync(() => getActiveAgencies());
  const people = createAsync(() => getDirectory(CASE_WORKER_ROLES));
  const m = () => props.meeting;
  const onAgenda = new Set(m()?.agenda.map((i) => i.case.id) ?? []);
  const invitedAgencies = new Set(m()?.invitees.flatMap((i) => (i.agency ? [i.agency.id] : [])) ?? []);
  const invitedUsers = new Set(m()?.invitees.flatMap((i) => (i.user ? [i.user.id] : [])) ?? []);
  const caseLabel = new Map<string, string>();
  const caseIds = () => {
    const rows = cases()?.items ?? [];
    for (const r of rows)
      caseLabel.set(r.id, r.summaryVisible ? `${r.reference} · ${r.person.nameLatin ?? r.person.nameArabic ?? ''}` : r.reference);
    // A case already on the agenda stays choosable even if it is no longer among the newest.
    for (const i of m()?.agenda ?? []) if (!caseLabel.has(i.case.id)) caseLabel.set(i.case.id, i.case.reference);
    return [...caseLabel.keys()];
  };
  const name = (list: { id: string; name?: string; displayName?: string }[] | undefined) => (id: string) => {
    const found = list?.find((x) => x.id === id);
    return found?.name ?? found?.displayName ?? id;
  };

  const form = useForm({
    name: m() ? `edit-meeting-${m()!.id}` : 'schedule-meeting',
    fields: FIELDS,
    refresh: MEETING_QUERIES,
    submit: async (data, keyed) => {
      const values = {
        title: field(data, 'title'),
        scheduledAt: fromZonedInput(field(data, 'scheduledAt')),
        location: optional(data, 'location'),
        caseIds: checked(data, 'caseIds'),
        agencyIds: checked(data, 'agencyIds'),
        userIds: checked(data, 'userIds'),
      };
      return m()
        ? (await trpc.meetings.update.mutate({ id: m()!.id, ...values, location: values.location ?? '' })).id
        : (await trpc.meetings.schedule.mutate(values, keyed)).id;
    },
    onDone: (id) => props.onDone(id),
  });
  return (
    <form ref={form.ref} action={form.action} method="post" class="form card meeting-form" data-testid="meeting-form">
      <h2>{m() ? t('meeting.editTitle') : t('meeting.scheduleTitle')}</h2>
      <Alert kind="error" message={form.errors().banner} />
      <div class="form-grid">
        <TextField
          label={t('meeting.name')}
          name="title"
          required
          minLength={3}
          maxLength={200}
          value={m()?.title ?? ''}
          error={form.errors().fields.title}
        />
        <TextField
          label={t('meeting.when')}
          name="scheduledAt"
          type="datetime-local"
          required
          value={m() ? localInput(m()!.scheduledAt) : ''}
          // The time is on the municipality's clock, whatever the device's: the field says which.
          hint={zoneLabel()}
          error={form.errors().fields.scheduledAt}
        />
        <TextField
          label={t('meeting.location')}
          name="location"
          maxLength={200}
          value={m()?.location ?? ''}
          error={form.errors().fields.location}
        />
      </div>
      <Show when={cases()} fallback={<p class="loading">{t('app.loading')}</p>}>
        <Show when={caseIds().length > 0} fallback={<p class="muted">{t('meeting.noCases')}</p>}>
          <ChoiceGroup
            label={t('meeting.agendaPick')}
            hint={t('meeting.agendaHint')}
            name="caseIds"
            type="checkbox"
            options={caseIds()}
            labelOf={(id) => caseLabel.get(id) ?? id}
            checked={(id) => onAgenda.has(id)}
            error={form.errors().fields.caseIds}
            testId="agenda-pick"
          />
        </Show>
      </Show>
      <ChoiceGroup
        label={t('meeting.agenciesPick')}
        name="agencyIds"
        type="checkbox"
        options={agencies()?.map((a) => a.id) ?? []}
        labelOf={name(agencies())}
        checked={(id) => invitedAgencies.has(id)}
        error={form.errors().fields.agencyIds}
        testId="agencies-pick"
      />
      <ChoiceGroup
        label={t('meeting.usersPick')}
        name="userIds"
        type="checkbox"
        options={people()?.map((u) => u.id) ?? []}
        labelOf={name(people())}
        checked={(id) => invitedUsers.has(id)}
        error={form.errors().fields.userIds}
        testId="users-pick"
      />
      <FormActions form={form} label={m() ? t('common.save') : t('meeting.scheduleSubmit')} onCancel={() => props.onCancel()} />
    </form>
  );
}

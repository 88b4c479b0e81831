import { Show } from 'solid-js';
import { t } from '../../i18n';
import { trpc } from '../../lib/trpc';
import { CASE_QUERIES, getPerson, type Case } from '../cases/api';
import { HistoryToggle, type HistoryTable } from './ChangeTable';
import { CorrectPerson } from './CorrectPerson';

/**
 * The history of a case's summary, its plan and its person, as far as the reader sees them (the
 * server leaves the rest out); the coordinator corrects the person's names and birth here.
 */
export function CaseChanges(props: { case: Case; coordinator: boolean }) {
  const load = async () => {
    const history = await trpc.cases.history.query({ id: props.case.id });
    const person = props.case.summary?.person;
    const tables: HistoryTable[] = [];
    if (person) tables.push({ key: 'person', heading: t('screen.person'), rows: await trpc.people.history.query({ id: person.id }) });
    if (history.summary) tables.push({ key: 'summary', heading: t('changes.summary'), rows: history.summary });
    if (history.interventions) tables.push({ key: 'plan', heading: t('changes.plan'), rows: history.interventions });
    return tables;
  };
  return (
    <Show when={props.case.summary || props.case.plan}>
      <section class="card" aria-labelledby="case-changes-title" data-testid="case-changes">
        <h2 id="case-changes-title">{t('changes.history')}</h2>
        <Show when={props.coordinator ? props.case.summary?.person : null}>
          {(person) => <CorrectPerson person={person()} refresh={[...CASE_QUERIES, getPerson.key]} full />}
        </Show>
        <HistoryToggle testId="case-history" load={load} />
      </section>
    </Show>
  );
}

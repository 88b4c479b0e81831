import { Show } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { t } from '../../i18n';
import { useMe } from '../../components/Shell';
import { CaseHeader } from './CaseHeader';
import { CaseLayout } from './CaseLayout';
import { HouseholdSection } from './HouseholdSection';
import { ContactSection } from './ContactSection';
import { MergeSection } from './MergeSection';
import { SubjectAccessLink } from '../subject-access/SubjectAccessLink';
import { NotesSection } from './NotesSection';
import { PlanSection } from './PlanSection';
import { SummarySection } from './SummarySection';
import { TeamSection } from './TeamSection';
import { Timeline } from './Timeline';
import { CaseChanges } from '../history/CaseChanges';
import { WorkflowPanel } from './WorkflowPanel';
import { AssessmentsSection } from '../assessments/AssessmentsSection';
import { WhoHasSeen } from '../audit/WhoHasSeen';
import { getCase, type Case } from './api';
import { EmergencyHere } from './emergency';
import { ConsentSection } from '../consent/ConsentSection';
import { OnwardSection } from '../onward/OnwardSection';
import { PanelClosureBanner } from './PanelClosure';
import { AnonymisedBanner, HoldSection } from '../retention/HoldSection';

/** The sections of a case this user may see (the server says which), and what they may do with them. */
function CaseView(props: { case: Case }) {
  const me = useMe();
  const c = () => props.case;
  const coordinator = () => me().role === 'coordinator';
  const keyWorker = () => c().keyWorker?.id === me().id;
  return (
    <Show when={!c().anonymised} fallback={<AnonymisedCase case={c()} coordinator={coordinator()} />}>
      <CaseHeader case={c()} />
      <p class="print-links">
        <A href={`/cases/${c().id}/print`} data-testid="print-case">
          {t('print.case.link')}
        </A>
      </p>
      <PanelClosureBanner pending={c().panelClosure} />
      <EmergencyHere emergency={c().emergency} />
      <CaseLayout>
        <div class="case-main">
          <Show when={c().summary}>{(s) => <SummarySection case={c()} summary={s()} editable={coordinator() || keyWorker()} />}</Show>
          <Show when={c().summary?.person.id}>{(id) => <ContactSection personId={id()} />}</Show>
          <Show when={c().summary?.person.id}>{(id) => <HouseholdSection personId={id()} manage={coordinator()} />}</Show>
          <Show when={coordinator() && c().summary?.person.id}>{(id) => <MergeSection personId={id()} />}</Show>
          <Show when={coordinator() && c().summary?.person.id}>{(id) => <SubjectAccessLink personId={id()} />}</Show>
          <Show when={c().notes}>{(n) => <NotesSection caseId={c().id} notes={n()} restricted={coordinator() || keyWorker()} />}</Show>
          <Show when={c().sections?.includes('assessments')}>
            <AssessmentsSection caseId={c().id} canRate={me().trainedAssessor === true} />
          </Show>
          <Show when={c().plan}>{(plan) => <PlanSection caseId={c().id} plan={plan()} choices={c().planAdd} />}</Show>
          <Show when={c().team}>{(team) => <TeamSection caseId={c().id} team={team()} manage={coordinator()} />}</Show>
          <Show when={coordinator() || keyWorker()}>
            <ConsentSection caseId={c().id} />
            <OnwardSection caseId={c().id} />
          </Show>
          <Show when={coordinator()}>
            <HoldSection caseId={c().id} />
          </Show>
          <Timeline case={c()} />
          <CaseChanges case={c()} coordinator={coordinator()} />
          <Show when={coordinator()}>
            <WhoHasSeen type="Case" id={c().id} label={t('history.whoHasSeenCase')} />
            <Show when={c().summary?.person.id}>
              {(id) => <WhoHasSeen type="Person" id={id()} label={t('history.whoHasSeenPerson')} />}
            </Show>
          </Show>
        </div>
        <WorkflowPanel case={c()} coordinator={coordinator()} keyWorker={keyWorker()} />
      </CaseLayout>
    </Show>
  );
}

/**
 * An anonymised case (retention): its header, when and under which rule it went, and its access history
 * for the coordinator; nothing of the person or of its free text is left to show or to change.
 */
function AnonymisedCase(props: { case: Case; coordinator: boolean }) {
  return (
    <>
      <CaseHeader case={props.case} />
      <AnonymisedBanner at={props.case.anonymised!.at} rule={props.case.anonymised!.rule} />
      <Show when={props.coordinator}>
        <HoldSection caseId={props.case.id} />
        <WhoHasSeen type="Case" id={props.case.id} label={t('history.whoHasSeenCase')} />
      </Show>
    </>
  );
}

/** One case. Each visit is audited (case.read) with the sections it showed. */
export default function CasePage() {
  const params = useParams<{ id: string }>();
  const caseData = createAsync(() => getCase(params.id));
  return (
    <section aria-labelledby="case-title" class="case-page">
      <p>
        <A href="/cases">{t('case.back')}</A>
      </p>
      <Show when={caseData()}>{(c) => <CaseView case={c()} />}</Show>
    </section>
  );
}

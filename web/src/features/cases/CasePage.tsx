import { Show, lazy } from 'solid-js';
import { A, createAsync, useParams } from '@solidjs/router';
import { t } from '../../i18n';
import { useMe } from '../../components/Shell';
import { Deferred, NextTask } from '../../components/Deferred';
import { CaseHeader } from './CaseHeader';
import { CaseLayout } from './CaseLayout';
import { SummarySection } from './SummarySection';
import { getCase, isOpen, type Case } from './api';
import { getListItems } from '../lists/api';
import { EmergencyHere } from './emergency';
import { PanelClosureBanner } from './PanelClosure';
import { AnonymisedBanner } from '../retention/AnonymisedBanner';

// The first screen is the header and the summary; every other section is a chunk of its own, loaded
// with its data once the first screen is painted (components/Deferred.tsx).
const ContactSection = lazy(() => import('./ContactSection').then((m) => ({ default: m.ContactSection })));
const HouseholdSection = lazy(() => import('./HouseholdSection').then((m) => ({ default: m.HouseholdSection })));
const MergeSection = lazy(() => import('./MergeSection').then((m) => ({ default: m.MergeSection })));
const SubjectAccessLink = lazy(() => import('../subject-access/SubjectAccessLink').then((m) => ({ default: m.SubjectAccessLink })));
const NotesSection = lazy(() => import('./NotesSection').then((m) => ({ default: m.NotesSection })));
const AssessmentsSection = lazy(() => import('../assessments/AssessmentsSection').then((m) => ({ default: m.AssessmentsSection })));
const PlanSection = lazy(() => import('./PlanSection').then((m) => ({ default: m.PlanSection })));
const TeamSection = lazy(() => import('./TeamSection').then((m) => ({ default: m.TeamSection })));
const ConsentSection = lazy(() => import('../consent/ConsentSection').then((m) => ({ default: m.ConsentSection })));
const OnwardSection = lazy(() => import('../onward/OnwardSection').then((m) => ({ default: m.OnwardSection })));
const TransferSection = lazy(() => import('../transfers/TransferSection').then((m) => ({ default: m.TransferSection })));
const ReceivedSection = lazy(() => import('../transfers/Received').then((m) => ({ default: m.ReceivedSection })));
const HoldSection = lazy(() => import('../retention/HoldSection').then((m) => ({ default: m.HoldSection })));
const Timeline = lazy(() => import('./Timeline').then((m) => ({ default: m.Timeline })));
const CaseChanges = lazy(() => import('../history/CaseChanges').then((m) => ({ default: m.CaseChanges })));
const WhoHasSeen = lazy(() => import('../audit/WhoHasSeen').then((m) => ({ default: m.WhoHasSeen })));
const WorkflowPanel = lazy(() => import('./WorkflowPanel').then((m) => ({ default: m.WorkflowPanel })));

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
          <Show when={c().summary?.person.id}>
            {(id) => (
              <Deferred>
                <ContactSection personId={id()} />
              </Deferred>
            )}
          </Show>
          <Show when={c().summary?.person.id}>
            {(id) => (
              <Deferred>
                <HouseholdSection personId={id()} manage={coordinator()} />
              </Deferred>
            )}
          </Show>
          <Show when={coordinator() && c().summary?.person.id}>
            {(id) => (
              <Deferred>
                <MergeSection personId={id()} />
                <SubjectAccessLink personId={id()} />
              </Deferred>
            )}
          </Show>
          <Show when={c().notes}>
            {(n) => (
              <Deferred>
                <NotesSection caseId={c().id} notes={n()} restricted={coordinator() || keyWorker()} />
              </Deferred>
            )}
          </Show>
          <Show when={c().sections?.includes('assessments')}>
            <Deferred>
              <AssessmentsSection caseId={c().id} canRate={me().trainedAssessor === true} />
            </Deferred>
          </Show>
          <Show when={c().plan}>
            {(plan) => (
              <Deferred>
                <PlanSection caseId={c().id} plan={plan()} choices={c().planAdd} />
              </Deferred>
            )}
          </Show>
          <Show when={c().team}>
            {(team) => (
              <Deferred>
                <TeamSection caseId={c().id} team={team()} manage={coordinator()} />
              </Deferred>
            )}
          </Show>
          <Show when={coordinator() || keyWorker()}>
            <Deferred>
              <ConsentSection caseId={c().id} />
            </Deferred>
            <Deferred>
              <OnwardSection caseId={c().id} />
            </Deferred>
          </Show>
          <Deferred>
            <ReceivedSection caseId={c().id} />
          </Deferred>
          <Show when={coordinator()}>
            <Deferred>
              <TransferSection caseId={c().id} open={isOpen(c().stage)} />
            </Deferred>
            <Deferred>
              <HoldSection caseId={c().id} />
            </Deferred>
          </Show>
          <Deferred>
            <Timeline case={c()} />
          </Deferred>
          <Deferred>
            <CaseChanges case={c()} coordinator={coordinator()} />
          </Deferred>
          <Show when={coordinator()}>
            <Deferred>
              <WhoHasSeen type="Case" id={c().id} label={t('history.whoHasSeenCase')} />
              <Show when={c().summary?.person.id}>
                {(id) => <WhoHasSeen type="Person" id={id()} label={t('history.whoHasSeenPerson')} />}
              </Show>
            </Deferred>
          </Show>
        </div>
        <Deferred class="case-side">
          <WorkflowPanel case={c()} coordinator={coordinator()} keyWorker={keyWorker()} />
        </Deferred>
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
        <Deferred>
          <HoldSection caseId={props.case.id} />
          <WhoHasSeen type="Case" id={props.case.id} label={t('history.whoHasSeenCase')} />
        </Deferred>
      </Show>
    </>
  );
}

/** One case. Each visit is audited (case.read) with the sections it showed. */
export default function CasePage() {
  const params = useParams<{ id: string }>();
  const caseData = createAsync(() => getCase(params.id));
  // The header's cohort words (the municipality's lists) are asked for with the case, not after it.
  void getListItems();
  return (
    <section aria-labelledby="case-title" class="case-page">
      <p>
        <A href="/cases">{t('case.back')}</A>
      </p>
      {/* The case is rendered in a task of its own, after the frame around it (header, menu): one render was one long task. */}
      <NextTask>
        <Show when={caseData()}>{(c) => <CaseView case={c()} />}</Show>
      </NextTask>
    </section>
  );
}

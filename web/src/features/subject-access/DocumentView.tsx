import { For, Show } from 'solid-js';
import { PersonName } from '../../components/PersonName';
import type { SubjectAccessDocument } from './api';
import { DocumentCases } from './DocumentCases';
import { DocumentOnward } from './DocumentOnward';
import { HistoryTable } from './HistoryTable';
import { type ReviewControl, Reviewed, textOf } from './Reviewed';
import { staffText } from './staff';
import type { Words } from './words';

type Doc = SubjectAccessDocument;
function Details(props: { w: Words; person: Doc['person']; control?: ReviewControl; merged?: boolean }) {
  const w = () => props.w;
  return (
    <section data-testid={props.merged ? 'sa-merged' : 'sa-details'}>
      <h2>{props.merged ? w().doc.mergedRecord : w().doc.details}</h2>
      <Show when={props.person.details} fallback={<p data-testid="sa-anonymised">{w().doc.anonymised}</p>}>
        {(d) => (
          <dl>
            <dt>{w().doc.name}</dt>
            <dd>
              <PersonName person={d()} />
            </dd>
            <Show when={d().fatherName}>
              <dt>{w().of('changes.fields', 'fatherName')}</dt>
              <dd dir="auto">{d().fatherName}</dd>
            </Show>
            <dt>{w().of('changes.fields', 'birthYear')}</dt>
            <dd>{d().birthDate ? w().date(d().birthDate) : (d().birthYear ?? w().doc.empty)}</dd>
            <dt>{w().of('changes.fields', 'sex')}</dt>
            <dd>{w().of('sexes', d().sex)}</dd>
            <dt>{w().of('changes.fields', 'cohort')}</dt>
            <dd>{w().of('cohorts', d().cohort)}</dd>
            <For each={(['nationality', 'contact', 'locality', 'governorate'] as const).filter((f) => d()[f])}>
              {(f) => (
                <>
                  <dt>{w().of('changes.fields', f)}</dt>
                  <dd dir="auto">{d()[f]}</dd>
                </>
              )}
            </For>
            <Show when={d().languages.length}>
              <dt>{w().of('changes.fields', 'languages')}</dt>
              <dd>{d().languages.join(', ')}</dd>
            </Show>
            <Show when={d().safeContact}>
              {(sc) => (
                <>
                  <dt>{w().doc.safeContact}</dt>
                  <dd dir="auto">{[w().channel(sc().channel), sc().safeTimes, sc().doNotTell].filter(Boolean).join(' · ')}</dd>
                </>
              )}
            </Show>
          </dl>
        )}
      </Show>
      <Show when={props.person.guardian}>
        {(g) => (
          <>
            <h3>{w().doc.guardian}</h3>
            <Reviewed item={g()} w={w()} control={props.control}>
              {(c) => <p dir="auto">{[c.name, c.contact].filter(Boolean).join(' · ')}</p>}
            </Reviewed>
          </>
        )}
      </Show>
      <h3>{w().doc.history}</h3>
      <HistoryTable w={w()} entries={props.person.history} />
    </section>
  );
}

function Referrals(props: { w: Words; referrals: Doc['referrals']; control?: ReviewControl }) {
  const w = () => props.w;
  return (
    <section data-testid="sa-referrals">
      <h2>{w().doc.referrals}</h2>
      <For each={props.referrals} fallback={<p class="muted">{w().doc.noReferrals}</p>}>
        {(r) => (
          <article class="sa-record">
            <h3>{w().fill(w().doc.referral, { reference: r.reference })}</h3>
            <Show when={r.anonymisedAt}>
              <p data-testid="sa-anonymised-record">{w().doc.anonymised}</p>
            </Show>
            <dl>
              <dt>{w().doc.submittedAt}</dt>
              <dd>{w().date(r.submittedAt)}</dd>
              <dt>{w().doc.source}</dt>
              <dd>{w().of('sources', r.source)}</dd>
              <dt>{w().doc.urgency}</dt>
              <dd>{w().of('urgencies', r.urgency)}</dd>
              <dt>{w().doc.concerns}</dt>
              <dd>{r.concernCategories.map((c) => w().of('concernCategories', c)).join(', ')}</dd>
              <dt>{w().doc.status}</dt>
              <dd>{w().of('referralStatuses', r.status)}</dd>
              <Show when={r.decisionReason}>
                <dt>{w().doc.decisionReason}</dt>
                <dd dir="auto">{textOf(w(), r.decisionReason)}</dd>
              </Show>
              <Show
                when={r.consent.given}
                fallback={
                  <>
                    <dt>{w().doc.legalBasis}</dt>
                    <dd>{w().of('legalBases', r.consent.legalBasis)}</dd>
                  </>
                }
              >
                <dt>{w().doc.givenBy}</dt>
                <dd>{w().of('consentBy', r.consent.by)}</dd>
              </Show>
            </dl>
            <h4>{w().doc.concernText}</h4>
            <p class="print-text" dir="auto">
              {textOf(w(), r.concernText)}
            </p>
            <Show when={r.referrer}>
              {(referrer) => (
                <>
                  <h4>{w().doc.referrer}</h4>
                  <Reviewed item={referrer()} w={w()} control={props.control}>
                    {(c) => <p>{[staffText(w(), c.staff), c.agency].filter(Boolean).join(' · ')}</p>}
                  </Reviewed>
                </>
              )}
            </Show>
            <Show when={r.history?.length}>
              <HistoryTable w={w()} entries={r.history} />
            </Show>
            <DocumentOnward w={w()} onward={r.onward} />
          </article>
        )}
      </For>
    </section>
  );
}

function Access(props: { w: Words; access: Doc['access'] }) {
  const w = () => props.w;
  return (
    <section data-testid="sa-access">
      <h2>{w().doc.access}</h2>
      <p>{w().doc.accessIntro}</p>
      <table class="sa-table">
        <thead>
          <tr>
            <th>{w().doc.when}</th>
            <th>{w().doc.role}</th>
            <th>{w().doc.agency}</th>
            <th>{w().doc.action}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.access.entries}>
            {(e) => (
              <tr data-testid="sa-access-entry">
                <td>{w().dateTime(e.at)}</td>
                <td>{w().of('roles', e.role)}</td>
                <td>{e.agency ?? ''}</td>
                <td>
                  {w().of('auditActions', e.action)}
                  {e.outcome === 'denied' ? ` (${w().doc.denied})` : ''}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <Show when={props.access.more}>
        <p class="muted">{w().fill(w().doc.more, { count: String(props.access.entries.length) })}</p>
      </Show>
    </section>
  );
}

/** The whole document in the person's language (`w`), with the review's controls when given. */
export function DocumentView(props: { w: Words; document: Doc; control?: ReviewControl }) {
  const w = () => props.w;
  return (
    <div class="sa-document" lang={w().lang} dir={w().dir} data-testid="sa-document">
      <Show when={!props.document.staffNamed}>
        <p class="muted small">{w().doc.staffByRole}</p>
      </Show>
      <Details w={w()} person={props.document.person} control={props.control} />
      <For each={props.document.merged}>{(m) => <Details w={w()} person={m} control={props.control} merged />}</For>
      <Referrals w={w()} referrals={props.document.referrals} control={props.control} />
      <DocumentCases w={w()} cases={props.document.cases} control={props.control} />
      <Show when={props.document.household.length}>
        <section data-testid="sa-household">
          <h2>{w().doc.household}</h2>
          <For each={props.document.household}>
            {(m) => (
              <Reviewed item={m} w={w()} control={props.control}>
                {(c) => (
                  <p>
                    <PersonName person={c} /> · {w().of('relationships', c.relationship)}
                  </p>
                )}
              </Reviewed>
            )}
          </For>
        </section>
      </Show>
      <Access w={w()} access={props.document.access} />
      <p class="sa-rights">{w().doc.rights}</p>
    </div>
  );
}

import { For, Show } from 'solid-js';
import type { SubjectAccessDocument } from './api';
import { DocumentOnward } from './DocumentOnward';
import { DocumentTransfers } from './DocumentTransfers';
import { DocumentTimeline } from './DocumentTimeline';
import { HistoryTable } from './HistoryTable';
import { type ReviewControl, Reviewed, textOf } from './Reviewed';
import { staffText } from './staff';
import type { Words } from './words';

type Case = SubjectAccessDocument['cases'][number];

function Notes(props: { w: Words; c: Case; control?: ReviewControl }) {
  const w = () => props.w;
  return (
    <>
      <h4>{w().doc.notes}</h4>
      <For each={props.c.notes} fallback={<p class="muted">{w().doc.noNotes}</p>}>
        {(n) => (
          <Show
            when={n.review}
            fallback={
              <div class="sa-item" data-testid="sa-note">
                <p class="muted small">
                  {w().date(n.content?.at)} · {staffText(w(), n.content?.author)}
                </p>
                <p class="print-text" dir="auto">
                  {textOf(w(), n.content?.text)}
                </p>
              </div>
            }
          >
            <Reviewed item={{ ...n, review: n.review!, kind: n.kind! }} w={w()} control={props.control}>
              {(c) => (
                <div data-testid="sa-note">
                  <p class="muted small">
                    {w().doc.restrictedNote} · {w().date(c.at)} · {staffText(w(), c.author)}
                  </p>
                  <p class="print-text" dir="auto">
                    {textOf(w(), c.text)}
                  </p>
                </div>
              )}
            </Reviewed>
          </Show>
        )}
      </For>
    </>
  );
}

function Plan(props: { w: Words; c: Case }) {
  const w = () => props.w;
  return (
    <Show when={props.c.plan.interventions.length || props.c.plan.tasks.length}>
      <h4>{w().doc.plan}</h4>
      <ul>
        <For each={props.c.plan.interventions}>
          {(i) => (
            <li dir="auto">
              {w().of('interventionTypes', i.type)}: {textOf(w(), i.title)} · {i.agency}
              {i.assignee ? ` (${staffText(w(), i.assignee)})` : ''} · {w().of('interventionStatuses', i.status)}
              {i.outcome ? ` · ${textOf(w(), i.outcome)}` : ''}
              <Show when={i.history?.length}>
                <HistoryTable w={w()} entries={i.history} />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.c.plan.tasks.length}>
        <h4>{w().doc.tasks}</h4>
        <ul>
          <For each={props.c.plan.tasks}>
            {(task) => (
              <li dir="auto">
                {textOf(w(), task.title)}
                {task.dueDate ? ` · ${w().date(task.dueDate)}` : ''}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Show>
  );
}

function Disclosures(props: { w: Words; c: Case }) {
  const w = () => props.w;
  return (
    <>
      <h4>{w().doc.disclosures}</h4>
      <Show when={props.c.disclosures.length} fallback={<p class="muted">{w().doc.noDisclosures}</p>}>
        <table class="sa-table" data-testid="sa-disclosures">
          <thead>
            <tr>
              <th>{w().doc.to_}</th>
              <th>{w().doc.sections}</th>
              <th>{w().doc.purpose}</th>
              <th>{w().doc.legalBasis}</th>
              <th>{w().doc.when}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.c.disclosures}>
              {(d) => (
                <tr>
                  <td dir="auto">{d.to ?? staffText(w(), d.toStaff)}</td>
                  <td>{d.sections.map((s) => w().of('sections', s)).join(', ')}</td>
                  <td dir="auto">{[d.listedPurpose, textOf(w(), d.purpose)].filter(Boolean).join(' · ')}</td>
                  <td>{w().of('legalBases', d.legalBasis)}</td>
                  <td>
                    {w().fill(w().doc.period, { from: w().date(d.from), until: w().date(d.until) })}
                    {d.revokedAt ? ` · ${w().fill(w().doc.revoked, { at: w().date(d.revokedAt) })}` : ''}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </>
  );
}

function Consents(props: { w: Words; c: Case; control?: ReviewControl }) {
  const w = () => props.w;
  return (
    <>
      <h4>{w().doc.consents}</h4>
      <For each={props.c.consents} fallback={<p class="muted">{w().doc.noConsents}</p>}>
        {(k) => (
          <div class="sa-item">
            <p>
              {w().doc.givenBy}: {w().of('consentBy', k.givenBy)} · {w().doc.givenAt} {w().date(k.givenAt)} · {w().doc.expiresAt}{' '}
              {w().date(k.expiresAt)} · {w().of('consent.status', k.status)}
              {k.withdrawnAt ? ` · ${w().fill(w().doc.withdrawnAt, { at: w().date(k.withdrawnAt) })}` : ''}
            </p>
            <p>
              {w().doc.purposes}: {k.purposes.map((p) => w().of('consent.purposeOf', p)).join(', ')} · {w().doc.recipients}:{' '}
              {k.recipients ? k.recipients.join(', ') : w().doc.anyPartner}
            </p>
            <Show when={k.giver}>
              {(g) => (
                <Reviewed item={g()} w={w()} control={props.control}>
                  {(c) => (
                    <p dir="auto">
                      {textOf(w(), c.name)}
                      {c.relationship ? ` (${w().of('consent.relationshipOf', c.relationship)})` : ''}
                    </p>
                  )}
                </Reviewed>
              )}
            </Show>
          </div>
        )}
      </For>
    </>
  );
}

/** The person's cases: header, summary, notes, assessments, plan, panel, timeline, disclosures, consents. */
export function DocumentCases(props: { w: Words; cases: Case[]; control?: ReviewControl }) {
  const w = () => props.w;
  return (
    <section data-testid="sa-cases">
      <h2>{w().doc.cases}</h2>
      <For each={props.cases} fallback={<p class="muted">{w().doc.noCases}</p>}>
        {(c) => (
          <article class="sa-record" data-testid="sa-case">
            <h3 dir="ltr">{w().fill(w().doc.case, { reference: c.reference })}</h3>
            <Show when={c.anonymisedAt}>
              <p data-testid="sa-anonymised-record">{w().doc.anonymised}</p>
            </Show>
            <dl>
              <dt>{w().doc.stage}</dt>
              <dd>{w().of('stages', c.stage)}</dd>
              <dt>{w().doc.opened}</dt>
              <dd>{w().date(c.openedAt)}</dd>
              <Show when={c.closedAt}>
                <dt>{w().doc.closed}</dt>
                <dd>
                  {w().date(c.closedAt)}
                  {c.closureReason ? ` · ${w().of('work.closureReasons', c.closureReason)}` : ''}
                </dd>
              </Show>
              <dt>{w().doc.keyWorker}</dt>
              <dd>{staffText(w(), c.keyWorker)}</dd>
              <Show when={c.leadAgency}>
                <dt>{w().doc.leadAgency}</dt>
                <dd>{c.leadAgency}</dd>
              </Show>
            </dl>
            <Show when={c.summary}>
              <h4>{w().doc.summary}</h4>
              <p class="print-text" dir="auto" data-testid="sa-summary">
                {textOf(w(), c.summary)}
              </p>
            </Show>
            <Show when={c.summaryHistory?.length}>
              <h4>{w().doc.summaryHistory}</h4>
              <HistoryTable w={w()} entries={c.summaryHistory} />
            </Show>
            <Notes w={w()} c={c} control={props.control} />
            <Show when={c.assessments.length}>
              <h4>{w().doc.assessments}</h4>
              <For each={c.assessments}>
                {(a) => (
                  <div class="sa-item">
                    <p class="muted small">
                      {w().date(a.at)} · {staffText(w(), a.assessor)}
                    </p>
                    <ul>
                      <For each={a.ratings}>
                        {(r) => (
                          <li>
                            {r.factor}: {w().of('factorRatings', r.rating)}
                            {r.comment ? ` · ${textOf(w(), r.comment)}` : ''}
                          </li>
                        )}
                      </For>
                    </ul>
                    <p class="print-text" dir="auto">
                      {w().doc.judgement}: {textOf(w(), a.judgement)}
                    </p>
                  </div>
                )}
              </For>
            </Show>
            <Plan w={w()} c={c} />
            <Show when={c.panel.length}>
              <h4>{w().doc.panel}</h4>
              <For each={c.panel}>
                {(p) => (
                  <div class="sa-item">
                    <p>
                      {w().date(p.meetingAt)} · {p.decision ? w().of('decisions', p.decision) : w().of('meetingStatuses', p.meetingStatus)}
                    </p>
                    <For each={p.minutes}>
                      {(m) => (
                        <Reviewed item={m} w={w()} control={props.control}>
                          {(c) => (
                            <p class="print-text" dir="auto">
                              {w().doc.minutes}: {textOf(w(), c.text)}
                            </p>
                          )}
                        </Reviewed>
                      )}
                    </For>
                    <Show when={p.dissent}>
                      {(d) => (
                        <Reviewed item={d()} w={w()} control={props.control}>
                          {(c) => (
                            <p class="print-text" dir="auto">
                              {w().doc.dissent}: {textOf(w(), c.text)}
                            </p>
                          )}
                        </Reviewed>
                      )}
                    </Show>
                  </div>
                )}
              </For>
            </Show>
            <DocumentTimeline w={w()} entries={c.timeline} control={props.control} />
            <Disclosures w={w()} c={c} />
            <DocumentOnward w={w()} onward={c.onward} empty />
            <DocumentTransfers w={w()} transfers={c.transfers} />
            <Consents w={w()} c={c} control={props.control} />
          </article>
        )}
      </For>
    </section>
  );
}

/**
 * The authorisation matrix: who may call which procedure on which record, written by hand from the
 * access table of DESIGN.md ("Who may do what"), NOT derived from the CASL rules. matrix.test.ts walks
 * every row over real HTTP; a procedure of the app router without rows here fails the build.
 *
 * Reading the grid. Each procedure has a target kind and one line per role. For a procedure without a
 * target (lists, creations, one's own account) the line is a single outcome. For a targeted one it is
 * nine outcomes, one per scope, in the order of SCOPES:
 *
 *   own        the actor's own record: key worker of the case (whatever the role: an auditor or a
 *              practitioner recorded as key worker must still see nothing), referrer of the referral,
 *              the actor's own account or session
 *   sameAg     a colleague's record: same role, same municipality and (for practitioners) same agency;
 *              a case whose key worker is that colleague and which is disclosed to the colleague by name
 *   otherAg    another agency's record, nothing disclosed to the actor: a case led by another agency,
 *              another social worker its key worker, disclosed to that other agency
 *   disclosed  like otherAg, plus a live disclosure of every section to the actor's agency (or to the
 *              actor by name when the role has no agency)
 *   summary    like disclosed, but the disclosure holds the summary section only
 *   expired    like disclosed, but the disclosure has expired
 *   revoked    like disclosed, but the disclosure was revoked
 *   otherMun   a record of another municipality (a case there even names the actor as key worker and
 *              is disclosed to them: tenancy must win over any such row)
 *   none       an id that exists nowhere
 *
 * Other targets follow the same idea: an intervention or task on the case of that scope (the actor's
 * own but in sameAg and otherAg), a disclosure added to that case, a meeting by who is invited (see
 * the meetings lines), a reminder, session or account of the actor / a colleague / someone in B, an
 * agency or assessment factor of the municipality / of B.
 *
 * Outcomes: ok (allowed), NF (NOT_FOUND), FB (FORBIDDEN), UA (UNAUTHORIZED); `.` = no such scope for
 * this target. Conventions, where DESIGN.md names no code:
 * - A role with no cell for the action ("–") gets FB whatever the target, so the answer says nothing
 *   about the record.
 * - A user who may not see the record gets NF, exactly as for an id that exists nowhere (DESIGN: "never
 *   a hint that it exists"); matrix.test.ts checks that every refusal of a row equals its `none` cell.
 * - A user who sees the record but may not do this action to it: DESIGN is silent on the code, and
 *   neither leaks anything. The app answers NF when the action looks the record up under its own rule
 *   (stage, summary, consent) and FB where it first shows the plan and then refuses to add to it; the
 *   lines concerned say so.
 * Anonymous callers get UA on every procedure but auth.login (not audited: there is no actor, and an
 * audit row per anonymous request would let anyone flood the log).
 */

export const ROLES = ['social_worker', 'coordinator', 'agency_practitioner', 'auditor', 'admin', 'hub_analyst'] as const;
export type Role = (typeof ROLES)[number];
export const SCOPES = [
  'own',
  'sameAgency',
  'otherAgency',
  'disclosed',
  'summaryOnly',
  'expired',
  'revoked',
  'otherMunicipality',
  'nonexistent',
] as const;
export type Scope = (typeof SCOPES)[number] | 'any';
export type Outcome = 'allowed' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHORIZED';
export type Target =
  | 'none'
  | 'case'
  | 'person'
  | 'intervention'
  | 'disclosure'
  | 'referral'
  | 'user'
  | 'agency'
  | 'purpose'
  | 'listItem'
  | 'session'
  | 'factor'
  | 'meeting'
  | 'agendaItem'
  | 'reminder'
  | 'task'
  | 'draft';

type Line = string;
interface Spec {
  target: Target;
  SW: Line;
  C: Line;
  AP: Line;
  AU: Line;
  AD: Line;
  /**
   * The hub analyst (a user of the regional hub H, of which A is a member sharing its figures and B a
   * member that does not): refused (FB on every scope the target has) unless the row says otherwise, since
   * DESIGN gives the role one cell, the hub's figures, besides their own account. The records of each
   * scope are A's, as for every other role ("own": a case of A naming the analyst as key worker, rows no
   * real workflow makes), so the grid proves a hub analyst reaches nothing of a sharing member city.
   */
  HA?: Line;
  /** Anonymous: UA unless said otherwise. */
  anon?: Line;
}

const FB9 = 'FB FB FB FB FB FB FB FB FB';
const FB_USER = 'FB FB . . . . . FB FB';
const FB_REF = 'FB FB FB . . . . FB FB';
const FB_AGENCY = 'FB . . . . . . FB FB';
const C_ALL = 'ok ok ok ok ok ok ok NF NF'; // every case of the municipality, none elsewhere
const FB_MEETING = 'FB FB FB FB . . . FB FB';
const byCoordinator = { SW: FB_MEETING, C: 'ok ok ok ok . . . NF NF', AP: FB_MEETING, AU: FB_MEETING, AD: FB_MEETING };
const nobody = { SW: 'FB', C: 'FB', AP: 'FB', AU: 'FB', AD: 'FB', HA: 'FB' };
const everyone = { SW: 'ok', C: 'ok', AP: 'ok', AU: 'ok', AD: 'ok', HA: 'ok' };
const referrers = { SW: 'ok', C: 'ok', AP: 'ok', AU: 'FB', AD: 'FB' }; // "log a referral"

//                                      own sameAg otherAg disclosed summary expired revoked otherMun none
export const GRID: Record<string, Spec> = {
  // "own sessions, own password, own language": everyone, for themselves.
  'auth.login': { target: 'none', ...everyone, anon: 'ok' },
  'auth.me': { target: 'none', ...everyone },
  'auth.logout': { target: 'none', ...everyone },
  'auth.sessions': { target: 'none', ...everyone },
  'auth.endSession': {
    target: 'session',
    SW: 'ok NF . . . . . NF NF',
    C: 'ok NF . . . . . NF NF',
    AP: 'ok NF . . . . . NF NF',
    AU: 'ok NF . . . . . NF NF',
    AD: 'ok NF . . . . . NF NF',
    HA: 'ok NF . . . . . NF NF',
  },
  'auth.changePassword': { target: 'none', ...everyone },
  'auth.setLocale': { target: 'none', ...everyone },
  'auth.dismissNotice': { target: 'none', ...everyone },
  // A second factor: one's own enrolment, the sign-in's code step, step-up.
  'auth.beginFactor': { target: 'none', ...everyone },
  'auth.confirmFactor': { target: 'none', ...everyone },
  'auth.verifyFactor': { target: 'none', ...everyone },
  'auth.stepUp': { target: 'none', ...everyone },
  // "Stay signed in" (and typing): one's own session.
  'auth.keepAlive': { target: 'none', ...everyone },

  // "users, agencies, settings, retention policy": admin. DESIGN is silent on coordinators reading
  // agencies and looking up colleagues; they must, to assign key workers and build case teams.
  'agencies.list': { target: 'none', ...nobody, C: 'ok', AD: 'ok' },
  'agencies.create': { target: 'none', ...nobody, AD: 'ok' },
  'agencies.update': { target: 'agency', SW: FB_AGENCY, C: FB_AGENCY, AP: FB_AGENCY, AU: FB_AGENCY, AD: 'ok . . . . . . NF NF' },
  // The list of disclosure purposes is a setting ("lists"): the admin keeps it; coordinators read it to disclose.
  'purposes.list': { target: 'none', ...nobody, C: 'ok', AD: 'ok' },
  'purposes.create': { target: 'none', ...nobody, AD: 'ok' },
  'purposes.update': { target: 'purpose', SW: FB_AGENCY, C: FB_AGENCY, AP: FB_AGENCY, AU: FB_AGENCY, AD: 'ok . . . . . . NF NF' },
  // The municipality's lists mapped to core codes (issue 16) are settings ("lists"): the admin keeps them; the
  // roles that fill in referrals, plans and closures read them to choose and to show a record's label.
  'lists.items': { target: 'none', ...nobody, SW: 'ok', C: 'ok', AP: 'ok', AD: 'ok' },
  'lists.create': { target: 'none', ...nobody, AD: 'ok' },
  'lists.update': { target: 'listItem', SW: FB_AGENCY, C: FB_AGENCY, AP: FB_AGENCY, AU: FB_AGENCY, AD: 'ok . . . . . . NF NF' },
  // The record of processing: no case content, counts only. DESIGN is silent; the admin keeps the settings it
  // is made from, the coordinator runs the disclosures it counts (processing-record/policy.ts).
  'processingRecord.get': { target: 'none', ...nobody, C: 'ok', AD: 'ok' },
  'users.list': { target: 'none', ...nobody, AD: 'ok' },
  'users.create': { target: 'none', ...nobody, AD: 'ok' },
  // `own` is the admin's own account: renaming oneself is fine; disabling, re-enabling or resetting
  // oneself is a business rule (CANNOT_DISABLE_SELF), not an access question, so no cell.
  'users.update': { target: 'user', SW: FB_USER, C: FB_USER, AP: FB_USER, AU: FB_USER, AD: 'ok ok . . . . . NF NF' },
  'users.disable': { target: 'user', SW: FB_USER, C: FB_USER, AP: FB_USER, AU: FB_USER, AD: '. ok . . . . . NF NF' },
  'users.enable': { target: 'user', SW: FB_USER, C: FB_USER, AP: FB_USER, AU: FB_USER, AD: '. ok . . . . . NF NF' },
  'users.resetPassword': { target: 'user', SW: FB_USER, C: FB_USER, AP: FB_USER, AU: FB_USER, AD: '. ok . . . . . NF NF' },
  'users.directory': { target: 'none', ...nobody, C: 'ok' },
  // Two people reset a second factor: an admin asks (for any account of the town), another admin or the auditor confirms.
  'users.factorResets': { target: 'none', ...nobody, AU: 'ok', AD: 'ok' },
  'users.requestFactorReset': { target: 'user', SW: FB_USER, C: FB_USER, AP: FB_USER, AU: FB_USER, AD: 'ok ok . . . . . NF NF' },
  'users.confirmFactorReset': { target: 'none', ...nobody, AU: 'ok', AD: 'ok' },
  // An admin sees and ends the sessions of any account of the town (their own included); nobody else does.
  'users.sessions': { target: 'user', SW: FB_USER, C: FB_USER, AP: FB_USER, AU: FB_USER, AD: 'ok ok . . . . . NF NF' },
  'users.endSession': {
    target: 'session',
    SW: 'FB FB . . . . . FB FB',
    C: 'FB FB . . . . . FB FB',
    AP: 'FB FB . . . . . FB FB',
    AU: 'FB FB . . . . . FB FB',
    AD: 'ok ok . . . . . NF NF',
  },
  // Caseload handover (issue 16): the admin (a departure is an account matter) and the coordinator (who
  // assigns the work) see and hand over what is assigned to an account of their town. Handing over one's
  // own caseload is allowed but would move the scenario's own cases, so no cell.
  'users.caseloads': { target: 'none', ...nobody, C: 'ok', AD: 'ok' },
  'users.caseload': { target: 'user', SW: FB_USER, C: 'ok ok . . . . . NF NF', AP: FB_USER, AU: FB_USER, AD: 'ok ok . . . . . NF NF' },
  'users.handover': { target: 'user', SW: FB_USER, C: '. ok . . . . . NF NF', AP: FB_USER, AU: FB_USER, AD: '. ok . . . . . NF NF' },

  // "read / verify / export the audit log": auditor only.
  'audit.list': { target: 'none', ...nobody, AU: 'ok' },
  'audit.verify': { target: 'none', ...nobody, AU: 'ok' },
  'audit.export': { target: 'none', ...nobody, AU: 'ok' },

  // "statistics (pseudonymised, suppressed < 5)": coordinator and auditor, of their own municipality (the session's).
  'statistics.figures': { target: 'none', ...nobody, C: 'ok', AU: 'ok' },
  'statistics.export': { target: 'none', ...nobody, C: 'ok', AU: 'ok' },

  'audit.anchors': { target: 'none', ...nobody, AU: 'ok' },
  // "review flags": auditor only.
  'audit.flags': { target: 'none', ...nobody, AU: 'ok' },
  // "review flags": the auditor only (a flag of their municipality; another's is NOT_FOUND, tests/audit/flag-review.test.ts).
  'audit.flag': { target: 'none', ...nobody, AU: 'ok' },
  'audit.reviewFlag': { target: 'none', ...nobody, AU: 'ok' },
  // "access history of a case or person": coordinator and auditor, any record of their municipality.
  'audit.caseHistory': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: C_ALL, AD: FB9 },
  'audit.personHistory': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: C_ALL, AD: FB9 },
  // DESIGN names cases and people; a referral is the same record of a person's concern, read alike.
  'audit.referralHistory': {
    target: 'referral',
    SW: FB_REF,
    C: 'ok ok ok . . . . NF NF',
    AP: FB_REF,
    AU: 'ok ok ok . . . . NF NF',
    AD: FB_REF,
  },

  // "match a person by name": SW and AP existence only (the content is checked in lists.test.ts).
  'people.match': { target: 'none', ...referrers },
  // One search box (people, cases, referrals): case workers; each group under its own list's rules (tests/search).
  'search.find': { target: 'none', ...referrers },
  // DESIGN is silent: registering a person is part of logging a referral.
  'people.create': { target: 'none', ...referrers },
  // A person's details go with the summary of one of their cases (key worker, or disclosed summary).
  'people.get': {
    target: 'person',
    SW: 'ok NF NF ok ok NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok ok NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // "correct a person's details (history kept)": own referrals | ✓ | –. Every person of the scenario's
  // town was referred by its social worker, so the SW corrects them all (names and birth only).
  'people.correct': { target: 'person', SW: 'ok ok ok ok ok ok ok NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // A person's history goes with their details (people.get's rule).
  'people.history': {
    target: 'person',
    SW: 'ok NF NF ok ok NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok ok NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // DESIGN is silent on households; linking people is managing the case, a coordinator's job.
  'people.linkHousehold': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // "merge / unmerge two records of a person": coordinator. "Not the same person" and the list of a
  // record's merges go with it (a social worker sees most candidates as "exists" only).
  'people.merges': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'people.merge': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'people.unmerge': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'people.markDistinct': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'people.unmarkDistinct': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // "legal hold, subject-access export, retention preview": coordinator, any person of the municipality.
  // The request is the person's (its input names both); a request of another person is NOT_FOUND (tests/subject-access).
  'subjectAccess.list': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'subjectAccess.prepare': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'subjectAccess.get': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'subjectAccess.review': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'subjectAccess.release': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'subjectAccess.document': { target: 'person', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },

  'referrals.create': { target: 'none', ...referrers },
  'referrals.mine': { target: 'none', ...referrers },
  'referrals.queue': { target: 'none', ...nobody, C: 'ok' },
  // "see a referral's status": own | all | own. Disclosures are about cases, not referrals.
  'referrals.get': {
    target: 'referral',
    SW: 'ok NF NF . . . . NF NF',
    C: 'ok ok ok . . . . NF NF',
    AP: 'ok NF NF . . . . NF NF',
    AU: FB_REF,
    AD: FB_REF,
  },
  // "correct a referral's facts (history kept)": own referrals | ✓ | –.
  'referrals.correct': {
    target: 'referral',
    SW: 'ok NF NF . . . . NF NF',
    C: 'ok ok ok . . . . NF NF',
    AP: FB_REF,
    AU: FB_REF,
    AD: FB_REF,
  },
  // A referral's history goes with the referral (referrals.get's rule).
  'referrals.history': {
    target: 'referral',
    SW: 'ok NF NF . . . . NF NF',
    C: 'ok ok ok . . . . NF NF',
    AP: 'ok NF NF . . . . NF NF',
    AU: FB_REF,
    AD: FB_REF,
  },
  'referrals.screen': { target: 'referral', SW: FB_REF, C: 'ok ok ok . . . . NF NF', AP: FB_REF, AU: FB_REF, AD: FB_REF },

  // "list / open a case": team | all | disclosed sections.
  'cases.list': { target: 'none', ...referrers },
  'cases.get': {
    target: 'case',
    SW: 'ok NF NF ok ok NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok ok NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // The history of the sections one sees (summary, plan): opened like the case itself.
  'cases.history': {
    target: 'case',
    SW: 'ok NF NF ok ok NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok ok NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // "read notes": team (notes) | ✓ | disclosed (notes): a summary-only disclosure does not reach them.
  'cases.notes': {
    target: 'case',
    SW: 'ok NF NF ok NF NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok NF NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // "change stage, update summary": key worker | ✓ | –. A disclosed case is seen, not steered (NF).
  'cases.updateSummary': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'cases.changeStage': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // "assign / transfer / close / reopen", "add / revoke a disclosure": coordinator only.
  'cases.assign': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'cases.close': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'cases.reopen': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'cases.disclose': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'cases.revokeDisclosure': { target: 'disclosure', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // "write a note": team | ✓ | disclosed (notes).
  'cases.addNote': {
    target: 'case',
    SW: 'ok NF NF ok NF NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok NF NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // "create interventions": key worker | ✓ | –. A social worker who sees the plan through a
  // disclosure is told FB (the plan is visible to them; adding to it is not theirs).
  'cases.addIntervention': { target: 'case', SW: 'ok NF NF FB NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // "update an intervention's status / outcome": assignee | ✓ | their agency's, disclosed (plan).
  // The intervention is the actor's (assigned to them, of their agency) in every scope but sameAg (a
  // colleague's) and otherAg (another agency's). DESIGN's SW cell says "assignee" within the team:
  // an assignee who cannot see the case's plan (summary only, expired, revoked) may not update it.
  'cases.updateIntervention': {
    target: 'intervention',
    SW: 'ok NF NF ok NF NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok NF NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // "record / withdraw consent": key worker | ✓ | –.
  // "record / withdraw consent": key worker | ✓ | –. Seeing its history and printing its form go with it.
  'consent.list': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'consent.record': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'consent.renew': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'consent.withdraw': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'consent.form': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // DESIGN is silent on who records a review; it is working the case, like a stage change.
  'cases.recordReview': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  // "break-glass into a case": SW ✓ (any case of their municipality: being outside their reach is the
  // point) | C n/a, refused as not needed (FB, whatever the case) | –. A live grant is one's own to see.
  'cases.breakGlass': { target: 'case', SW: 'ok ok ok ok ok ok ok NF NF', C: FB9, AP: FB9, AU: FB9, AD: FB9 },
  'cases.emergencyAccess': { target: 'none', ...nobody, SW: 'ok' },
  // Ending one's own live grant early (the row's input is a fresh grant of the actor): a social worker only.
  'cases.endBreakGlass': { target: 'none', ...nobody, SW: 'ok' },

  // Assessments: the "assessments" section. Every actor is a trained assessor (see scenario.ts), so
  // "rate an assessment" reads: team (assessments) | ✓ | disclosed (assessments) | – | –.
  'assessments.list': {
    target: 'case',
    SW: 'ok NF NF ok NF NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok NF NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  'assessments.create': {
    target: 'case',
    SW: 'ok NF NF ok NF NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok NF NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // The factor list is the municipality's framework: a setting, kept by the admin (DESIGN: "settings").
  // DESIGN is silent on reading it: whoever rates or reads assessments needs it; auditors do not.
  'assessments.factors': { target: 'none', ...referrers, AD: 'ok' },
  'assessments.createFactor': { target: 'none', ...nobody, AD: 'ok' },
  'assessments.updateFactor': { target: 'factor', SW: FB_AGENCY, C: FB_AGENCY, AP: FB_AGENCY, AU: FB_AGENCY, AD: 'ok . . . . . . NF NF' },

  // Panel meetings. Scopes of a meeting: invited by name (own), a colleague invited (sameAg), another
  // agency invited (otherAg), the actor's agency invited, or the actor by name when the role has no
  // agency (disclosed). "schedule a panel meeting, record decisions": coordinator; "see a meeting's
  // agenda item": invited + team | ✓ | invited + disclosed (which items show is checked in lists.test.ts).
  'meetings.list': { target: 'none', ...referrers },
  'meetings.get': {
    target: 'meeting',
    SW: 'ok NF NF ok . . . NF NF',
    C: 'ok ok ok ok . . . NF NF',
    AP: 'ok NF NF ok . . . NF NF',
    AU: FB_MEETING,
    AD: FB_MEETING,
  },
  'meetings.schedule': { target: 'none', ...nobody, C: 'ok' },
  'meetings.update': { target: 'meeting', ...byCoordinator },
  'meetings.cancel': { target: 'meeting', ...byCoordinator },
  'meetings.recordAttendance': { target: 'meeting', ...byCoordinator },
  'meetings.addMinute': { target: 'meeting', ...byCoordinator },
  'meetings.approveMinutes': { target: 'meeting', ...byCoordinator },
  'meetings.decide': { target: 'agendaItem', ...byCoordinator },

  // Printed pages (issue 15): each is its page's read, audited as a print, so it has that page's rule.
  'print.caseSummary': {
    target: 'case',
    SW: 'ok NF NF ok ok NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok ok NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  'print.meeting': {
    target: 'meeting',
    SW: 'ok NF NF ok . . . NF NF',
    C: 'ok ok ok ok . . . NF NF',
    AP: 'ok NF NF ok . . . NF NF',
    AU: FB_MEETING,
    AD: FB_MEETING,
  },
  'print.referral': {
    target: 'referral',
    SW: 'ok NF NF . . . . NF NF',
    C: 'ok ok ok . . . . NF NF',
    AP: 'ok NF NF . . . . NF NF',
    AU: FB_REF,
    AD: FB_REF,
  },

  // "My work": one's own reminders and tasks. DESIGN is silent; auditors and admins do no case work.
  // A task's assignee (or the coordinator) completes it while the case is still theirs to see; the
  // task is the actor's in every scope but sameAg (a colleague's) and otherAg (another agency's).
  'work.mine': { target: 'none', ...referrers },
  'work.dismiss': {
    target: 'reminder',
    SW: 'ok NF . . . . . NF NF',
    C: 'ok NF . . . . . NF NF',
    AP: 'ok NF . . . . . NF NF',
    AU: 'FB FB . . . . . FB FB',
    AD: 'FB FB . . . . . FB FB',
  },
  'work.completeTask': {
    target: 'task',
    SW: 'ok NF NF ok ok NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok ok NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  // Drafts of referrals and case notes: their author's alone, whatever the role (DESIGN is silent;
  // issue 15: "visible only to their author", not even admins or auditors, who write neither).
  // A draft is the actor's (own), a colleague's (sameAg) or in B; saving makes a new one.
  'drafts.list': { target: 'none', ...referrers },
  'drafts.save': { target: 'none', ...referrers },
  'drafts.get': {
    target: 'draft',
    SW: 'ok NF . . . . . NF NF',
    C: 'ok NF . . . . . NF NF',
    AP: 'ok NF . . . . . NF NF',
    AU: 'FB FB . . . . . FB FB',
    AD: 'FB FB . . . . . FB FB',
  },
  'drafts.discard': {
    target: 'draft',
    SW: 'ok NF . . . . . NF NF',
    C: 'ok NF . . . . . NF NF',
    AP: 'ok NF . . . . . NF NF',
    AU: 'FB FB . . . . . FB FB',
    AD: 'FB FB . . . . . FB FB',
  },
  // "settings": admin.
  'work.settings': { target: 'none', ...nobody, AD: 'ok' },
  'work.updateSettings': { target: 'none', ...nobody, AD: 'ok' },
  'work.flagSettings': { target: 'none', ...nobody, AD: 'ok' },
  'work.setFlagSettings': { target: 'none', ...nobody, AD: 'ok' },
  'work.factorRoles': { target: 'none', ...nobody, AD: 'ok' },
  'work.setFactorRoles': { target: 'none', ...nobody, AD: 'ok' },
  // The calendar ("settings (calendar, …)"): admin.
  'work.holidays': { target: 'none', ...nobody, AD: 'ok' },

  // "onward referral: send / answer": key worker sends | C sends | AP answers their agency's. Following a
  // case's onward referrals goes with sending them; a signposted referral's with screening it. The answers
  // (and the re-send) name an onward referral made for the row (calls.ts): sent to the actor's agency (the
  // town's agency for roles without one), on a case the actor is key worker of when they are a social
  // worker. Who else may not see one (another agency, another town, a crafted id) is tested in tests/onward.
  'onward.forCase': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'onward.send': { target: 'case', SW: 'ok NF NF NF NF NF NF NF NF', C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'onward.forReferral': { target: 'referral', SW: FB_REF, C: 'ok ok ok . . . . NF NF', AP: FB_REF, AU: FB_REF, AD: FB_REF },
  'onward.resend': { target: 'none', ...nobody, SW: 'ok', C: 'ok' },
  'onward.inbox': { target: 'none', ...nobody, AP: 'ok' },
  'onward.accept': { target: 'none', ...nobody, AP: 'ok' },
  'onward.decline': { target: 'none', ...nobody, AP: 'ok' },
  'onward.recordOutcome': { target: 'none', ...nobody, AP: 'ok' },
  // "cross-municipality transfer: propose / accept": C | C (receiving). Proposing and following a case's
  // transfers go with the case (a case of B, where the town has its own coordinators, is NF). The answers name
  // a proposal made for the row (calls.ts): from B to A for accept/decline/read/matches, from A to B for
  // withdraw. The sections a transfer brought are read like the case. Other towns, crafted ids, declined and
  // withdrawn proposals are tested in tests/transfers.
  'transfers.destinations': { target: 'none', ...nobody, C: 'ok' },
  'transfers.forCase': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'transfers.received': {
    target: 'case',
    SW: 'ok NF NF ok ok NF NF NF NF',
    C: C_ALL,
    AP: 'NF NF NF ok ok NF NF NF NF',
    AU: FB9,
    AD: FB9,
  },
  'transfers.propose': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'transfers.withdraw': { target: 'none', ...nobody, C: 'ok' },
  'transfers.inbox': { target: 'none', ...nobody, C: 'ok' },
  'transfers.get': { target: 'none', ...nobody, C: 'ok' },
  'transfers.matches': { target: 'none', ...nobody, C: 'ok' },
  'transfers.accept': { target: 'none', ...nobody, C: 'ok' },
  'transfers.decline': { target: 'none', ...nobody, C: 'ok' },
  'work.setHolidays': { target: 'none', ...nobody, AD: 'ok' },
  // Retention (issue 14). "settings (…, retention rules, …)": admin. "legal hold, …, retention preview": coordinator,
  // on any case of the municipality. Deletion certificates hold no personal data (a rule, counts, an audit event):
  // DESIGN is silent; the coordinator, the auditor who verifies them against the chain and the admin who keeps the rules.
  'retention.rules': { target: 'none', ...nobody, AD: 'ok' },
  'retention.setRule': { target: 'none', ...nobody, AD: 'ok' },
  'retention.preview': { target: 'none', ...nobody, C: 'ok' },
  'retention.hold': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'retention.placeHold': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'retention.liftHold': { target: 'case', SW: FB9, C: C_ALL, AP: FB9, AU: FB9, AD: FB9 },
  'retention.certificates': { target: 'none', ...nobody, C: 'ok', AU: 'ok', AD: 'ok' },
  'retention.certificate': { target: 'none', ...nobody, C: 'ok', AU: 'ok', AD: 'ok' },
  // Alerts (issue 16): everyone chooses their own (no user id in the input: nobody else's); the admin sees
  // whether alerts are e-mailed and those that could not be sent (no names in them).
  'alerts.preferences': { target: 'none', ...everyone },
  'alerts.setPreferences': { target: 'none', ...everyone },
  'alerts.status': { target: 'none', ...nobody, AD: 'ok' },
  // The regional hub (issue 16). "Hub statistics across member municipalities": the hub analyst only, of
  // their own hub. The members of a hub: its admin (a city's admin, AD here, is refused: not a hub); the
  // admin of a member city reads its memberships and chooses whether it shares its figures (the hub of the
  // scenario, of which A is a member). The hub admin's own rows are in tests/hub/members.test.ts.
  'hub.figures': { target: 'none', ...nobody, HA: 'ok' },
  'hub.members': { target: 'none', ...nobody },
  'hub.addMember': { target: 'none', ...nobody },
  'hub.removeMember': { target: 'none', ...nobody },
  'hub.memberships': { target: 'none', ...nobody, AD: 'ok' },
  'hub.setSharing': { target: 'none', ...nobody, AD: 'ok' },
  // The admin sends a failed alert of the town again (alerts.retry): nobody else may.
  'alerts.retry': { target: 'none', ...nobody, AD: 'ok' },
};

export interface Row {
  procedure: string;
  role: Role | 'anonymous';
  scope: Scope;
  expect: Outcome;
}

const TOKENS: Record<string, Outcome> = { ok: 'allowed', NF: 'NOT_FOUND', FB: 'FORBIDDEN', UA: 'UNAUTHORIZED' };
const ROLE_KEYS: Record<Role, keyof Spec> = {
  social_worker: 'SW',
  coordinator: 'C',
  agency_practitioner: 'AP',
  auditor: 'AU',
  admin: 'AD',
  hub_analyst: 'HA',
};

function outcome(token: string, where: string): Outcome {
  const o = TOKENS[token];
  if (!o) throw new Error(`matrix: unknown outcome "${token}" at ${where}`);
  return o;
}

/** A role's line; the hub analyst's, when the row has none, refuses (FB) on every scope the target has (the auditor's '.' kept). */
function lineOf(spec: Spec, role: Role): Line {
  const line = spec[ROLE_KEYS[role]] as Line | undefined;
  if (line !== undefined) return line;
  return spec.AU.trim()
    .split(/\s+/)
    .map((token) => (token === '.' ? '.' : 'FB'))
    .join(' ');
}

/** The grid as rows: one per procedure × role × scope (plus one anonymous row per procedure). */
export function matrixRows(grid: Record<string, Spec> = GRID): Row[] {
  const rows: Row[] = [];
  for (const [procedure, spec] of Object.entries(grid)) {
    for (const role of ROLES) {
      const tokens = lineOf(spec, role).trim().split(/\s+/);
      if (spec.target === 'none') {
        if (tokens.length !== 1) throw new Error(`matrix: ${procedure} ${role} takes one outcome`);
        rows.push({ procedure, role, scope: 'any', expect: outcome(tokens[0]!, `${procedure} ${role}`) });
        continue;
      }
      if (tokens.length !== SCOPES.length) throw new Error(`matrix: ${procedure} ${role} needs ${SCOPES.length} outcomes`);
      tokens.forEach((token, i) => {
        if (token !== '.') rows.push({ procedure, role, scope: SCOPES[i]!, expect: outcome(token, `${procedure} ${role} ${SCOPES[i]}`) });
      });
    }
    rows.push({ procedure, role: 'anonymous', scope: 'any', expect: outcome(spec.anon ?? 'UA', `${procedure} anonymous`) });
  }
  return rows;
}

export const MATRIX: readonly Row[] = matrixRows();

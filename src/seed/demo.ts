import type { Db } from '../db.js';
import { hashPassword } from '../auth/password.js';
import { systemClock } from '../lib/clock.js';
import type { Keyring } from '../crypto/keyring.js';
import { DemoStory, withinOne } from './demo-story.js';
import { DEMO_ACCOUNTS as TOWN_ACCOUNTS, seedTown } from './demo-town.js';
import { DEMO_HUB_ACCOUNTS, seedHub } from './demo-hub.js';
import { seedSecondCity } from './demo-hub-history.js';
import { seedCases } from './demo-cases.js';
import { seedMeetings } from './demo-meetings.js';

/** Every demo account: the demo municipality's, one per role, then the regional hub's admin and analyst. */
export const DEMO_ACCOUNTS = [...TOWN_ACCOUNTS, ...DEMO_HUB_ACCOUNTS];

/** How many days ago the demo municipality was set up; its casework fills the weeks since. */
const SET_UP_DAYS_AGO = 60;

/**
 * Seeds a demo municipality on an empty database (accounts, agencies, people, referrals in every
 * status, cases in every stage, assessments, panel meetings); does nothing when any municipality
 * exists. Apart from the accounts, every record is made by a demo user through the app's procedures,
 * at a moment of the past weeks, so the audit log and the case timelines hold what real use leaves.
 */
export async function seedDemo(db: Db, password: string, keyring: Keyring): Promise<boolean> {
  if ((await db.municipality.count()) > 0) return false;
  const story = new DemoStory(systemClock());
  seedTown(story, await hashPassword(password), SET_UP_DAYS_AGO);
  seedCases(story);
  seedMeetings(story);
  seedSecondCity(story, await hashPassword(password));
  seedHub(story, await hashPassword(password), SET_UP_DAYS_AGO - 1);
  const emailOf = (role: string) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;
  // One transaction for the whole demo (withinOne): on a busy machine it takes longer than Prisma's 5 s default.
  await db.$transaction((tx) => story.play(withinOne(tx), keyring, password, emailOf), { timeout: 60_000 });
  return true;
}

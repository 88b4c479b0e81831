import { describe, expect, it } from 'vitest';
import { answerOf, browserWorld } from './browser.js';
import { makeTown, makeUser } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { callerFor } from '../helpers/callers.js';

const world = await browserWorld();
const { db, cspViolations } = world;
const WHY = 'Synthetic emergency: the key worker is away and a child is in danger tonight.';

describe('flag rules in the settings, and a break-glass on the auditor’s flag page', () => {
  it('the admin changes the working hours and thresholds; a day that ends before it starts is refused at its field and saves nothing', async () => {
    const town = await makeTown(db);
    const { context, page } = await world.newPage();
    await world.signIn(page, town.admin.email);
    await page.goto(`${world.base}/admin/settings`);
    const form = page.getByTestId('flag-settings-form');
    await form.waitFor();
    // A Jordanian town: Friday and Saturday off, from its country's calendar.
    expect(await form.getByLabel('Friday').isChecked()).toBe(true);
    await form.getByLabel('Friday').uncheck();
    await form.getByLabel('Sunday').check();
    await form.locator('input[name=bulkReadLimit]').fill('500');
    await form.locator('input[name=denialLimit]').fill('25');
    await form.locator('input[name=workdayStart]').fill('07:30');
    const saved = answerOf(page, 'work.setFlagSettings');
    await form.locator('button[type=submit]').click();
    await saved;
    await form.getByText('Working hours and flag rules saved.').waitFor();
    const after = { weekendDays: [0, 6], bulkReadLimit: 500, denialLimit: 25, workdayStart: 450, workdayEnd: 1020 };
    const stored = () =>
      db.municipality.findUniqueOrThrow({
        where: { id: town.town.id },
        select: { weekendDays: true, bulkReadLimit: true, denialLimit: true, workdayStart: true, workdayEnd: true },
      });
    expect({ ...(await stored()), weekendDays: (await stored()).weekendDays.sort() }).toEqual(after);

    // The browser lets both times through; the server refuses the pair, in words beside the end time.
    await form.locator('input[name=workdayStart]').fill('18:00');
    await form.locator('input[name=workdayEnd]').fill('09:00');
    await form.locator('input[name=bulkReadLimit]').fill('900');
    const refused = page.waitForResponse((res) => new URL(res.url()).pathname === '/trpc/work.setFlagSettings');
    await form.locator('button[type=submit]').click();
    expect((await refused).status()).toBe(400);
    await form.getByText('The working day must end after it starts.').waitFor();
    expect(await form.locator('input[name=workdayEnd]').getAttribute('aria-invalid')).toBe('true');
    expect({ ...(await stored()), weekendDays: (await stored()).weekendDays.sort() }).toEqual(after);
    await context.close();
    expect(cspViolations).toEqual([]);
  });

  it('the auditor opens a break-glass flag: who, which case, which sections, how long, how it ended, and why', async () => {
    const town = await makeTown(db);
    const keyWorker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const c = await makeCase(db, town, { keyWorkerId: keyWorker.id });
    const sw = (await callerFor(db, town.socialWorker)).caller;
    const grant = await sw.cases.breakGlass({ caseId: c.id, sections: ['summary', 'notes'], justification: WHY });
    await sw.cases.endBreakGlass({ id: grant.id });
    const flag = await db.auditFlag.findFirstOrThrow({
      where: { municipalityId: town.town.id, kind: 'break_glass' },
      select: { id: true },
    });

    const { context, page } = await world.newPage();
    await world.signIn(page, town.auditor.email);
    const opened = answerOf(page, 'audit.flag');
    await page.goto(`${world.base}/audit/flags/${flag.id}`);
    await opened;
    const facts = page.getByTestId('flag-break-glass');
    await facts.waitFor();
    const fact = (name: string) => facts.locator(`[data-fact=${name}]`).textContent();
    expect(await fact('reference')).toBe(c.reference);
    expect(await fact('sections')).toBe('Summary and Notes');
    expect(await fact('length')).toBe('60 minutes');
    expect(await fact('ended')).toMatch(/^Ended early, at /);
    expect(await facts.getByTestId('flag-justification').textContent()).toBe(WHY);
    await context.close();
    expect(cspViolations).toEqual([]);
  });
});

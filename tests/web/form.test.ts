import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import type { Keyed } from '../../web/src/lib/submission.js';

// The router's module needs a browser to load (Solid's server build refuses its templates): its `json`
// stands in as what it is given, so the tests see which queries a success asks the router to read again.
vi.mock('@solidjs/router', () => ({
  json: (data: unknown, init: { revalidate?: string | string[] }) => ({ json: data, revalidate: init.revalidate }),
}));
// The web's dictionaries guess the language from the browser's; Node 20 has no navigator.
vi.stubGlobal('navigator', { language: 'en' });
let form: typeof import('../../web/src/lib/form.js');
let errors: typeof import('../../web/src/lib/errors.js');
beforeAll(async () => {
  form = await import('../../web/src/lib/form.js');
  errors = await import('../../web/src/lib/errors.js');
});

/** A form element's stand-in that counts how often it was emptied, and what happened in which order. */
function fakeForm(log: string[]) {
  // No control and no required group: the kit's own check (checkFields) finds nothing to refuse.
  return { reset: () => log.push('reset'), elements: [], querySelectorAll: () => [] } as unknown as HTMLFormElement;
}

/** A refusal as the server's error formatter sends it: an app code and the fields' problem keys. */
const refusal = (appCode: string, fields: Record<string, string>) =>
  new TRPCClientError('refused', { result: { error: { message: 'refused', code: -32600, data: { appCode, fields } } } } as never);

describe('the web form kit (lib/form.ts)', () => {
  it('one idempotency key per submission: the same on every try until one succeeds, a new one after', async () => {
    const keys: string[] = [];
    let fail = true;
    const run = form.submitter(
      {
        name: 'test',
        submit: async (_data: FormData, keyed: Keyed) => {
          keys.push(keyed.context.idempotencyKey);
          if (fail) throw new Error('NETWORK');
          return keys.length;
        },
      },
      () => undefined,
    );
    const data = new FormData();
    await expect(run(data)).rejects.toThrow('NETWORK');
    await expect(run(data)).rejects.toThrow('NETWORK');
    fail = false;
    await run(data);
    await run(data);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).toBe(keys[1]);
    expect(keys[3]).not.toBe(keys[2]);
    // Another form has its own.
    let other = '';
    await form.submitter({ name: 'other', submit: async (_d, keyed) => (other = keyed.context.idempotencyKey) }, () => undefined)(data);
    expect(other).not.toBe(keys[3]);
  });

  it('after a success: the form is emptied (with clear), then onDone gets the answer; the queries named in refresh are read again', async () => {
    const log: string[] = [];
    const element = fakeForm(log);
    const run = form.submitter(
      {
        name: 'test',
        clear: true,
        refresh: ['cases.get', 'cases.list'],
        submit: async (data: FormData) => (log.push('submit'), { id: String(data.get('id')) }),
        onDone: (saved) => log.push(`done ${saved.id}`),
      },
      () => element,
    );
    const data = new FormData();
    data.set('id', 'c1');
    expect(await run(data)).toEqual({ json: { value: { id: 'c1' } }, revalidate: ['cases.get', 'cases.list'] });
    expect(log).toEqual(['submit', 'reset', 'done c1']);
  });

  it('a refusal leaves the form as typed and does not call onDone; without refresh the answer is plain and never empty', async () => {
    const log: string[] = [];
    const refuse = form.submitter(
      {
        name: 'test',
        clear: true,
        submit: async () => {
          throw refusal('BAD_INPUT', { title: 'too_small' });
        },
        onDone: () => log.push('done'),
      },
      () => fakeForm(log),
    );
    await expect(refuse(new FormData())).rejects.toBeInstanceOf(TRPCClientError);
    expect(log).toEqual([]);
    // A submission whose work answers nothing still counts as done (the router drops an empty answer).
    const nothing = form.submitter({ name: 'test', submit: async () => undefined }, () => undefined);
    expect(await nothing(new FormData())).toEqual({ value: undefined });
  });

  it("a refusal's fields go beside the fields the form shows, the others to the banner, in the form's own words when it has them", () => {
    const err = refusal('BAD_INPUT', { title: 'too_small', secret: 'invalid' });
    const split = errors.formErrors(err, ['title']);
    expect(split.fields.title).toBe(errors.fieldMessage('too_small'));
    expect(split.banner).toContain(errors.fieldMessage('invalid'));
    expect(errors.formErrors(err, ['title'], (key) => `<${key}>`).fields).toEqual({ title: '<too_small>' });
    // No field shown: the whole refusal is the banner; no error, no banner.
    expect(errors.formErrors(err, []).fields).toEqual({});
    expect(errors.formErrors(undefined, ['title'])).toEqual({ banner: null, fields: {} });
    // An item of a list goes to its field, worded with the field known; a look-alike prefix does not.
    const items = refusal('BAD_INPUT', { 'days.1': 'too_big', 'daysOff.0': 'invalid' });
    expect(errors.formErrors(items, ['days'], (key, field) => `${field}:${key}`).fields).toEqual({ days: 'days:too_big' });
  });

  it("the form's own check (nothing sent): shown fields get their words beside them, others go to the banner named by their label", () => {
    const err = new errors.FormInvalid({ title: 'required', code: 'invalid_format' }, { code: 'Code' });
    const split = errors.formErrors(err, ['title']);
    expect(split.fields).toEqual({ title: errors.fieldMessage('required') });
    expect(split.banner).toContain(`Code: ${errors.fieldMessage('invalid_format')}`);
    expect(errors.fieldMessage('required')).not.toBe(errors.fieldMessage('invalid'));
  });

  it('field, optional and checked read the submitted values', () => {
    const data = new FormData();
    data.set('title', '  Home visit ');
    data.set('note', '   ');
    data.append('ids', 'a');
    data.append('ids', 'b');
    expect(form.field(data, 'title')).toBe('Home visit');
    expect(form.field(data, 'missing')).toBe('');
    expect(form.optional(data, 'note')).toBeUndefined();
    expect(form.checked(data, 'ids')).toEqual(['a', 'b']);
  });
});

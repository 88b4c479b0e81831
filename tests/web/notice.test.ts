import { beforeAll, describe, expect, it, vi } from 'vitest';

// The router's module needs a browser to load: `json` stands in as what it is given, `revalidate` does nothing.
vi.mock('@solidjs/router', () => ({
  json: (data: unknown) => data,
  revalidate: async () => undefined,
}));
vi.stubGlobal('navigator', { language: 'en' });
let notice: typeof import('../../web/src/lib/notice.js');
let form: typeof import('../../web/src/lib/form.js');
let mutation: typeof import('../../web/src/lib/mutation.js');
beforeAll(async () => {
  notice = await import('../../web/src/lib/notice.js');
  form = await import('../../web/src/lib/form.js');
  mutation = await import('../../web/src/lib/mutation.js');
});

const refused = async () => {
  throw new Error('REFUSED');
};

describe('confirmations stay until the next action; an old error does not stay on screen (lib/notice.ts)', () => {
  it('a notice shows what was set for the current action, and nothing once another starts', () => {
    const [saved, setSaved] = notice.createNotice<boolean>();
    expect(saved()).toBeNull();
    setSaved(true);
    expect(saved()).toBe(true);
    notice.actionStarted();
    expect(saved()).toBeNull();
    // Set again to the same value, for the new action: shown again.
    setSaved(true);
    expect(saved()).toBe(true);
    setSaved(null);
    expect(saved()).toBeNull();
  });

  it("a form submission that fails (the server's refusal, or the form's own check) hides an earlier confirmation", async () => {
    const [saved, setSaved] = notice.createNotice<string>();
    const save = form.submitter({ name: 'a', submit: async () => 'ok', onDone: () => setSaved('Saved') }, () => undefined);
    await save(new FormData());
    expect(saved()).toBe('Saved');
    const fail = form.submitter({ name: 'b', submit: refused, onDone: () => setSaved('never') }, () => undefined);
    await expect(fail(new FormData())).rejects.toThrow('REFUSED');
    expect(saved()).toBeNull();
    // Refused in the browser before anything is sent: a required field left empty.
    await save(new FormData());
    expect(saved()).toBe('Saved');
    const input = {
      name: 'title',
      willValidate: true,
      validity: { valid: false, valueMissing: true },
      labels: [],
      closest: () => null,
      focus() {},
      type: 'text',
    };
    Object.setPrototypeOf(input, HTMLInputElementStandIn.prototype);
    const element = { elements: [input], querySelectorAll: () => [] } as unknown as HTMLFormElement;
    const checked = form.submitter({ name: 'c', submit: async () => 'sent' }, () => element);
    await expect(checked(new FormData())).rejects.toThrow();
    expect(saved()).toBeNull();
  });

  it("a button's write (writeThenRefresh) is an action too: its failure hides the confirmation, and its error goes at the next action", async () => {
    const [done, setDone] = notice.createNotice<boolean>();
    const [error, setError] = notice.createNotice<unknown>();
    setDone(await mutation.writeThenRefresh(async () => undefined, 'k', setError));
    expect(done()).toBe(true);
    expect(await mutation.writeThenRefresh(refused, 'k', setError)).toBe(false);
    expect(done()).toBeNull();
    expect(error()).toBeInstanceOf(Error);
    // The next try succeeds: the old error leaves the screen.
    setDone(await mutation.writeThenRefresh(async () => undefined, 'k', setError));
    expect(error()).toBeNull();
    expect(done()).toBe(true);
  });
});

/** The kit tells a control by its class; Node has no DOM, so the test gives it one. */
class HTMLInputElementStandIn {}
vi.stubGlobal('HTMLInputElement', HTMLInputElementStandIn);
vi.stubGlobal('HTMLSelectElement', class {});
vi.stubGlobal('HTMLTextAreaElement', class {});

import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The client's hold on a call refused because the session ended (web/src/lib/trpc.ts, lib/reauth.ts),
 * against a stand-in server: the call waits while the sign-in dialog is open, is sent again with its
 * same Idempotency-Key once the same user is back, and fails (with every later call) if another
 * account signed in instead.
 */
let trpcMod: typeof import('../../web/src/lib/trpc.js');
let reauth: typeof import('../../web/src/lib/reauth.js');

interface Sent {
  path: string;
  key: string | null;
}
let sent: Sent[] = [];
let answers: ('expired' | 'ok')[] = [];

const reply = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const expired = () =>
  reply(
    {
      error: {
        json: { message: 'SESSION_EXPIRED', code: -32001, data: { code: 'UNAUTHORIZED', httpStatus: 401, appCode: 'SESSION_EXPIRED' } },
      },
    },
    401,
  );
const ok = () => reply({ result: { data: { json: { id: 'made' } } } }, 200);

beforeAll(async () => {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    sent.push({
      path: String(url)
        .replace(/^.*\/trpc\//, '')
        .split('?')[0]!,
      key: headers.get('Idempotency-Key'),
    });
    return answers.shift() === 'ok' ? ok() : expired();
  });
  trpcMod = await import('../../web/src/lib/trpc.js');
  reauth = await import('../../web/src/lib/reauth.js');
});
beforeEach(() => {
  sent = [];
});

const KEY = '0b8f3a4e-6f0c-4a57-9d53-8f7f6f0e2a11';
const settle = () => new Promise((r) => setTimeout(r, 20));
const create = () =>
  trpcMod.trpc.drafts.discard.mutate({ id: KEY }, { context: { idempotencyKey: KEY } }).then(
    (v) => ({ ok: v }),
    (e: { data?: { appCode?: string }; message: string }) => ({ failed: e.data?.appCode ?? e.message }),
  );

describe('a call refused because the session ended', () => {
  it('with nobody signed in on the page: fails at once and goes to the sign-in page', async () => {
    const lost = vi.fn();
    trpcMod.setAuthLostHandler(lost);
    answers = ['expired'];
    expect(await create()).toEqual({ failed: 'SESSION_EXPIRED' });
    expect(lost).toHaveBeenCalledWith('SESSION_EXPIRED');
    expect(reauth.sessionEnded()).toBeNull();
  });

  it('while someone is signed in: waits for the dialog, then is sent again with its same key once the same user is back', async () => {
    reauth.rememberUser({ id: 'user-a', email: 'a@example.test' });
    answers = ['expired', 'ok'];
    const result = create();
    await settle();
    expect(reauth.sessionEnded()).toEqual({ email: 'a@example.test' });
    expect(sent).toHaveLength(1);
    expect(reauth.signedInAgain('user-a')).toBe(true);
    expect(await result).toEqual({ ok: { id: 'made' } });
    expect(sent).toEqual([
      { path: 'drafts.discard', key: KEY },
      { path: 'drafts.discard', key: KEY },
    ]);
    expect(reauth.sessionEnded()).toBeNull();
  });

  it('when another account signs in: fails, and the page sends nothing more', async () => {
    reauth.rememberUser({ id: 'user-a', email: 'a@example.test' });
    answers = ['expired', 'ok'];
    const result = create();
    await settle();
    expect(reauth.signedInAgain('user-b')).toBe(false);
    expect(await result).toEqual({ failed: 'SESSION_EXPIRED' });
    expect(sent).toHaveLength(1);
    expect(reauth.pageDropped()).toBe(true);
    answers = ['ok'];
    expect(await create()).toMatchObject({ failed: expect.stringMatching(/another account/) });
    expect(sent).toHaveLength(1);
  });
});

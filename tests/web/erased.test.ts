import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ERASED_TEXT } from '../../src/shared/erased.js';

// The web's dictionaries guess the language from the browser's; Node 20 has no navigator.
vi.stubGlobal('navigator', { language: 'ar' });
let erased: typeof import('../../web/src/lib/erased.js');
beforeAll(async () => {
  erased = await import('../../web/src/lib/erased.js');
  const i18n = await import('../../web/src/i18n/index.js');
  await i18n.i18nReady;
  erased.setErasedWords(() => i18n.t('common.erased'));
});

describe('erased free text reads as words in the reader’s language (lib/erased.ts)', () => {
  it('replaces the marker wherever it sits, and nothing else', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const got = erased.showErased(
      { summary: ERASED_TEXT, notes: [{ body: ERASED_TEXT, at }, { body: 'kept words' }], n: 3, none: null },
      '(gone)',
    );
    expect(got).toEqual({ summary: '(gone)', notes: [{ body: '(gone)', at }, { body: 'kept words' }], n: 3, none: null });
    expect(got.notes[0]!.at).toBeInstanceOf(Date);
    expect(erased.showErased(`${ERASED_TEXT} and more`, '(gone)')).toBe(`${ERASED_TEXT} and more`);
  });

  it('the client link answers pages in the interface language and leaves subject access to its document', async () => {
    const run = (path: string) =>
      new Promise<unknown>((resolve) => {
        const next = () => ({
          subscribe: (o: { next(v: unknown): void }) => {
            o.next({ result: { data: { summary: ERASED_TEXT } } });
            return { unsubscribe() {} };
          },
        });
        const link = erased.erasedLink({} as any) as any;
        link({ next, op: { path, type: 'query', id: 1, input: undefined, context: {}, signal: null } }).subscribe({
          next: (v: { result: { data: unknown } }) => resolve(v.result.data),
        });
      });
    expect(await run('cases.get')).toEqual({ summary: '(محذوف نهائيًا)' });
    expect(await run('subjectAccess.view')).toEqual({ summary: ERASED_TEXT });
  });
});

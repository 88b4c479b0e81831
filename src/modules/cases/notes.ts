import type { z } from 'zod';
import { accessibleBy } from '../../auth/casl.js';
import { AppError } from '../../errors.js';
import { openText, sealText } from '../../crypto/envelope.js';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { NoteSensitivity } from '../../generated/prisma/enums.js';
import { keysetPage } from '../../lib/cursor.js';
import { after, findCase, mayHandleRestricted, recordEvent, ruleSelect } from './access.js';
import type { AddNoteInput, ListNotesInput, Position } from './schema.js';

/** The field name bound into a note's ciphertext, with the note's id; under the case's key. */
export const NOTE_FIELD = 'case.note';

const noteSelect = {
  id: true,
  sensitivity: true,
  body: true,
  createdAt: true,
  author: { select: { id: true, displayName: true } },
} satisfies Prisma.CaseNoteSelect;

/**
 * A page of a case's notes the user may read (newest first), decrypted. The CaseNote rules decide
 * row by row: restricted notes reach only the coordinator and the key worker.
 */
export async function notesPage(ctx: ServiceContext, caseId: string, cursor: Position | undefined, limit: number) {
  const rows = await ctx.db.caseNote.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('CaseNote'), { caseId }, after('createdAt', cursor)] },
    select: noteSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
  });
  const page = keysetPage(rows, limit, (n) => ({ at: n.createdAt, id: n.id }));
  const items = await Promise.all(page.items.map(async (n) => ({ ...n, body: await openText(ctx, NOTE_FIELD, n.id, n.body) })));
  return { ...page, items };
}

/** `cases.notes`: more notes than the case page shows, for users who may read the notes section. */
export async function listNotes(ctx: ServiceContext, input: z.infer<typeof ListNotesInput>) {
  await findCase(ctx, input.caseId, 'read:notes', { id: true });
  const page = await notesPage(ctx, input.caseId, input.cursor, input.limit);
  ctx.audit.detail({ count: page.items.length });
  return page;
}

/** Stores an encrypted note with its timeline entry and audit event (never its text). */
export async function writeNote(
  ctx: ServiceContext,
  c: { id: string; municipalityId: string },
  body: string,
  sensitivity: NoteSensitivity,
) {
  const id = randomUUID();
  const note = await ctx.db.caseNote.create({
    data: {
      id,
      caseId: c.id,
      municipalityId: c.municipalityId,
      authorId: ctx.user.id,
      sensitivity,
      body: await sealText(ctx, { kind: 'case', id: c.id }, NOTE_FIELD, id, body),
      createdAt: ctx.clock(),
    },
    select: { id: true, sensitivity: true, createdAt: true },
  });
  await recordEvent(ctx, c, 'note', { noteId: note.id, sensitivity });
  ctx.audit.subject('Case', c.id).detail({ noteId: note.id, sensitivity });
  return note;
}

/** `cases.addNote`: the case team writes standard notes; only the coordinator and key worker restricted ones. */
export async function addNote(ctx: ServiceContext, input: z.infer<typeof AddNoteInput>) {
  const c = await findCase(ctx, input.caseId, 'write:notes', ruleSelect);
  // They may see the case, so this refusal hides nothing: FORBIDDEN, with the field to correct.
  if (input.sensitivity === 'restricted' && !mayHandleRestricted(ctx, c)) {
    throw new AppError('FORBIDDEN', { entity: { type: 'Case', id: c.id }, fields: { sensitivity: 'FORBIDDEN' } });
  }
  return writeNote(ctx, c, input.body, input.sensitivity);
}

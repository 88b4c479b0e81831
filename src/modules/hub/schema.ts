import { z } from 'zod';

/** A city, by id (the hub's admin adds or removes it). */
export const MemberInput = z.strictObject({ municipalityId: z.uuid() });
/** A city's choice to share its figures with a hub it belongs to. */
export const SharingInput = z.strictObject({ hubId: z.uuid(), share: z.boolean() });

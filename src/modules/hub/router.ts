import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { hubFigures } from './figures.js';
import { addMember, listMembers, listMemberships, removeMember, setSharing } from './members.js';
import { HubYearInput, MemberInput, SharingInput } from './schema.js';

/**
 * The regional hub: its figures (hub analysts), its members (the hub's admin), and a city's choice to
 * share its figures (the city's admin). Each audited on the caller's own chain.
 */
export const hubRouter = t.router({
  figures: procedure('hub.figures', { entity: 'Municipality' })
    .input(HubYearInput)
    .query(({ ctx, input }) => hubFigures(ctx, input)),
  members: procedure('hub.members.read', { entity: 'Municipality' }).query(({ ctx }) => listMembers(ctx)),
  addMember: procedure('hub.member.add', { entity: 'Municipality', idFrom: 'municipalityId', idempotent: true })
    .input(MemberInput)
    .mutation(({ ctx, input }) => addMember(ctx, input)),
  removeMember: procedure('hub.member.remove', { entity: 'Municipality', idFrom: 'municipalityId' })
    .input(MemberInput)
    .mutation(({ ctx, input }) => removeMember(ctx, input)),
  memberships: procedure('hub.memberships.read', { entity: 'Municipality' }).query(({ ctx }) => listMemberships(ctx)),
  setSharing: procedure('hub.sharing.set', { entity: 'Municipality', idFrom: 'hubId' })
    .input(SharingInput)
    .mutation(({ ctx, input }) => setSharing(ctx, input)),
});

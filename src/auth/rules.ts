import type { AbilityBuilder } from '@casl/ability';
import type { AppAbility } from './casl.js';

/** What a module's policy grants with: CASL's builder of the app's ability (auth/ability.ts composes the policies). */
export type RuleBuilder = AbilityBuilder<AppAbility>;

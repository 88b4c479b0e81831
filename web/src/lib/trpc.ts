import { createTRPCClient, httpLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import { erasedLink } from './erased';
import { keyHeader } from './submission';
import { pageDropped, waitForSignIn } from './reauth';
import type { AppRouter } from '../../../src/trpc/router';

export type Inputs = inferRouterInputs<AppRouter>;
export type Outputs = inferRouterOutputs<AppRouter>;
export type ClientError = TRPCClientError<AppRouter>;
/** Every code an error of the server can carry (its error table's), as the router's error shape types it. */
export type AppErrorCode = NonNullable<ClientError['data']>['appCode'];

type AuthLostHandler = (code: 'UNAUTHENTICATED' | 'SESSION_EXPIRED') => void;
let onAuthLost: AuthLostHandler = () => undefined;

/** Who to tell when the server says the session is gone (set once by the app's root). */
export function setAuthLostHandler(handler: AuthLostHandler) {
  onAuthLost = handler;
}

/** Signing in answers its own refusals (the sign-in page, the dialog); signing out is never held back. */
const SIGN_IN_CALLS = new Set(['auth.login', 'auth.verifyFactor']);

/**
 * Watches every answer. A lost session while someone is signed in holds the call until they sign in
 * again over the page and then sends it once more (lib/reauth.ts); otherwise it goes back to sign-in.
 */
const authLostLink: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) => {
      let current: { unsubscribe(): void } | null = null;
      const attempt = () => {
        // Another account signed in over this page: a late save or send would go under their name.
        if (pageDropped()) return observer.error(TRPCClientError.from(new Error('The page was left to another account')));
        current = next(op).subscribe({
          next: (value) => observer.next(value),
          complete: () => observer.complete(),
          error(err) {
            const code = err.data?.appCode;
            if (SIGN_IN_CALLS.has(op.path) || (code !== 'UNAUTHENTICATED' && code !== 'SESSION_EXPIRED')) return observer.error(err);
            const wait = op.path === 'auth.logout' ? null : waitForSignIn();
            if (!wait) {
              onAuthLost(code);
              return observer.error(err);
            }
            void wait.then((same) => (same ? attempt() : observer.error(err)));
          },
        });
      };
      attempt();
      return () => current?.unsubscribe();
    });

/** The typed client. One request per call (no batching), cookies sent by the browser. */
export const trpc = createTRPCClient<AppRouter>({
  links: [authLostLink, erasedLink, httpLink({ url: '/trpc', transformer: superjson, headers: ({ op }) => keyHeader(op.context) })],
});

export const isClientError = (err: unknown): err is ClientError => err instanceof TRPCClientError;

import { createTRPCClient, httpLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import { keyHeader } from './submission';
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

/** Watches every answer: a lost session anywhere sends the user back to sign-in. */
const authLostLink: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        complete: () => observer.complete(),
        error(err) {
          const code = err.data?.appCode;
          if (op.path !== 'auth.login' && (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED')) onAuthLost(code);
          observer.error(err);
        },
      }),
    );

/** The typed client. One request per call (no batching), cookies sent by the browser. */
export const trpc = createTRPCClient<AppRouter>({
  links: [authLostLink, httpLink({ url: '/trpc', transformer: superjson, headers: ({ op }) => keyHeader(op.context) })],
});

export const isClientError = (err: unknown): err is ClientError => err instanceof TRPCClientError;

/**
 * `npm start`: the web app built when it is stale (ensure-web.ts), then the app, in this one process.
 * package.json runs it with `exec`, so no shell stands between npm and the app: a supervisor's SIGTERM
 * to npm, which npm passes on to its child, reaches the app (tsx hands it on). A shell in between died of
 * it and left the app serving (tests/start/start-stop.test.ts).
 */
await import('./ensure-web.js');
await import('../src/main.js');

/**
 * `npm start`: the web app built when it is stale (ensure-web.ts), then the app, in this one process (run
 * by node with tsx's loader: tsx's own process relayed a Ctrl-C that had already reached the app, and
 * killed an app whose loop was busy). The app stops once whatever started it is gone (main.ts): a
 * supervisor's SIGTERM to npm ends npm and its shell, and an app left behind would go on serving.
 */
// Taken first: a build below can take a while, and whatever started us may go meanwhile.
process.env.JISR_STOP_WITH = String(process.ppid);
await import('./ensure-web.js');
await import('../src/main.js');

/**
 * `npm start`: the web app built when it is stale (ensure-web.ts), then the app, in this one process
 * (run by node with tsx's loader, so no tsx process stands between: tsx's own relay killed an app whose
 * event loop was busy when a signal reached it twice). The app stops with whatever started it: a
 * supervisor's SIGTERM to npm ends npm and its shell, and an app left behind by them would go on serving.
 */
import { watchParent } from '../src/lib/parent.js';

await import('./ensure-web.js');
watchParent(() => process.kill(process.pid, 'SIGTERM'));
await import('../src/main.js');

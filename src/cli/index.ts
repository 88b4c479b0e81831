import { runCli } from './dispatch.js';

// `npm run jisr -- <command> [flags]`; the exit code says how it went (see `help`).
process.exitCode = await runCli(process.argv.slice(2), process.env, console);

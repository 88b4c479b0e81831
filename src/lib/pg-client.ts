import pg from 'pg';

/**
 * A single connection for set-up work (migrations, the job runner's set-up lock, CREATE DATABASE).
 * A connection lost while idle between two statements (the server shutting down, a restart) is an
 * 'error' event, and one with no listener kills the process; here the next statement fails instead,
 * and its caller reports that.
 */
export async function connectClient(url: string): Promise<pg.Client> {
  // A server that takes the connection and never answers must not hold the start-up for ever.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

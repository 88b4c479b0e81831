import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface Received {
  to: string[];
  subject: string;
  text: string;
  language: string | undefined;
}

/**
 * A real SMTP server in this process: what the alerts job sends arrives here and is parsed back.
 * `failNext(n)` makes the next n messages be refused (a 451), to test the retries.
 */
export async function startSmtp() {
  const received: Received[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if (refuse > 0) {
          refuse--;
          const err = Object.assign(new Error('try later'), { responseCode: 451 });
          return done(err);
        }
        const mail = await simpleParser(Buffer.concat(chunks));
        const lang = mail.headers.get('content-language');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          language: typeof lang === 'string' ? lang : undefined,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext(n: number) {
      refuse = n;
    },
    to: (address: string) => received.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

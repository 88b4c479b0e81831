import nodemailer from 'nodemailer';

/** A message to one person; the channel decides how it reaches them. */
export interface AlertMessage {
  /** The channel's address for the recipient (an e-mail address for the e-mail channel). */
  to: string;
  subject: string;
  text: string;
  /** The recipient's language, for channels that mark it (e-mail's Content-Language). */
  locale: string;
}

/**
 * How alerts leave the app. E-mail is the only implementation; an SMS or WhatsApp gateway would be
 * another (it would need its own address for the user). `send` rejects when the message did not go.
 */
export interface AlertChannel {
  readonly name: string;
  send(message: AlertMessage): Promise<void>;
  close?(): void;
}

/** E-mail over SMTP (nodemailer): `smtpUrl` like `smtp://user:pass@host:587` or `smtps://…`. */
export function emailChannel(smtpUrl: string, from: string): AlertChannel {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    name: 'email',
    async send(m) {
      await transport.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        headers: { 'Content-Language': m.locale },
      });
    },
    close: () => transport.close(),
  };
}

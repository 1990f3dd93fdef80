import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A Message-ID derived from what the mail is about, so that a resend can be recognised as the same mail. */
  messageId?: string;
}

/** Sends e-mail; `enabled` is false when no SMTP server is configured. */
export interface Mailer {
  enabled: boolean;
  send(message: MailMessage): Promise<void>;
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new Error("No SMTP server is configured (set AIMS_SMTP_URL).");
      },
    };
  }
  // Sending runs before the inviter gets an answer, so a silent SMTP server must fail fast rather than
  // hold the request for nodemailer's default minutes; settings in the URL's query still win.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    enabled: true,
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
  };
}

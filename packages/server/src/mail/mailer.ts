import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
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
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    send: async (message) => {
      await transport.sendMail({ from, ...message });
    },
  };
}

import type { Mailer } from "../mail/mailer.js";

/**
 * Mails the one-time link that proves the organisation controls the domain; called after the
 * transaction commits. Returns false when the mail server refused or could not be reached.
 */
export async function sendDomainVerificationEmail(
  mailer: Mailer,
  input: { to: string; domain: string; orgName: string; requester: string; verifyUrl: string; expiresAt: Date },
): Promise<boolean> {
  try {
    await mailer.send({
      to: input.to,
      subject: `Confirm that ${input.orgName} controls ${input.domain} on OpenAIMS`,
      text: [
        `${input.requester} asks you to confirm that the organisation ${input.orgName} controls the e-mail domain ${input.domain} on OpenAIMS.`,
        "",
        `Once confirmed, people with ${input.domain} addresses may sign in to ${input.orgName} through its single sign-on, and any other organisation's claim on ${input.domain} is revoked.`,
        "",
        `Open this link and press Confirm: ${input.verifyUrl}`,
        "",
        `The link works once and expires on ${input.expiresAt.toISOString().replace("T", " ").slice(0, 16)} UTC. If you do not recognise this request, ignore this message: nothing changes until someone confirms.`,
      ].join("\n"),
    });
    return true;
  } catch {
    return false;
  }
}

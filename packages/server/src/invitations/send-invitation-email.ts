import type { Mailer } from "../mail/mailer.js";

/**
 * E-mails the invitation link when SMTP is configured; called after the transaction commits. A mail failure does not undo the invitation:
 * the inviter still gets the link to pass on, and `emailSent` tells them to.
 */
export async function sendInvitationEmail(
  mailer: Mailer,
  input: { orgName: string; inviter: string; email: string; role: string; acceptUrl: string },
): Promise<boolean> {
  if (!mailer.enabled) return false;
  try {
    await mailer.send({
      to: input.email,
      subject: `${input.inviter} invited you to ${input.orgName} on OpenAIMS`,
      text: [
        `${input.inviter} invited you to join ${input.orgName} on OpenAIMS as ${input.role.replace("_", " ")}.`,
        "",
        `Accept the invitation: ${input.acceptUrl}`,
        "",
        "The link works once and expires; if you did not expect it, ignore this message.",
      ].join("\n"),
    });
    return true;
  } catch {
    return false;
  }
}

import { emailSchema } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { ProviderIdentity } from "./oidc-client.js";
import { domainOf } from "./sso-configs.js";

const NAME_MAX = 200;

/**
 * Decides whether the provider's answer identifies someone this organisation admits: a well-formed
 * e-mail the provider has verified, in one of the organisation's domains. Returns who they are.
 */
export function acceptIdentity(
  identity: ProviderIdentity,
  allowedDomains: readonly string[],
): { email: string; name: string } {
  const parsed = emailSchema.safeParse(identity.email);
  if (!parsed.success) {
    throw new AppError(
      "unauthenticated",
      "The identity provider did not share an e-mail address. Ask your administrator to release the email claim.",
    );
  }
  const email = parsed.data;
  // Some providers send the flag as the string "true"; anything else, or its absence, is unverified.
  if (identity.emailVerified !== true && identity.emailVerified !== "true") {
    throw new AppError(
      "forbidden",
      `The identity provider has not verified ${email}. Verify the address there, then sign in again.`,
    );
  }
  const domain = domainOf(email);
  if (!allowedDomains.includes(domain)) {
    throw new AppError(
      "forbidden",
      `This organisation's single sign-on does not admit ${domain} addresses (${email}).`,
    );
  }
  const given = typeof identity.name === "string" ? identity.name.trim() : "";
  return { email, name: (given || email).slice(0, NAME_MAX) };
}

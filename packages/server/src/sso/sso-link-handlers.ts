import type { Routes } from "@openaims/contracts";
import { checkPasswordWithLockout, LOCKED_MESSAGE } from "../auth/password-lockout.js";
import { countAttemptFromAddress } from "../auth/signin-throttle.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { deletePendingLink, findPendingLink } from "./pending-links.js";
import { admitSsoUser } from "./sign-in-with-sso.js";
import { domainOf, findEnabledSsoConfig } from "./sso-configs.js";
import { clearSsoCookie, readSsoCookie } from "./sso-cookies.js";
import { admittedDomains } from "./sso-domains.js";

const NO_LINK =
  "No account link is waiting in this browser, or it expired (links wait ten minutes). Start single sign-on again.";
const WRONG_PASSWORD = "The password is incorrect.";

/** What the link page shows: which account, and which organisation's provider would sign it in. */
export const getSsoLink: Handler<Routes["getSsoLink"]> = async ({ tx, request }) => {
  const secret = readSsoCookie(request, "link");
  const pending = secret ? await findPendingLink(tx, secret) : undefined;
  if (!pending) throw new AppError("not_found", NO_LINK);
  return { email: pending.email, orgName: pending.org_name, expiresAt: pending.expires_at.toISOString() };
};

/**
 * Links the provider identity waiting in this browser to the existing account once its password is
 * given, then signs in as with single sign-on. Every attempt counts against the client address like
 * a password sign-in, and wrong passwords count towards the account's lock-out; the pending link
 * stays until it succeeds or expires.
 */
export const linkSsoAccount: Handler<Routes["linkSsoAccount"]> = async ({
  input,
  tx,
  deps,
  request,
  reply,
  requestId,
  failAfterCommit,
}) => {
  await countAttemptFromAddress(
    tx,
    request.ip,
    "Too many sign-in attempts from your address. Wait a few minutes and try again.",
  );
  const secret = readSsoCookie(request, "link");
  const pending = secret ? await findPendingLink(tx, secret, true) : undefined;
  if (!pending) {
    clearSsoCookie(reply, deps.config, "link");
    // Commit, so the attempt still counts against the address.
    failAfterCommit(new AppError("not_found", NO_LINK));
    return undefined as never;
  }
  const user = await tx
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash", "failed_signins", "locked_until"])
    .where("id", "=", pending.user_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const check = await checkPasswordWithLockout(tx, user, input.body.password, requestId, "sso_link");
  if (check !== "ok") {
    failAfterCommit(
      check === "locked"
        ? new AppError("account_locked", LOCKED_MESSAGE)
        : new AppError("unauthenticated", WRONG_PASSWORD),
    );
    return undefined as never;
  }
  // The organisation may have turned single sign-on off, or lost the domain, while the person typed.
  const sso = await findEnabledSsoConfig(tx, pending.org_id);
  if (!sso || sso.issuer !== pending.issuer)
    throw new AppError("not_found", "Single sign-on was turned off or changed for this organisation. Start again.");
  const domain = domainOf(user.email);
  if (!(await admittedDomains(tx, sso)).includes(domain))
    throw new AppError("forbidden", `This organisation's single sign-on no longer admits ${domain} addresses.`);
  if (!(await deletePendingLink(tx, pending.secret_hash))) throw new AppError("not_found", NO_LINK);
  clearSsoCookie(reply, deps.config, "link");
  return admitSsoUser(
    tx,
    { deps, request, reply },
    user,
    {
      orgId: pending.org_id,
      issuer: pending.issuer,
      subject: pending.subject,
      defaultRole: sso.default_role,
      requestId,
    },
    "password",
  );
};

import type { Routes } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { auditActorOf } from "../http/register-routes.js";
import { loadMe } from "../me/present-me.js";
import { checkPasswordWithLockout, LOCKED_MESSAGE } from "./password-lockout.js";
import { recordUserEvent } from "./record-user-event.js";
import { clearSessionCookie } from "./session-cookie.js";
import { revokeSession } from "./sessions.js";
import { signinActor } from "./signin-actor.js";
import { countAttemptFromAddress } from "./signin-throttle.js";
import { startSession } from "./start-session.js";

const WRONG = "E-mail or password is incorrect.";

export const login: Handler<Routes["login"]> = async ({
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
  const user = await tx
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash", "failed_signins", "locked_until"])
    .where("email", "=", input.body.email)
    .forUpdate()
    .executeTakeFirst();
  const check = await checkPasswordWithLockout(tx, user, input.body.password, requestId);
  if (check !== "ok" || !user) {
    failAfterCommit(
      check === "locked" ? new AppError("account_locked", LOCKED_MESSAGE) : new AppError("unauthenticated", WRONG),
    );
    return undefined as never;
  }
  await recordUserEvent(tx, user.id, signinActor(user), requestId, {
    action: "user.signed_in",
    entityType: "user",
    entityId: user.id,
  });
  return startSession(tx, deps, request, reply, user.id, "password");
};

export const logout: Handler<Routes["logout"]> = async ({ tx, actor, deps, reply, requestId }) => {
  if (actor.sessionId) {
    await revokeSession(tx, actor.sessionId);
    await recordUserEvent(tx, actor.userId, auditActorOf(actor), requestId, {
      action: "user.signed_out",
      entityType: "user",
      entityId: actor.userId,
    });
  }
  clearSessionCookie(reply, deps.config);
  return { ok: true as const };
};

export const getSession: Handler<Routes["getSession"]> = async ({ tx, actor }) => {
  if (actor.via !== "session" || !actor.csrfToken)
    throw new AppError("unauthenticated", "No browser session; API tokens have no session.");
  return { me: await loadMe(tx, actor), csrfToken: actor.csrfToken };
};

export const getAuthConfig: Handler<Routes["getAuthConfig"]> = async ({ tx }) => {
  const sso = await tx
    .selectFrom("sso_configs")
    .select("org_id")
    .where("enabled", "=", true)
    .limit(1)
    .executeTakeFirst();
  const user = await tx.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return { ssoAvailable: Boolean(sso), setupRequired: !user };
};

import type { Routes } from "@openaims/contracts";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { recordUserEvent } from "../auth/record-user-event.js";
import { revokeOtherSessions } from "../auth/sessions.js";
import { staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { auditActorOf } from "../http/register-routes.js";
import { loadMe } from "./present-me.js";

export const getMe: Handler<Routes["getMe"]> = async ({ tx, actor }) => loadMe(tx, actor);

export const updateMe: Handler<Routes["updateMe"]> = async ({ tx, actor, input, requestId }) => {
  const user = await tx
    .selectFrom("users")
    .select(["name", "version"])
    .where("id", "=", actor.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (user.version !== input.body.version) throw staleVersion("account", user.version, input.body.version);
  if (user.name !== input.body.name) {
    await tx
      .updateTable("users")
      .set({ name: input.body.name, version: user.version + 1, updated_at: new Date() })
      .where("id", "=", actor.userId)
      .execute();
    await recordUserEvent(tx, actor.userId, auditActorOf(actor), requestId, {
      action: "user.updated",
      entityType: "user",
      entityId: actor.userId,
      changes: { name: { before: user.name, after: input.body.name } },
    });
  }
  return loadMe(tx, actor);
};

export const changePassword: Handler<Routes["changePassword"]> = async ({ tx, actor, input, requestId }) => {
  const user = await tx
    .selectFrom("users")
    .select(["password_hash", "version"])
    .where("id", "=", actor.userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.body.currentPassword))) {
    throw invalidField("body.currentPassword", "does not match your current password");
  }
  await tx
    .updateTable("users")
    .set({
      password_hash: await hashPassword(input.body.newPassword),
      version: user.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", actor.userId)
    .execute();
  await revokeOtherSessions(tx, actor.userId, actor.sessionId);
  await recordUserEvent(tx, actor.userId, auditActorOf(actor), requestId, {
    action: "user.password_changed",
    entityType: "user",
    entityId: actor.userId,
    changes: { password: { before: "[redacted]", after: "[redacted]" } },
  });
  return { ok: true as const };
};

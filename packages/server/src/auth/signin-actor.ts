import type { AuditActor } from "../audit/append-audit-entry.js";

/** The actor of a sign-in event: the person signing in. */
export function signinActor(user: { id: string; name: string; email: string }): AuditActor {
  return { type: "user", id: user.id, label: `${user.name} <${user.email}>` };
}

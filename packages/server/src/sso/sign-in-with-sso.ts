import { randomUUID } from "node:crypto";
import type { sessionResponseSchema } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { z } from "zod";
import { appendAuditEntry } from "../audit/append-audit-entry.js";
import { createUser } from "../auth/create-user.js";
import { recordUserEvent } from "../auth/record-user-event.js";
import { signinActor } from "../auth/signin-actor.js";
import { startSession } from "../auth/start-session.js";
import { AppError } from "../http/app-error.js";
import type { ServerDeps } from "../http/handler-context.js";
import { beginPendingLink } from "./pending-links.js";
import {
  findLinkedUser,
  isUnlinkedSsoMember,
  type LinkVia,
  linkIdentity,
  type ProviderSubject,
} from "./sso-identities.js";

export interface SsoSignIn extends ProviderSubject {
  email: string;
  name: string;
  defaultRole: string;
  requestId: string;
  /**
   * The account this browser is already signed in to, without single sign-on (password, setup or
   * invitation session), if any: being signed in to the account is as good as its password.
   */
  browserUserId: string | null;
}

export type SsoSignInOutcome =
  | { kind: "signed_in" }
  /** The account exists and has not linked this provider: the browser must give its password first. */
  | { kind: "link_pending"; browserSecret: string };

interface Http {
  deps: ServerDeps;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Signs in a person the organisation's identity provider vouched for, inside one transaction.
 *
 * The provider's identity (issuer + `sub`) signs in the account it was linked to. An unlinked identity
 * gets a new account (without a password), a membership with the configured role and its link when
 * nobody has the e-mail yet; an existing account is never taken on the provider's word for the
 * e-mail: it is linked only with that account's password (returned as `link_pending`), in a browser
 * already signed in to it, or when single sign-on of this organisation created it before links were
 * recorded. A membership an administrator archived stays archived: the provider's word does not undo
 * a removal.
 */
export async function signInWithSso(tx: Kysely<Database>, http: Http, input: SsoSignIn): Promise<SsoSignInOutcome> {
  const linked = await findLinkedUser(tx, input);
  if (linked) {
    await admitSsoUser(tx, http, linked, input, null);
    return { kind: "signed_in" };
  }
  const existing = await tx
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash"])
    .where("email", "=", input.email)
    .forUpdate()
    .executeTakeFirst();
  if (!existing) {
    const user = await createUser(tx, { email: input.email, name: input.name, password: null });
    await admitSsoUser(tx, http, user, input, "new_account");
    return { kind: "signed_in" };
  }
  if (input.browserUserId === existing.id) {
    await admitSsoUser(tx, http, existing, input, "signed_in_session");
    return { kind: "signed_in" };
  }
  if (existing.password_hash === null) {
    if (await isUnlinkedSsoMember(tx, existing.id, input.orgId)) {
      await admitSsoUser(tx, http, existing, input, "existing_member");
      return { kind: "signed_in" };
    }
    const org = await tx
      .selectFrom("organizations")
      .select("name")
      .where("id", "=", input.orgId)
      .executeTakeFirstOrThrow();
    throw new AppError(
      "forbidden",
      `${existing.email} already has an account that signs in only through another organisation's single sign-on, so ${org.name}'s identity provider cannot sign it in. Ask your OpenAIMS administrator to set a password for the account (aims user set-password), then sign in with single sign-on again and confirm the link with that password.`,
    );
  }
  const browserSecret = await beginPendingLink(tx, { ...input, userId: existing.id });
  return { kind: "link_pending", browserSecret };
}

/**
 * Lets a person the provider vouched for into the organisation: refuses an archived membership,
 * links the identity when `linkVia` is given, adds a membership with the default role when there is
 * none, records the sign-in and opens a session that covers this organisation only.
 */
export async function admitSsoUser(
  tx: Kysely<Database>,
  http: Http,
  user: { id: string; email: string; name: string },
  input: ProviderSubject & { defaultRole: string; requestId: string },
  linkVia: LinkVia | null,
): Promise<z.input<typeof sessionResponseSchema>> {
  const membership = await tx
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select(["memberships.id", "memberships.archived_at", "organizations.name as org_name"])
    .where("memberships.org_id", "=", input.orgId)
    .where("memberships.user_id", "=", user.id)
    .forUpdate(["memberships"])
    .executeTakeFirst();
  if (membership?.archived_at) {
    throw new AppError(
      "forbidden",
      `An administrator removed ${user.email} from ${membership.org_name}. Ask them to invite you again.`,
    );
  }
  const actor = signinActor(user);
  if (!membership) {
    const id = randomUUID();
    await tx
      .insertInto("memberships")
      .values({ id, org_id: input.orgId, user_id: user.id, role: input.defaultRole })
      .execute();
    await appendAuditEntry(tx, {
      orgId: input.orgId,
      actor,
      requestId: input.requestId,
      action: "member.added",
      entityType: "member",
      entityId: id,
      changes: {
        userId: { before: null, after: user.id },
        role: { before: null, after: input.defaultRole },
        via: { before: null, after: "sso" },
      },
    });
  }
  if (linkVia) {
    await linkIdentity(tx, { ...input, userId: user.id, via: linkVia, actor });
  }
  await recordUserEvent(tx, user.id, actor, input.requestId, {
    action: "user.signed_in",
    entityType: "user",
    entityId: user.id,
    changes: { method: { before: null, after: "sso" } },
  });
  // The session covers this organisation only: its identity provider vouches for nobody elsewhere.
  return startSession(tx, http.deps, http.request, http.reply, user.id, "sso", input.orgId);
}

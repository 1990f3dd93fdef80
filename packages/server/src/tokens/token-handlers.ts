import { type Routes, roleAllows } from "@openaims/contracts";
import { AppError, notFound, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { auditActorOf } from "../http/register-routes.js";
import { createApiToken } from "./create-api-token.js";
import { revokeApiToken } from "./revoke-api-token.js";
import { findToken, presentToken, tokenQuery } from "./token-queries.js";

export const listTokens: Handler<Routes["listTokens"]> = async ({ tx, org, actor, input }) => {
  const { limit, cursor: rawCursor, status, mine } = input.query;
  const sort = keysetSort("-createdAt", { createdAt: "api_tokens.created_at" }, "api_tokens.id");
  const cursor = parseCursor(rawCursor);
  let query = tokenQuery(tx, org.orgId);
  // Without tokens.manage_all a member sees only their own tokens.
  if (mine === "true" || !roleAllows(org.role, "tokens.manage_all"))
    query = query.where("api_tokens.user_id", "=", actor.userId);
  const now = new Date();
  if (status === "revoked") query = query.where("api_tokens.revoked_at", "is not", null);
  if (status === "active") {
    query = query
      .where("api_tokens.revoked_at", "is", null)
      .where((eb) => eb.or([eb("api_tokens.expires_at", "is", null), eb("api_tokens.expires_at", ">", now)]));
  }
  if (status === "expired")
    query = query.where("api_tokens.revoked_at", "is", null).where("api_tokens.expires_at", "<=", now);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("api_tokens.created_at", "desc")
    .orderBy("api_tokens.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(rows, limit, (row) => ({ k: row.created_at.toISOString(), id: row.id }), presentToken);
};

export const createToken: Handler<Routes["createToken"]> = async ({ tx, org, actor, input, requestId }) => {
  const { id, secret } = await createApiToken(tx, {
    orgId: org.orgId,
    userId: actor.userId,
    name: input.body.name,
    scope: input.body.scope,
    expiresInDays: input.body.expiresInDays,
    actor: auditActorOf(actor),
    requestId,
  });
  return { token: presentToken(await findToken(tx, org.orgId, id)), secret };
};

export const revokeToken: Handler<Routes["revokeToken"]> = async ({ tx, org, actor, input, requestId }) => {
  const row = await findToken(tx, org.orgId, input.params.tokenId, true);
  if (row.user_id !== actor.userId && !roleAllows(org.role, "tokens.manage_all")) throw notFound("API token", row.id);
  if (row.version !== input.body.version) throw staleVersion("API token", row.version, input.body.version);
  if (row.revoked_at) throw new AppError("illegal_transition", "This token is already revoked.");
  await revokeApiToken(tx, { id: row.id, orgId: org.orgId, version: row.version }, auditActorOf(actor), requestId);
  return presentToken(await findToken(tx, org.orgId, row.id));
};

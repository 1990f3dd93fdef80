import type { Role, Routes, SsoConfig } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Selectable } from "kysely";
import { AppError, staleVersion } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { assertDomainsVerified } from "./sso-domains.js";

function presentSsoConfig(row: Selectable<Database["sso_configs"]>): SsoConfig {
  return {
    enabled: row.enabled,
    issuer: row.issuer,
    clientId: row.client_id,
    clientSecretSet: row.client_secret !== null,
    allowedDomains: row.allowed_domains,
    defaultRole: row.default_role as Role,
    version: row.version,
  };
}

/** The configuration as the audit trail records it: everything shown, without the version counter. */
function auditedFields(row: Selectable<Database["sso_configs"]>): Record<string, unknown> {
  const { version: _version, ...fields } = presentSsoConfig(row);
  return fields;
}

export const getSsoConfig: Handler<Routes["getSsoConfig"]> = async ({ tx, org }) => {
  const row = await tx.selectFrom("sso_configs").selectAll().where("org_id", "=", org.orgId).executeTakeFirst();
  return row ? presentSsoConfig(row) : null;
};

export const putSsoConfig: Handler<Routes["putSsoConfig"]> = async ({ tx, org, input, audit, deps }) => {
  const body = input.body;
  const existing = await tx
    .selectFrom("sso_configs")
    .selectAll()
    .where("org_id", "=", org.orgId)
    .forUpdate()
    .executeTakeFirst();
  const domains = [...new Set(body.allowedDomains)].sort();
  // Stored sealed under the server's key, bound to this organisation.
  const sealed = (secret: string | undefined) => (secret ? deps.secrets.seal(org.orgId, secret) : null);
  // Only domains this organisation proved it controls; at most one organisation holds each verified.
  await assertDomainsVerified(tx, org.orgId, body.allowedDomains, "body.allowedDomains");
  const values = {
    enabled: body.enabled,
    issuer: body.issuer.replace(/\/+$/, ""),
    client_id: body.clientId,
    allowed_domains: domains,
    default_role: body.defaultRole,
  };
  let row: Selectable<Database["sso_configs"]>;
  if (!existing) {
    if (body.version !== undefined)
      throw new AppError("not_found", "There is no single sign-on configuration to update yet; omit version.");
    row = await tx
      .insertInto("sso_configs")
      .values({ org_id: org.orgId, ...values, client_secret: sealed(body.clientSecret) })
      .returningAll()
      .executeTakeFirstOrThrow();
  } else {
    if (body.version === undefined)
      throw invalidField(
        "body.version",
        "is required when changing a saved configuration; reload and try again",
        "Version",
      );
    if (existing.version !== body.version)
      throw staleVersion("single sign-on configuration", existing.version, body.version);
    row = await tx
      .updateTable("sso_configs")
      .set({
        ...values,
        ...(body.clientSecret ? { client_secret: sealed(body.clientSecret) } : {}),
        version: existing.version + 1,
        updated_at: new Date(),
      })
      .where("org_id", "=", org.orgId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const changes = diffChanges(existing ? auditedFields(existing) : null, auditedFields(row));
  if (body.clientSecret)
    changes.clientSecret = { before: existing?.client_secret ? "[redacted]" : null, after: "[redacted]" };
  await audit({
    action: existing ? "sso.updated" : "sso.configured",
    entityType: "sso_config",
    entityId: org.orgId,
    changes,
  });
  return presentSsoConfig(row);
};

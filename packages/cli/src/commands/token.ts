import { createTokenRequestSchema, idSchema } from "@openaims/contracts";
import { createApiToken, revokeApiToken } from "@openaims/server";
import { type Command, Option } from "commander";
import { cliActor } from "../cli-actor.js";
import { notFoundError, refusedError, usageError } from "../cli-error.js";
import { parseFlag } from "../input.js";
import type { CliIo } from "../io.js";
import { activeMembershipsOf, findOrganization, findUserByEmail } from "../lookups.js";
import { printJson, printTable, shortTime } from "../output.js";
import { type StorageFlags, withDataDirOption, withStorage } from "../storage.js";

interface CreateFlags extends StorageFlags {
  email: string;
  scope: "read" | "write";
  org?: string;
  name: string;
  expiresDays?: string;
  expiry: boolean;
  json?: boolean;
}

export function registerTokenCommands(program: Command, io: CliIo): void {
  const token = program
    .command("token")
    .description("Issue, list and revoke API tokens (works on the data directory while no server holds it)");
  withDataDirOption(
    token
      .command("create")
      .description("Issue an API token for a member; the secret is printed once")
      .requiredOption("--email <email>", "the member the token acts as")
      .addOption(
        new Option("--scope <scope>", "what the token may do").choices(["read", "write"]).makeOptionMandatory(),
      )
      .option("--org <idOrSlug>", "organisation (required when the member belongs to several)")
      .option("--name <name>", "label shown in token lists", "CLI token")
      .option("--expires-days <n>", "days until the token expires, 1-730 (default 90)")
      .option("--no-expiry", "the token never expires")
      .option("--json", "print JSON: {id, secret, orgId, scope, expiresAt}"),
  ).action((flags: CreateFlags) => createToken(flags, io));
  withDataDirOption(
    token
      .command("list")
      .description("List a member's API tokens in all their organisations")
      .requiredOption("--email <email>", "the member whose tokens to list")
      .option("--json", "print JSON"),
  ).action((flags: StorageFlags & { email: string; json?: boolean }) => listTokens(flags, io));
  withDataDirOption(token.command("revoke").description("Revoke an API token").argument("<id>", "token id")).action(
    (id: string, flags: StorageFlags) => revokeToken(id, flags, io),
  );
}

async function createToken(flags: CreateFlags, io: CliIo): Promise<void> {
  if (flags.expiresDays !== undefined && !flags.expiry)
    throw usageError("Choose either --expires-days or --no-expiry.");
  const request = {
    name: parseFlag(createTokenRequestSchema.shape.name, flags.name, "--name"),
    scope: flags.scope,
    expiresInDays: flags.expiry
      ? parseFlag(
          createTokenRequestSchema.shape.expiresInDays,
          flags.expiresDays === undefined ? 90 : Number(flags.expiresDays),
          "--expires-days",
        )
      : null,
  };
  const created = await withStorage(flags, io, "migrate", async ({ database }) => {
    const user = await findUserByEmail(database.db, flags.email);
    const orgId = await chooseOrganization(database.db, user, flags.org);
    return database.db.transaction().execute(async (tx) => {
      const { id, secret } = await createApiToken(tx, {
        orgId,
        userId: user.id,
        name: request.name,
        scope: request.scope,
        expiresInDays: request.expiresInDays,
        actor: cliActor,
        requestId: null,
      });
      const row = await tx.selectFrom("api_tokens").select("expires_at").where("id", "=", id).executeTakeFirstOrThrow();
      return { id, secret, orgId, scope: request.scope, expiresAt: row.expires_at?.toISOString() ?? null };
    });
  });
  if (flags.json) return printJson(io, created);
  io.stdout(
    `Created ${created.scope} token ${created.id} for ${flags.email.trim().toLowerCase()} in organisation ${created.orgId}, ` +
      `${created.expiresAt ? `expiring ${created.expiresAt}` : "never expiring"}.\n` +
      "Copy the secret now; it is not shown again:\n\n" +
      `${created.secret}\n`,
  );
}

type Db = Parameters<typeof findUserByEmail>[0];

async function chooseOrganization(
  db: Db,
  user: { id: string; email: string },
  orgFlag: string | undefined,
): Promise<string> {
  const memberships = await activeMembershipsOf(db, user.id);
  if (orgFlag !== undefined) {
    const org = await findOrganization(db, orgFlag);
    if (!memberships.some((m) => m.orgId === org.id))
      throw notFoundError(`${user.email} is not an active member of '${org.slug}'.`);
    return org.id;
  }
  const [only, ...others] = memberships;
  if (!only) throw notFoundError(`${user.email} is not an active member of any organisation.`);
  if (others.length > 0) {
    throw usageError(
      `${user.email} belongs to several organisations; choose one with --org (${memberships.map((m) => m.slug).join(", ")}).`,
    );
  }
  return only.orgId;
}

async function listTokens(flags: StorageFlags & { email: string; json?: boolean }, io: CliIo): Promise<void> {
  const tokens = await withStorage(flags, io, "require", async ({ database }) => {
    const user = await findUserByEmail(database.db, flags.email);
    return database.db
      .selectFrom("api_tokens")
      .innerJoin("organizations", "organizations.id", "api_tokens.org_id")
      .select([
        "api_tokens.id",
        "api_tokens.name",
        "api_tokens.scope",
        "api_tokens.prefix",
        "api_tokens.expires_at",
        "api_tokens.last_used_at",
        "api_tokens.revoked_at",
        "api_tokens.created_at",
        "organizations.id as org_id",
        "organizations.slug as org_slug",
      ])
      .where("api_tokens.user_id", "=", user.id)
      .orderBy("api_tokens.created_at", "desc")
      .execute();
  });
  const now = Date.now();
  const presented = tokens.map((t) => ({
    id: t.id,
    orgId: t.org_id,
    orgSlug: t.org_slug,
    name: t.name,
    scope: t.scope,
    prefix: t.prefix,
    status: t.revoked_at ? "revoked" : t.expires_at && t.expires_at.getTime() <= now ? "expired" : "active",
    expiresAt: t.expires_at?.toISOString() ?? null,
    lastUsedAt: t.last_used_at?.toISOString() ?? null,
    createdAt: t.created_at.toISOString(),
  }));
  if (flags.json) return printJson(io, presented);
  if (presented.length === 0) return io.stdout("No API tokens.\n");
  printTable(
    io,
    ["ID", "ORGANISATION", "NAME", "SCOPE", "PREFIX", "STATUS", "EXPIRES"],
    tokens.map((t, i) => [
      t.id,
      t.org_slug,
      t.name,
      t.scope,
      t.prefix,
      presented[i]?.status ?? "",
      shortTime(t.expires_at),
    ]),
  );
}

async function revokeToken(rawId: string, flags: StorageFlags, io: CliIo): Promise<void> {
  const id = parseFlag(idSchema, rawId.trim(), "token id");
  await withStorage(flags, io, "migrate", ({ database }) =>
    database.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom("api_tokens")
        .select(["id", "org_id", "version", "revoked_at"])
        .where("id", "=", id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFoundError(`No API token with the id ${id}.`);
      if (row.revoked_at) throw refusedError(`API token ${id} is already revoked.`);
      await revokeApiToken(tx, { id, orgId: row.org_id, version: row.version }, cliActor, null);
    }),
  );
  io.stdout(`Revoked API token ${id}.\n`);
}

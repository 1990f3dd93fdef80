import { randomUUID } from "node:crypto";
import { emailSchema, nameSchema, roleSchema, roles } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import {
  type AuditEvent,
  appendAuditEntry,
  createUser,
  hashPassword,
  recordUserEvent,
  revokeOtherSessions,
} from "@openaims/server";
import { type Command, Option } from "commander";
import type { Kysely } from "kysely";
import { cliActor } from "../cli-actor.js";
import { refusedError, usageError } from "../cli-error.js";
import { parseFlag, readNewPassword } from "../input.js";
import type { CliIo } from "../io.js";
import { findOrganization, findUserByEmail } from "../lookups.js";
import { printJson, printTable, shortTime } from "../output.js";
import { type StorageFlags, withDataDirOption, withStorage } from "../storage.js";

interface CreateFlags extends StorageFlags {
  email: string;
  name: string;
  org?: string;
  role?: string;
  json?: boolean;
}

export function registerUserCommands(program: Command, io: CliIo): void {
  const user = program
    .command("user")
    .description("Manage accounts (works on the data directory while no server holds it)");
  withDataDirOption(
    user
      .command("create")
      .description(
        "Create an account (password from $AIMS_USER_PASSWORD or prompted), optionally adding it to an organisation",
      )
      .requiredOption("--email <email>", "e-mail address")
      .requiredOption("--name <name>", "display name")
      .option("--org <idOrSlug>", "organisation to add the account to")
      .addOption(new Option("--role <role>", "role in --org (default viewer)").choices(roles))
      .option("--json", "print JSON"),
  ).action((flags: CreateFlags) => createAccount(flags, io));
  withDataDirOption(
    user.command("list").description("List accounts and their organisations").option("--json", "print JSON"),
  ).action((flags: StorageFlags & { json?: boolean }) => listAccounts(flags, io));
  withDataDirOption(
    user
      .command("unlock")
      .description("Clear the lock-out after too many failed sign-ins")
      .requiredOption("--email <email>", "e-mail address"),
  ).action((flags: StorageFlags & { email: string }) => unlockAccount(flags, io));
  withDataDirOption(
    user
      .command("set-password")
      .description("Set a new password ($AIMS_USER_PASSWORD or prompted); ends the account's sessions")
      .requiredOption("--email <email>", "e-mail address"),
  ).action((flags: StorageFlags & { email: string }) => setPassword(flags, io));
}

async function createAccount(flags: CreateFlags, io: CliIo): Promise<void> {
  const email = parseFlag(emailSchema, flags.email, "--email");
  const name = parseFlag(nameSchema, flags.name, "--name");
  if (flags.role && !flags.org) throw usageError("--role needs --org.");
  const role = parseFlag(roleSchema, flags.role ?? "viewer", "--role");
  const created = await withStorage(flags, io, "migrate", async ({ database }) => {
    const db = database.db;
    if (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst()) {
      throw refusedError(`An account for ${email} already exists; nothing was changed.`);
    }
    const org = flags.org === undefined ? null : await findOrganization(db, flags.org);
    if (org?.archived_at) throw refusedError(`Organisation '${org.slug}' is archived.`);
    const password = await readNewPassword(io, "AIMS_USER_PASSWORD");
    return db.transaction().execute(async (tx) => {
      const user = await createUser(tx, { email, name, password });
      if (!org) return { userId: user.id, email, orgId: null, role: null };
      const membershipId = randomUUID();
      await tx.insertInto("memberships").values({ id: membershipId, org_id: org.id, user_id: user.id, role }).execute();
      await appendAuditEntry(tx, {
        orgId: org.id,
        actor: cliActor,
        requestId: null,
        action: "member.added",
        entityType: "member",
        entityId: membershipId,
        changes: { userId: { before: null, after: user.id }, role: { before: null, after: role } },
      });
      return { userId: user.id, email, orgId: org.id, role };
    });
  });
  if (flags.json) return printJson(io, created);
  io.stdout(
    `Created account ${email}${created.orgId ? ` as ${created.role} of organisation ${created.orgId}` : ""}.\n`,
  );
}

async function listAccounts(flags: StorageFlags & { json?: boolean }, io: CliIo): Promise<void> {
  const { users, memberships } = await withStorage(flags, io, "require", async ({ database }) => ({
    users: await database.db
      .selectFrom("users")
      .select(["id", "email", "name", "failed_signins", "locked_until", "created_at"])
      .orderBy("email")
      .execute(),
    memberships: await database.db
      .selectFrom("memberships")
      .innerJoin("organizations", "organizations.id", "memberships.org_id")
      .select(["memberships.user_id", "organizations.id", "organizations.slug", "memberships.role"])
      .where("memberships.archived_at", "is", null)
      .orderBy("organizations.slug")
      .execute(),
  }));
  const now = new Date();
  const presented = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    locked: u.locked_until !== null && u.locked_until > now,
    failedSignins: u.failed_signins,
    createdAt: u.created_at.toISOString(),
    organizations: memberships
      .filter((m) => m.user_id === u.id)
      .map((m) => ({ orgId: m.id, slug: m.slug, role: m.role })),
  }));
  if (flags.json) return printJson(io, presented);
  if (presented.length === 0) return io.stdout("No accounts yet. Create one with 'aims init'.\n");
  printTable(
    io,
    ["EMAIL", "NAME", "ORGANISATIONS", "LOCKED", "CREATED"],
    presented.map((u, i) => [
      u.email,
      u.name,
      u.organizations.map((o) => `${o.slug} (${o.role})`).join(", ") || "-",
      u.locked ? "yes" : "no",
      shortTime(users[i]?.created_at ?? null),
    ]),
  );
}

async function unlockAccount(flags: StorageFlags & { email: string }, io: CliIo): Promise<void> {
  const changed = await withStorage(flags, io, "migrate", ({ database }) =>
    database.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, flags.email);
      if (user.failed_signins === 0 && user.locked_until === null) return null;
      await tx.updateTable("users").set({ failed_signins: 0, locked_until: null }).where("id", "=", user.id).execute();
      await recordAccountEvent(tx, user.id, {
        action: "user.unlocked",
        entityType: "user",
        entityId: user.id,
        changes: {
          lockedUntil: { before: user.locked_until?.toISOString() ?? null, after: null },
          failedSignins: { before: user.failed_signins, after: 0 },
        },
      });
      return user.email;
    }),
  );
  io.stdout(changed ? `Unlocked ${changed}.\n` : "That account is not locked; nothing was changed.\n");
}

async function setPassword(flags: StorageFlags & { email: string }, io: CliIo): Promise<void> {
  const email = await withStorage(flags, io, "migrate", async ({ database }) => {
    const found = await findUserByEmail(database.db, flags.email);
    const passwordHash = await hashPassword(await readNewPassword(io, "AIMS_USER_PASSWORD"));
    return database.db.transaction().execute(async (tx) => {
      const user = await findUserByEmail(tx, found.email);
      const now = new Date();
      await tx
        .updateTable("users")
        .set({
          password_hash: passwordHash,
          failed_signins: 0,
          locked_until: null,
          version: user.version + 1,
          updated_at: now,
        })
        .where("id", "=", user.id)
        .execute();
      await revokeOtherSessions(tx, user.id, null);
      await recordAccountEvent(tx, user.id, {
        action: "user.password_reset",
        entityType: "user",
        entityId: user.id,
        changes: { password: { before: "[redacted]", after: "[redacted]" } },
      });
      return user.email;
    });
  });
  io.stdout(`Set a new password for ${email} and ended its sessions.\n`);
}

/** An account belongs to no single organisation, so its changes go into the trail of each of its organisations. */
function recordAccountEvent(tx: Kysely<Database>, userId: string, event: AuditEvent): Promise<void> {
  return recordUserEvent(tx, userId, cliActor, null, event);
}

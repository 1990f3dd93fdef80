import { emailSchema, nameSchema } from "@openaims/contracts";
import { createOrganization, createUser } from "@openaims/server";
import type { Command } from "commander";
import { cliActor } from "../cli-actor.js";
import { refusedError } from "../cli-error.js";
import { parseFlag, readNewPassword } from "../input.js";
import type { CliIo } from "../io.js";
import { type StorageFlags, withDataDirOption, withStorage } from "../storage.js";

interface InitFlags extends StorageFlags {
  org: string;
  email: string;
  name?: string;
  json?: boolean;
}

export function registerInitCommand(program: Command, io: CliIo): void {
  withDataDirOption(
    program
      .command("init")
      .description("Create an organisation and its owner account (password from $AIMS_INIT_PASSWORD or prompted)")
      .requiredOption("--org <name>", "organisation name")
      .requiredOption("--email <email>", "owner's e-mail address")
      .option("--name <name>", "owner's display name (default: the part of the e-mail before @)")
      .option("--json", "print JSON"),
  ).action((flags: InitFlags) => init(flags, io));
}

async function init(flags: InitFlags, io: CliIo): Promise<void> {
  const email = parseFlag(emailSchema, flags.email, "--email");
  const orgName = parseFlag(nameSchema, flags.org, "--org");
  const name = parseFlag(nameSchema, flags.name ?? email.split("@")[0], "--name");
  const created = await withStorage(flags, io, "migrate", async ({ database }) => {
    await refuseExistingEmail(database.db, email);
    // Hashing is slow on purpose; ask for the password only once the e-mail is known to be free.
    const password = await readNewPassword(io, "AIMS_INIT_PASSWORD");
    return database.db.transaction().execute(async (tx) => {
      const user = await createUser(tx, { email, name, password });
      const org = await createOrganization(tx, {
        name: orgName,
        ownerUserId: user.id,
        actor: cliActor,
        requestId: null,
      });
      return { user, org };
    });
  });
  if (flags.json) {
    io.stdout(
      `${JSON.stringify({ userId: created.user.id, email, orgId: created.org.id, orgSlug: created.org.slug })}\n`,
    );
    return;
  }
  io.stdout(
    `Created organisation '${created.org.name}' (${created.org.slug}, id ${created.org.id}) with owner ${email}.\n` +
      "Start the server with 'aims serve' and sign in.\n",
  );
}

async function refuseExistingEmail(db: Parameters<typeof createUser>[0], email: string): Promise<void> {
  const existing = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) throw refusedError(`An account for ${email} already exists; nothing was changed.`);
}

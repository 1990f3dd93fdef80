import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { AppError } from "../http/app-error.js";
import { hashPassword } from "./passwords.js";

/** Creates an account. The password may be null for people who only sign in through SSO. */
export async function createUser(
  tx: Kysely<Database>,
  input: { email: string; name: string; password: string | null },
): Promise<{ id: string; email: string; name: string }> {
  const email = input.email.trim().toLowerCase();
  const existing = await tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
  if (existing) throw new AppError("conflict", `An account for ${email} already exists.`);
  const user = { id: randomUUID(), email, name: input.name.trim() };
  await tx
    .insertInto("users")
    .values({ ...user, password_hash: input.password === null ? null : await hashPassword(input.password) })
    .execute();
  return user;
}

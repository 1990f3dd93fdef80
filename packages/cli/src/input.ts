import { passwordSchema } from "@openaims/contracts";
import type { z } from "zod";
import { usageError } from "./cli-error.js";
import type { CliIo } from "./io.js";

/** Parses a flag's value with a contract schema; a failure is a usage error naming the flag. */
export function parseFlag<T extends z.ZodType>(schema: T, value: unknown, flag: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw usageError(`${flag}: ${result.error.issues[0]?.message ?? "invalid value"}`);
}

/**
 * A new password from the named environment variable, or typed twice at the terminal. Without
 * either there is no safe way to get one, so the command stops.
 */
export async function readNewPassword(io: CliIo, envName: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return parseFlag(passwordSchema, fromEnv, envName);
  const first = await io.readSecret("Password (at least 12 characters): ");
  if (first === null)
    throw usageError(`No password given: set ${envName} or run this command in a terminal to type it.`);
  const password = parseFlag(passwordSchema, first, "password");
  const again = await io.readSecret("Repeat the password: ");
  if (again !== password) throw usageError("The two passwords do not match.");
  return password;
}

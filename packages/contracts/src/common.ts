import { z } from "zod";

export const idSchema = z.uuid();
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "must be an e-mail address" }));
export const nameSchema = z.string().trim().min(1).max(200);
export const reasonSchema = z.string().trim().min(3).max(2000);
export const passwordSchema = z.string().min(12, "must be at least 12 characters").max(1024);
export const versionSchema = z.number().int().min(1);
/** The earliest time a record may name: older ones are typing slips, and the database's driver cannot read years before 100 back. */
export const EARLIEST_TIMESTAMP_MS = Date.UTC(1900, 0, 1);
export const EARLIEST_TIMESTAMP_MESSAGE = "must be in the year 1900 or later";
/** For a value the datetime format already accepted; one it refused is left to that message alone. */
export const notBefore1900 = (value: string) => {
  const time = Date.parse(value);
  return Number.isNaN(time) || time >= EARLIEST_TIMESTAMP_MS;
};

export const timestampSchema = z.iso.datetime({ offset: true }).refine(notBefore1900, EARLIEST_TIMESTAMP_MESSAGE);

export const roles = ["owner", "admin", "compliance_manager", "contributor", "auditor", "viewer"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const tokenScopes = ["read", "write"] as const;
export const tokenScopeSchema = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** Query parameters every list route accepts. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const archiveRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });

export const okSchema = z.object({ ok: z.literal(true) });

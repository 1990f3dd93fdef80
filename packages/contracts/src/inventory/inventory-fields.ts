import { z } from "zod";
import { idSchema } from "../common.js";

/** Free text such as a purpose or a limitation: trimmed, empty when not given. */
export const longTextSchema = z.string().trim().max(5000);

/** A short line of text such as a version label or a website. */
export const shortTextSchema = z.string().trim().max(500);

/** A calendar date as 'YYYY-MM-DD'. */
export const calendarDateSchema = z.iso.date({ message: "must be a date written as YYYY-MM-DD" });

/** The person answerable for a record: a membership of the organisation. */
export const ownerSchema = z.object({ id: idSchema, name: z.string(), email: z.string() });
export type RecordOwner = z.infer<typeof ownerSchema>;

/** Whether a record is in use or archived (kept with its reason, never deleted). */
export const recordStatusSchema = z.enum(["active", "archived"]);

/** `archived` filter of inventory lists: active records (default), archived ones, or both. */
export const archivedFilterSchema = z.enum(["false", "true", "all"], { message: "must be one of false, true, all" });

import { z } from "zod";

/** A calendar date, 'YYYY-MM-DD'. */
export const riskDateSchema = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

/** A level on one of the method's scales, numbered from 1. */
export const riskLevelSchema = z.number().int("must be a whole number").min(1).max(6);

/** Ids from the threat library, e.g. "prompt_injection". */
export const threatIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "must be a threat id from the library");

/** Annex C risk-source ids such as "C.3.4". */
export const riskSourceIdSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^C\.3\.\d+$/, "must be an Annex C risk-source id such as C.3.4");

export const riskTitleSchema = z.string().trim().min(1, "needs a title").max(200);
export const riskDescriptionSchema = z.string().trim().max(5000);

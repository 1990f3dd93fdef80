import parseSpdx from "spdx-expression-parse";
import { z } from "zod";

/** The longest licence expression a record keeps. */
export const LICENCE_EXPRESSION_MAX = 1000;

/**
 * Why a licence expression is not valid SPDX, in plain words, or null when it is. SPDX ids are
 * matched exactly (`Apache-2.0`, not `apache 2.0`); a licence SPDX lacks is written `LicenseRef-<name>`.
 */
export function spdxExpressionProblem(expression: string): string | null {
  try {
    parseSpdx(expression);
    return null;
  } catch (error) {
    const detail = error instanceof Error && /offset \d+/.test(error.message) ? ` (${error.message})` : "";
    return `must be an SPDX licence expression such as "Apache-2.0" or "MIT OR Apache-2.0"; a licence SPDX does not list is written "LicenseRef-name"${detail}`;
  }
}

/** A licence as an SPDX expression, or null (or empty) when it is not known. */
export const licenceExpressionSchema = z
  .string()
  .trim()
  .max(LICENCE_EXPRESSION_MAX)
  .nullable()
  .superRefine((value, context) => {
    if (value === null || value === "") return;
    const problem = spdxExpressionProblem(value);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

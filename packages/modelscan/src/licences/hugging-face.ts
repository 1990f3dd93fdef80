import { spdxExpressionProblem } from "@openaims/contracts";
import { spdxIdOf } from "./known-licences.js";

/**
 * Hugging Face licence keys (the `license:` of a model card) whose SPDX or LicenseRef id is not
 * the key itself in SPDX's spelling. Keys that are SPDX ids written in lower case need no entry.
 */
const HF_KEYS: Record<string, string | null> = {
  llama2: "LicenseRef-Llama-2-Community",
  llama3: "LicenseRef-Llama-3-Community",
  "llama3.1": "LicenseRef-Llama-3.1-Community",
  "llama3.2": "LicenseRef-Llama-3.2-Community",
  "llama3.3": "LicenseRef-Llama-3.3-Community",
  llama4: "LicenseRef-Llama-4-Community",
  gemma: "LicenseRef-Gemma-Terms-of-Use",
  openrail: "LicenseRef-OpenRAIL",
  "openrail++": "LicenseRef-CreativeML-OpenRAIL-PlusPlus-M",
  "bigscience-openrail-m": "LicenseRef-BigScience-OpenRAIL-M",
  "creativeml-openrail-m": "LicenseRef-CreativeML-OpenRAIL-M",
  "bigscience-bloom-rail-1.0": "LicenseRef-BigScience-RAIL-1.0",
  "bigcode-openrail-m": "LicenseRef-BigCode-OpenRAIL-M",
  "deepfloyd-if-license": "LicenseRef-DeepFloyd-IF",
  "mistral-research": "LicenseRef-Mistral-Research",
  qwen: "LicenseRef-Qwen",
  "gpl-2.0": "GPL-2.0-only",
  "gpl-3.0": "GPL-3.0-only",
  "lgpl-2.1": "LGPL-2.1-only",
  "lgpl-3.0": "LGPL-3.0-only",
  "agpl-3.0": "AGPL-3.0-only",
  gpl: "GPL-3.0-or-later",
  lgpl: "LGPL-3.0-or-later",
  "odc-by": "ODC-By-1.0",
  odbl: "ODbL-1.0",
  pddl: "PDDL-1.0",
  unknown: null,
};

/** A LicenseRef id from free text: SPDX allows letters, digits, dots and hyphens only. */
export function licenseRefOf(name: string): string {
  const cleaned = name
    .trim()
    .replace(/[^A-Za-z0-9.-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 120);
  return `LicenseRef-${cleaned === "" ? "other" : cleaned}`;
}

/**
 * The SPDX expression for a Hugging Face licence key: the model licences SPDX lacks as their
 * LicenseRef, SPDX ids in SPDX's spelling, `other` as a LicenseRef made from `license_name`, and
 * null for `unknown`. A key that is already a valid expression is kept.
 */
export function hfLicenceToExpression(key: string, licenseName?: string): string | null {
  const lower = key.trim().toLowerCase();
  if (lower === "") return null;
  if (lower === "other") return licenseRefOf(licenseName ?? "other");
  if (lower in HF_KEYS) return HF_KEYS[lower] ?? null;
  const spdx = spdxIdOf(lower);
  if (spdx) return spdx;
  if (spdxExpressionProblem(key.trim()) === null) return key.trim();
  return licenseRefOf(key);
}

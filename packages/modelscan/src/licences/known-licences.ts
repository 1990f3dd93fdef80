import { createRequire } from "node:module";
import type { LicenceFlag } from "@openaims/contracts";

// Loaded with require: the CLI bundle keeps npm packages external, and Node refuses a JSON import
// whose attribute the bundler dropped.
const spdxIds = createRequire(import.meta.url)("spdx-license-ids") as string[];

/** A licence the table knows: its SPDX id or LicenseRef, its name, and what it asks of the user. */
export interface KnownLicence {
  id: string;
  name: string;
  flags: LicenceFlag[];
  /** One line, our words: the conditions that earned the flags. */
  note: string;
}

/**
 * Model licences the SPDX list (checked against spdx-license-ids in the tests) does not have, as
 * `LicenseRef-` ids. The flags record the conditions a policy cares about, not the whole licence.
 */
export const modelLicences: readonly KnownLicence[] = [
  {
    id: "LicenseRef-Llama-2-Community",
    name: "Llama 2 Community License",
    flags: ["user_count_limit", "acceptable_use_policy", "use_restrictions"],
    note: "Products with more than 700 million monthly users need a separate licence from Meta; use must follow Meta's acceptable use policy; outputs may not be used to improve other large language models.",
  },
  {
    id: "LicenseRef-Llama-3-Community",
    name: "Meta Llama 3 Community License",
    flags: ["user_count_limit", "acceptable_use_policy", "attribution", "use_restrictions"],
    note: "The 700 million monthly users limit and the acceptable use policy apply; products must say they are built with Meta Llama 3; outputs may not improve other large language models.",
  },
  {
    id: "LicenseRef-Llama-3.1-Community",
    name: "Llama 3.1 Community License",
    flags: ["user_count_limit", "acceptable_use_policy", "attribution"],
    note: "The 700 million monthly users limit and the acceptable use policy apply; derived models must carry the Llama name and products the attribution notice.",
  },
  {
    id: "LicenseRef-Llama-3.2-Community",
    name: "Llama 3.2 Community License",
    flags: ["user_count_limit", "acceptable_use_policy", "attribution", "use_restrictions"],
    note: "As Llama 3.1, and the acceptable use policy withholds the multimodal models' rights from people and companies based in the European Union.",
  },
  {
    id: "LicenseRef-Llama-3.3-Community",
    name: "Llama 3.3 Community License",
    flags: ["user_count_limit", "acceptable_use_policy", "attribution"],
    note: "The 700 million monthly users limit, the acceptable use policy and the attribution notice apply.",
  },
  {
    id: "LicenseRef-Llama-4-Community",
    name: "Llama 4 Community License",
    flags: ["user_count_limit", "acceptable_use_policy", "attribution", "use_restrictions"],
    note: "The 700 million monthly users limit, the acceptable use policy and the attribution notice apply; the policy withholds the multimodal rights from entities based in the European Union.",
  },
  {
    id: "LicenseRef-Gemma-Terms-of-Use",
    name: "Gemma Terms of Use",
    flags: ["use_restrictions", "acceptable_use_policy"],
    note: "Use must follow Google's prohibited use policy, and the restrictions pass on to every model derived from Gemma.",
  },
  {
    id: "LicenseRef-BigScience-RAIL-1.0",
    name: "BigScience RAIL License v1.0",
    flags: ["use_restrictions"],
    note: "A responsible AI licence: a list of forbidden uses that every redistribution must carry on.",
  },
  {
    id: "LicenseRef-BigScience-OpenRAIL-M",
    name: "BigScience Open RAIL-M License",
    flags: ["use_restrictions"],
    note: "Open use and redistribution, under a list of forbidden uses that derived models must carry on.",
  },
  {
    id: "LicenseRef-CreativeML-OpenRAIL-M",
    name: "CreativeML Open RAIL-M License",
    flags: ["use_restrictions"],
    note: "The Stable Diffusion licence: open use under a list of forbidden uses that derived models must carry on.",
  },
  {
    id: "LicenseRef-CreativeML-OpenRAIL-PlusPlus-M",
    name: "CreativeML Open RAIL++-M License",
    flags: ["use_restrictions"],
    note: "Open use under a list of forbidden uses that derived models must carry on.",
  },
  {
    id: "LicenseRef-BigCode-OpenRAIL-M",
    name: "BigCode Open RAIL-M License",
    flags: ["use_restrictions"],
    note: "Open use of code models under a list of forbidden uses that derived models must carry on.",
  },
  {
    id: "LicenseRef-OpenRAIL",
    name: "Open RAIL License",
    flags: ["use_restrictions"],
    note: "A responsible AI licence family: open use under a list of forbidden uses.",
  },
  {
    id: "LicenseRef-DeepFloyd-IF",
    name: "DeepFloyd IF License",
    flags: ["non_commercial", "research_only", "use_restrictions"],
    note: "Research and non-commercial use only, under a list of forbidden uses.",
  },
  {
    id: "LicenseRef-Mistral-Research",
    name: "Mistral AI Research License",
    flags: ["non_commercial", "research_only"],
    note: "Research and personal use only; commercial use needs a licence from Mistral AI.",
  },
  {
    id: "LicenseRef-Qwen",
    name: "Qwen License Agreement",
    flags: ["user_count_limit", "attribution"],
    note: "Products with more than 100 million monthly users need a licence from Alibaba Cloud; derived works must name Qwen.",
  },
  {
    id: "LicenseRef-Research-Only",
    name: "Research use only",
    flags: ["research_only", "non_commercial"],
    note: "Terms that allow research use only.",
  },
];

const byLowerId = new Map(modelLicences.map((licence) => [licence.id.toLowerCase(), licence]));
const spdxByLowerId = new Map(spdxIds.map((id) => [id.toLowerCase(), id]));

/** The SPDX list's spelling of an id, matched without regard to case; undefined when SPDX lacks it. */
export function spdxIdOf(id: string): string | undefined {
  return spdxByLowerId.get(id.toLowerCase());
}

/** A model licence of the table by its LicenseRef, without regard to case. */
export function findModelLicence(id: string): KnownLicence | undefined {
  return byLowerId.get(id.toLowerCase());
}

/**
 * The flags of one licence id: the table's for model licences, the Creative Commons families' for
 * CC ids (NC non-commercial, ND no derivatives, SA share alike), share alike for the GPL family,
 * and `unknown` for a LicenseRef the table does not know or an id SPDX does not list.
 */
export function flagsOfLicence(id: string): LicenceFlag[] {
  const known = findModelLicence(id);
  if (known) return [...known.flags];
  const spdx = spdxIdOf(id.replace(/\+$/, ""));
  if (!spdx) return ["unknown"];
  const flags = new Set<LicenceFlag>();
  if (/^CC-BY/i.test(spdx)) flags.add("attribution");
  if (/^CC-BY(-[A-Z]+)*-NC(-|$)/i.test(spdx)) flags.add("non_commercial");
  if (/^CC-BY(-[A-Z]+)*-ND(-|$)/i.test(spdx)) flags.add("no_derivatives");
  if (/^CC-BY(-[A-Z]+)*-SA(-|$)/i.test(spdx) || /^(A|L)?GPL-/i.test(spdx)) flags.add("share_alike");
  return [...flags];
}

/** Loads and validates probe packs: the built-in default pack or pack files. */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import defaultPackData from "../../packs/default.json" with { type: "json" };
import { type ProbePack, probePackSchema } from "../model.js";
import { canonicalJson } from "../runner/canonical-json.js";
import { ScanConfigError } from "./scan-config.js";

export interface LoadedPack {
  pack: ProbePack;
  /** SHA-256 of the pack's canonical JSON: the same content hashes the same in any file format. */
  sha256: string;
}

export function defaultPack(): LoadedPack {
  return validatePack(defaultPackData, "the built-in default pack");
}

export async function loadPacks(sources: string[]): Promise<LoadedPack[]> {
  const packs: LoadedPack[] = [];
  for (const source of sources) {
    if (source === "default") {
      packs.push(defaultPack());
      continue;
    }
    let text: string;
    try {
      text = await readFile(source, "utf8");
    } catch (error) {
      throw new ScanConfigError([`cannot read it (${(error as NodeJS.ErrnoException).code})`], `Pack ${source}`);
    }
    let data: unknown;
    try {
      data = source.endsWith(".json") ? JSON.parse(text) : (await import("yaml")).parse(text);
    } catch (error) {
      throw new ScanConfigError(
        [`not valid ${source.endsWith(".json") ? "JSON" : "YAML"}: ${(error as Error).message}`],
        `Pack ${source}`,
      );
    }
    packs.push(validatePack(data, `Pack ${source}`));
  }
  const seen = new Map<string, string>();
  for (const { pack } of packs)
    for (const probe of pack.probes) {
      const other = seen.get(probe.id);
      if (other) throw new ScanConfigError([`probe ${probe.id} is in both ${other} and ${pack.id}`], "The packs");
      seen.set(probe.id, pack.id);
    }
  return packs;
}

function validatePack(data: unknown, source: string): LoadedPack {
  const parsed = probePackSchema.safeParse(data);
  if (!parsed.success)
    throw new ScanConfigError(
      parsed.error.issues.map((issue) => `${issue.path.map(String).join(".") || "(top level)"}: ${issue.message}`),
      source,
    );
  const sha256 = createHash("sha256").update(canonicalJson(parsed.data)).digest("hex");
  return { pack: parsed.data, sha256 };
}

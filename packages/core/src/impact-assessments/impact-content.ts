import { createHash } from "node:crypto";
import {
  type ImpactContent,
  type ImpactDimension,
  impactDimensionGuide,
  impactSeverities,
  standardImpactDimensions,
} from "@openaims/contracts";
import { canonicalJson } from "../audit/canonical-json.js";

/** A dimension with nothing filled in yet. */
export function blankImpactDimension(key: ImpactDimension["key"], title = ""): ImpactDimension {
  return {
    key,
    title,
    relevant: true,
    scopes: [],
    severity: null,
    likelihood: null,
    affectedGroups: "",
    effect: "",
    mitigations: "",
    residualConcern: "",
    residualLevel: null,
  };
}

/** The template a first revision starts from: empty context, every standard dimension, no conclusion. */
export function blankImpactContent(): ImpactContent {
  return {
    context: { intendedUse: "", foreseeableMisuse: "", affectedParties: "", deploymentSetting: "" },
    dimensions: standardImpactDimensions.map((key) => blankImpactDimension(key)),
    conclusion: { outcome: null, summary: "" },
  };
}

/**
 * SHA-256 (hex) of the content's canonical JSON. Captured at submission and quoted by the approver,
 * so an approval always covers exactly the text that was reviewed.
 */
export function hashImpactContent(content: ImpactContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** Something a draft still lacks before it can be submitted, named by its path in the content. */
export interface ImpactContentGap {
  field: string;
  message: string;
}

const contextLabels: Record<keyof ImpactContent["context"], string> = {
  intendedUse: "intended use",
  foreseeableMisuse: "foreseeable misuse",
  affectedParties: "affected individuals and groups",
  deploymentSetting: "deployment setting",
};

/** From this severity up, a relevant dimension must say what reduces the effect. */
const MITIGATION_FROM = impactSeverities.indexOf("moderate");

/**
 * What a draft still needs before submission: the whole context, every standard dimension (each
 * either rated and described, or marked not relevant with the reason), and a conclusion.
 */
export function findSubmissionGaps(content: ImpactContent): ImpactContentGap[] {
  const gaps: ImpactContentGap[] = [];
  for (const [field, label] of Object.entries(contextLabels) as [keyof ImpactContent["context"], string][]) {
    if (!content.context[field].trim()) gaps.push({ field: `context.${field}`, message: `describe the ${label}` });
  }
  for (const key of standardImpactDimensions) {
    if (!content.dimensions.some((d) => d.key === key))
      gaps.push({ field: "dimensions", message: `${impactDimensionGuide[key].label} is missing` });
  }
  content.dimensions.forEach((dimension, index) => {
    const at = (name: string) => `dimensions.${index}.${name}`;
    const label =
      dimension.key === "custom" ? dimension.title || "Custom dimension" : impactDimensionGuide[dimension.key].label;
    const need = (name: string, what: string) => gaps.push({ field: at(name), message: `${label}: ${what}` });
    if (!dimension.relevant) {
      if (!dimension.effect.trim()) need("effect", "say why it is not relevant");
      return;
    }
    if (dimension.scopes.length === 0) need("scopes", "choose who is affected (individuals, groups, society)");
    if (!dimension.severity) need("severity", "choose a severity");
    if (!dimension.likelihood) need("likelihood", "choose a likelihood");
    if (!dimension.effect.trim()) need("effect", "describe the effect");
    if (
      dimension.severity &&
      impactSeverities.indexOf(dimension.severity) >= MITIGATION_FROM &&
      !dimension.mitigations.trim()
    )
      need("mitigations", "say what reduces an effect of this severity");
    if (!dimension.residualLevel) need("residualLevel", "choose the residual concern");
  });
  if (!content.conclusion.outcome) gaps.push({ field: "conclusion.outcome", message: "choose the overall outcome" });
  if (!content.conclusion.summary.trim())
    gaps.push({ field: "conclusion.summary", message: "summarise the conclusion" });
  return gaps;
}

/**
 * The content as path → value pairs (`context.intendedUse`, `dimensions.2.severity` …), so an audit
 * entry can list exactly the fields an edit changed.
 */
export function flattenImpactContent(content: ImpactContent): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(content.context)) flat[`context.${field}`] = value;
  content.dimensions.forEach((dimension, index) => {
    for (const [field, value] of Object.entries(dimension)) flat[`dimensions.${index}.${field}`] = value;
  });
  for (const [field, value] of Object.entries(content.conclusion)) flat[`conclusion.${field}`] = value;
  return flat;
}

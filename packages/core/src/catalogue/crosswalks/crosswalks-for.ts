import { annexAAreas } from "../annex-a.js";
import { isAnnexAControlId, isClauseId } from "../lookups.js";
import { crosswalkAnomalies } from "./crosswalk-anomalies.js";
import type { CrosswalkAnomaly, CrosswalkEntry, EuAiActAreaLink, Iso27001Link } from "./crosswalk-types.js";
import { euAiActAreaLinks } from "./eu-ai-act-areas.js";
import { iso27001Links } from "./iso27001-links.js";
import { frameworkCrosswalk } from "./nist-eu-crosswalk.js";

/** The crosswalk links that concern one part of ISO/IEC 42001. */
export interface CrosswalkSelection {
  entries: CrosswalkEntry[];
  euAiActAreas: EuAiActAreaLink[];
  iso27001: Iso27001Link[];
  anomalies: CrosswalkAnomaly[];
}

/** True when `id` is `ancestor` or numbered beneath it ("6.1.2" within "6", "A.6.2.4" within "A.6"). */
export function isWithin(id: string, ancestor: string): boolean {
  return id === ancestor || id.startsWith(`${ancestor}.`);
}

/** True for a clause, Annex A area or Annex A control id of the catalogue. */
export function isIso42001Id(id: string): boolean {
  return isClauseId(id) || isAnnexAControlId(id) || annexAAreas.some((area) => area.id === id);
}

/**
 * The links for a clause, area or control, including those of everything numbered beneath it.
 * Area-level EU AI Act links also match from below: a link to "A.6" concerns control "A.6.2.4".
 * Returns null for an id the catalogue does not know.
 */
export function crosswalksFor(id: string): CrosswalkSelection | null {
  if (!isIso42001Id(id)) return null;
  return {
    entries: frameworkCrosswalk.filter((entry) => isWithin(entry.iso42001, id)),
    euAiActAreas: euAiActAreaLinks.filter((link) =>
      link.iso42001.some((linked) => isWithin(linked, id) || isWithin(id, linked)),
    ),
    iso27001: iso27001Links.filter((link) => isWithin(link.iso42001, id)),
    anomalies: crosswalkAnomalies.filter((anomaly) => isWithin(anomaly.resolvedAs, id)),
  };
}

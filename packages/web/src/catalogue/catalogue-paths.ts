import { useOrg } from "../shell/current-org";
import type { CatalogueSection } from "./catalogue-types";

/** Link to a catalogue section or to one item in it, e.g. /o/…/catalogue/controls/A.6.2.4. */
export function cataloguePath(orgId: string, section: CatalogueSection, id?: string): string {
  const base = `/o/${orgId}/catalogue/${section}`;
  return id === undefined ? base : `${base}/${encodeURIComponent(id)}`;
}

/** `cataloguePath` bound to the current organisation. */
export function useCataloguePath(): (section: CatalogueSection, id?: string) => string {
  const { orgId } = useOrg();
  return (section, id) => cataloguePath(orgId, section, id);
}

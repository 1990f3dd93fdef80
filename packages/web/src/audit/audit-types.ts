import type { routes } from "@openaims/contracts";
import type { ApiResult } from "../api/client";

export type AuditEntry = ApiResult<typeof routes.listAuditEntries>["items"][number];
export type AuditVerifyResult = ApiResult<typeof routes.verifyAuditTrail>;

/** The filter form's values: text as typed, dates as yyyy-mm-dd from the date inputs. */
export interface AuditFilterValues {
  action: string;
  entityType: string;
  entityId: string;
  actorId: string;
  from: string;
  to: string;
  sort: "-seq" | "seq";
}

export const emptyAuditFilters: AuditFilterValues = {
  action: "",
  entityType: "",
  entityId: "",
  actorId: "",
  from: "",
  to: "",
  sort: "-seq",
};

/** Turns the form's values into the list route's query: blanks dropped, dates as whole local days. */
export function toAuditQuery(filters: AuditFilterValues) {
  const text = (value: string) => value.trim() || undefined;
  return {
    action: text(filters.action),
    entityType: text(filters.entityType),
    entityId: text(filters.entityId),
    actorId: text(filters.actorId),
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
    sort: filters.sort,
  };
}

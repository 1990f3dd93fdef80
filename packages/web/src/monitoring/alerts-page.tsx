import { Group, Stack } from "@mantine/core";
import { type AlertKind, type AlertLevel, type AlertStatus, type AnomalyDetector, routes } from "@openaims/contracts";
import { useSearchParams } from "react-router";
import { callApi } from "../api/client";
import { PAGE_SIZE, usePagedQuery } from "../api/page-query";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { EnumFilter } from "../ui/list-filters";
import { LoadMore } from "../ui/load-more";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { AlertsTable } from "./alerts-table";

/**
 * Every alert, newest first, filtered by status, level, kind and anomaly detector through the address
 * (`?status=open&level=critical&kind=anomaly&detector=injection_markers`).
 */
export default function AlertsPage() {
  const { orgId } = useOrg();
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") as AlertStatus | null) ?? undefined;
  const level = (params.get("level") as AlertLevel | null) ?? undefined;
  const kind = (params.get("kind") as AlertKind | null) ?? undefined;
  const detector = (params.get("detector") as AnomalyDetector | null) ?? undefined;
  const list = usePagedQuery(["monitoring", orgId, "alerts", { status, level, kind, detector }], (cursor) =>
    callApi(routes.listAlerts, {
      params: { orgId },
      query: { status, level, kind, detector, cursor, limit: PAGE_SIZE },
    }),
  );
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  return (
    <Stack>
      <PageHeader title="Alerts" />
      <Group>
        <EnumFilter of="alertStatus" label="Status" value={status} onChange={(value) => setFilter("status", value)} />
        <EnumFilter of="alertLevel" label="Level" value={level} onChange={(value) => setFilter("level", value)} />
        <EnumFilter of="alertKind" label="Kind" value={kind} onChange={(value) => setFilter("kind", value)} />
        <EnumFilter
          of="anomalyDetector"
          label="Detector"
          value={detector}
          onChange={(value) => setFilter("detector", value)}
        />
      </Group>
      {list.error && <ErrorAlert error={list.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : (
        <AlertsTable
          orgId={orgId}
          alerts={list.items}
          empty={
            status || level || kind || detector
              ? "No alerts match these filters; clear them to see every alert."
              : "No alerts yet. Alerts appear when a metric's value passes a threshold, its data stops coming, or anomaly detection finds something unusual in the telemetry."
          }
        />
      )}
      <LoadMore hasMore={list.hasMore} loading={list.isLoadingMore} onLoadMore={list.loadMore} />
    </Stack>
  );
}

import type { CreateMetricRequest, Metric } from "@openaims/contracts";
import type { TestMember, TestServer } from "../testing/test-server.js";

/** Defines a metric through the API and returns it. */
export async function defineMetric(
  t: TestServer,
  member: TestMember,
  systemId: string,
  fields: Partial<CreateMetricRequest> = {},
): Promise<Metric> {
  const res = await t.call(member.token, {
    method: "POST",
    url: `/api/v1/orgs/${member.orgId}/metrics`,
    payload: {
      systemId,
      name: "error_rate",
      unit: "%",
      direction: "lower_is_better",
      warning: 5,
      critical: 10,
      cadenceMinutes: null,
      ...fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(`metric not defined: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Pushes observations of one system; answers the raw response. */
export function push(
  t: TestServer,
  member: TestMember,
  system: string,
  observations: { metric: string; value: unknown; at?: string }[],
) {
  return t.call(member.token, {
    method: "POST",
    url: `/api/v1/orgs/${member.orgId}/observations`,
    payload: { system, observations },
  });
}

/** The alerts of a metric straight from the database, oldest first. */
export function alertsOf(t: TestServer, metricId: string) {
  return t.db.selectFrom("metric_alerts").selectAll().where("metric_id", "=", metricId).orderBy("created_at").execute();
}

/** A time `minutes` ago, as ISO text. */
export function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

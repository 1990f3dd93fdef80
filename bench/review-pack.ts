import { reviewInputKeys } from "@openaims/contracts";

/** Where the pack is asked for: a running server, an organisation seeded at size, and a token of it. */
export interface ReviewPackTarget {
  baseUrl: string;
  orgId: string;
  token: string;
}

export interface PackTimings {
  runs: number;
  p50Ms: number;
  maxMs: number;
  bytes: number;
}

export interface ReviewPackResult {
  /** GET /review-pack as JSON and as PDF, compiled live. */
  json: PackTimings;
  pdf: PackTimings;
  /** POST …/management-reviews/:id/pack: compiling and freezing the pack on a scheduled review. */
  freeze: PackTimings;
  /** GET …/management-reviews/:id/pack.pdf: the frozen pack as PDF. */
  frozenPdf: PackTimings;
  /** What the pack held, so a reader sees it was compiled over the records at size. */
  totals: Record<string, number>;
}

export const reviewPackTargets = { jsonMs: 2_000, pdfMs: 5_000 };

/** p50 and max of `runs` sequential calls after one uncounted warm-up call. */
async function timeRuns(runs: number, call: () => Promise<number>): Promise<PackTimings> {
  await call();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    bytes = await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    runs,
    p50Ms: Math.round(times[Math.floor((times.length - 1) / 2)] ?? 0),
    maxMs: Math.round(times.at(-1) ?? 0),
    bytes,
  };
}

/**
 * Times the management review input pack on an organisation already seeded at size (2,000 systems,
 * 50,000 risks, 5,000 incidents, 200 audits, 10,000 members — see seed-improve.ts): compiled live as
 * JSON and as PDF, compiled and frozen on a newly scheduled review, and that frozen pack as PDF. It
 * first checks the JSON has exactly one key per 9.3.2 input, and reports the totals it read.
 */
export async function benchReviewPack(
  target: ReviewPackTarget,
  options: { jsonRuns?: number; pdfRuns?: number } = {},
  log: (message: string) => void = () => {},
): Promise<ReviewPackResult> {
  const base = `${target.baseUrl}/api/v1/orgs/${target.orgId}`;
  const headers = { authorization: `Bearer ${target.token}` };
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers ?? {}) } });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok)
      throw new Error(`review pack bench: ${path} answered ${response.status} ${body.toString().slice(0, 300)}`);
    return body;
  };
  const post = (path: string, payload: object) =>
    call(path, { method: "POST", body: JSON.stringify(payload), headers: { "content-type": "application/json" } });

  const pack = JSON.parse((await call("/review-pack")).toString());
  const keys = Object.keys(pack);
  if (keys.join() !== reviewInputKeys.join())
    throw new Error(`review pack bench: the pack's keys are ${keys.join(", ")}`);
  const totals = {
    previousActions: pack.previousActions.actions.total,
    openNonconformities: pack.nonconformities.open.total,
    metrics: pack.monitoring.metrics.total,
    alerts: pack.monitoring.alerts.total,
    audits: pack.audits.audits.total,
    incidents: pack.incidents.incidents.total,
    objectives: pack.objectives.objectives.length,
    trainingGaps: Object.values(pack.competence.coverage.gapCounts as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    ),
    risksAboveCriteria: pack.risks.risks.total,
    improvements: pack.improvements.improvements.total,
  };
  log(
    `review pack: ${Object.entries(totals)
      .map(([key, n]) => `${key} ${n}`)
      .join(", ")}`,
  );

  const json = await timeRuns(options.jsonRuns ?? 5, async () => (await call("/review-pack?format=json")).length);
  log(`review pack: JSON p50 ${json.p50Ms} ms, max ${json.maxMs} ms (${json.bytes} bytes)`);
  const pdf = await timeRuns(options.pdfRuns ?? 3, async () => (await call("/review-pack?format=pdf")).length);
  log(`review pack: PDF p50 ${pdf.p50Ms} ms, max ${pdf.maxMs} ms (${pdf.bytes} bytes)`);

  let review = JSON.parse(
    (
      await post("/management-reviews", {
        title: "Benchmark review",
        scheduledFor: new Date().toISOString().slice(0, 10),
      })
    ).toString(),
  ) as { id: string; version: number };
  const freeze = await timeRuns(options.jsonRuns ?? 5, async () => {
    const body = await post(`/management-reviews/${review.id}/pack`, { version: review.version });
    review = JSON.parse(body.toString());
    return body.length;
  });
  log(`review pack: compile and freeze on a review p50 ${freeze.p50Ms} ms, max ${freeze.maxMs} ms`);
  const frozenPdf = await timeRuns(
    options.pdfRuns ?? 3,
    async () => (await call(`/management-reviews/${review.id}/pack.pdf`)).length,
  );
  log(`review pack: frozen pack PDF p50 ${frozenPdf.p50Ms} ms, max ${frozenPdf.maxMs} ms`);
  return { json, pdf, freeze, frozenPdf, totals };
}

/** Timings of the management-system views: sequential calls of one request each, and the import. */

export interface Timed {
  what: string;
  runs: number;
  medianMs: number;
  maxMs: number;
  /** Response size of the last run, to show the request did real work. */
  bytes: number;
}

/** Calls `path` `runs` times one after another (after one warm-up call) and reports median and max. */
export async function timeRequest(
  baseUrl: string,
  token: string,
  what: string,
  path: string,
  runs = 5,
  init: RequestInit = {},
): Promise<Timed> {
  const once = async () => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });
    const body = new Uint8Array(await response.arrayBuffer());
    if (!response.ok)
      throw new Error(`${what}: HTTP ${response.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
    return { ms: performance.now() - started, bytes: body.length };
  };
  await once();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const result = await once();
    times.push(result.ms);
    bytes = result.bytes;
  }
  times.sort((a, b) => a - b);
  return {
    what,
    runs,
    medianMs: round(times[Math.floor(times.length / 2)] ?? 0),
    maxMs: round(times.at(-1) ?? 0),
    bytes,
  };
}

/** A CSV of `rows` new AI systems in the inventory's import format. */
export function inventoryCsv(rows: number): string {
  const header =
    "slug,name,purpose,our_role,lifecycle_stage,impact_tier,data_categories,capabilities,autonomy,customer_facing";
  const lines = [header];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      [
        `imported-${i}`,
        `Imported system ${i}`,
        `Purpose of imported system ${i}`,
        ["provider", "deployer", "user"][i % 3],
        ["design", "development", "operation"][i % 3],
        ["low", "medium"][i % 2],
        i % 2 ? "personal; health" : "public",
        "llm",
        "human_in_the_loop",
        i % 2 ? "yes" : "no",
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Posts the file to the import route with `dryRun=false` once and times it. */
export async function timeImport(baseUrl: string, token: string, orgId: string, csv: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/orgs/${orgId}/systems/import?format=csv&dryRun=false`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    body: csv,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`import: HTTP ${response.status} ${text.slice(0, 300)}`);
  const ms = round(performance.now() - started);
  return { what: "import 10,000-row inventory CSV", runs: 1, medianMs: ms, maxMs: ms, bytes: csv.length };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

import { type RouteDef, routes } from "@openaims/contracts";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );

/** A self-contained HTML reference of every route, readable without scripts or network access. */
export function renderApiDocsPage(document: Record<string, unknown>): string {
  const byTag = new Map<string, [string, RouteDef][]>();
  for (const entry of Object.entries(routes) as [string, RouteDef][]) {
    const list = byTag.get(entry[1].tag) ?? [];
    list.push(entry);
    byTag.set(entry[1].tag, list);
  }
  const paths = document.paths as Record<string, Record<string, unknown>>;
  const sections = [...byTag.entries()]
    .map(([tag, entries]) => {
      const items = entries
        .map(([id, route]) => {
          const spec = paths[route.path.replace(/:(\w+)/g, "{$1}")]?.[route.method.toLowerCase()];
          const access =
            route.access.kind === "org"
              ? `member with <code>${route.access.permission}</code>`
              : route.access.kind === "user"
                ? "signed in"
                : "public";
          return `<details id="${id}"><summary><code class="m">${route.method}</code> <code>${escapeHtml(route.path)}</code> — ${escapeHtml(route.summary)}</summary>
<p>Access: ${access}${route.write ? "; changes data (write-scope token or CSRF header)" : ""}. Operation id <code>${id}</code>.</p>
<pre>${escapeHtml(JSON.stringify(spec, null, 2))}</pre></details>`;
        })
        .join("\n");
      return `<section><h2>${escapeHtml(tag)}</h2>${items}</section>`;
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>OpenAIMS API reference</title><style>
body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1b1e;line-height:1.5}
summary{cursor:pointer;padding:.4rem 0}summary:focus-visible{outline:2px solid #1c7ed6;outline-offset:2px}
pre{background:#f1f3f5;padding:1rem;overflow:auto;font-size:.8rem}code.m{font-weight:700;color:#0b5394}a{color:#0b5394}
</style></head><body><main><h1>OpenAIMS API reference</h1>
<p>${escapeHtml(String((document.info as { description: string }).description))}</p>
<p>Machine-readable document: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
${sections}</main></body></html>`;
}

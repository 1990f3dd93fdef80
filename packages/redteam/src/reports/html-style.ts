/**
 * The HTML report's stylesheet. Inline and hashed into the report's Content-Security-Policy, so it
 * must stay free of "<" and "&" (the report is also well-formed XML) and of any url().
 */
export const reportCss = `
:root { color-scheme: light dark; --line: #8884; --muted: #6b7280; --bad: #b91c1c; --warn: #b45309; --ok: #15803d; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .75rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.status-partial { color: var(--bad); font-weight: 600; }
.status-complete { color: var(--ok); font-weight: 600; }
.case { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; padding: .25rem .75rem; break-inside: avoid; }
.case summary { cursor: pointer; padding: .25rem 0; }
.badge { display: inline-block; min-width: 5.5rem; text-align: center; border-radius: 4px; padding: 0 .4rem; margin-right: .5rem; font-size: .8rem; font-weight: 600; text-transform: uppercase; border: 1px solid currentColor; }
.sev-critical, .sev-high { color: var(--bad); }
.sev-medium { color: var(--warn); }
.sev-low, .sev-info { color: var(--muted); }
.verdict-not_observed, .verdict-blocked { color: var(--ok); }
.verdict-inconclusive, .verdict-error { color: var(--warn); }
.tags { color: var(--muted); font-size: .85rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #8881; border: 1px solid var(--line); border-radius: 4px; padding: .5rem; margin: .25rem 0; max-height: 24rem; overflow: auto; }
.filters label { margin-right: 1rem; }
body:has(#show-blocked:not(:checked)) .rest .case[data-verdict="blocked"] { display: none; }
body:has(#show-not_observed:not(:checked)) .rest .case[data-verdict="not_observed"] { display: none; }
body:has(#show-inconclusive:not(:checked)) .rest .case[data-verdict="inconclusive"] { display: none; }
body:has(#show-error:not(:checked)) .rest .case[data-verdict="error"] { display: none; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .filters { display: none; }
  pre { max-height: none; overflow: visible; }
  details::details-content { content-visibility: visible; display: block; }
}
`;

import { z } from "zod";

// Zod compiles fast object parsers with `new Function` when it may; under the server's strict CSP
// (no 'unsafe-eval') its probe for that is refused and reported as a policy violation. Imported
// first by main.tsx, before any schema is built, so the probe never runs.
z.config({ jitless: true });

#!/usr/bin/env node
// The installed `aims` command: runs the bundle built by `npm run build`.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/aims.js", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("aims: the command line is not built yet; run npm run build first.\n");
  process.exit(70);
}
await import(bundle.href);

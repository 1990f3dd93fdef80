// Bundles the CLI and the workspace packages it uses into dist/aims.js (plus chunks it loads on demand,
// so `aims redteam` does not load the server). Workspace packages ship
// TypeScript source, so they are compiled in; npm dependencies stay external and load from node_modules.
import { rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(here, "dist");
const outfile = resolve(outdir, "aims.js");
const builtins = new Set(builtinModules);

/** @type {import("esbuild").Plugin} */
const externalNpmDependencies = {
  name: "external-npm-dependencies",
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith("@openaims/") || args.pluginData?.resolving) return undefined;
      if (args.path.startsWith("node:") || builtins.has(args.path.split("/")[0]))
        return { path: args.path, external: true };
      // Keep the bare name when node, starting from the bundle, finds the same file as from the importer;
      // otherwise (a version nested under one workspace) point at that file relative to the bundle.
      const options = { kind: args.kind, pluginData: { resolving: true } };
      const fromImporter = await builder.resolve(args.path, { ...options, resolveDir: args.resolveDir });
      if (fromImporter.errors.length > 0) return { errors: fromImporter.errors };
      // (dist/ may not exist yet; node looks up from it exactly as from the package folder.)
      const fromBundle = await builder.resolve(args.path, { ...options, resolveDir: here });
      if (fromBundle.errors.length === 0 && fromBundle.path === fromImporter.path)
        return { path: args.path, external: true };
      return { path: `./${relative(dirname(outfile), fromImporter.path).split("\\").join("/")}`, external: true };
    });
  },
};

// Chunk names carry content hashes: start from an empty folder so old chunks do not pile up.
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { aims: resolve(here, "src/main.ts") },
  outdir,
  // Chunks stay beside aims.js: code that finds files relative to its own URL (web-dir.ts) keeps working.
  chunkNames: "[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [externalNpmDependencies],
});
console.log(`built ${relative(process.cwd(), outfile)}`);

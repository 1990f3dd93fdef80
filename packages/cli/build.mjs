// Bundles the CLI and the workspace packages it uses into dist/aims.js. Workspace packages ship
// TypeScript source, so they are compiled in; npm dependencies stay external and load from node_modules.
import { builtinModules } from "node:module";
import { dirname, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outfile = resolve(here, "dist/aims.js");
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

await build({
  entryPoints: [resolve(here, "src/main.ts")],
  outfile,
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

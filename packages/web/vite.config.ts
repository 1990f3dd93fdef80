import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

const apiTarget = process.env.AIMS_API_URL ?? "http://localhost:8080";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // JSX is compiled by Vite's own esbuild; no React plugin (and so no fast refresh) is needed.
  esbuild: { jsx: "automatic" },
  // Each script, style sheet and font is also written gzipped and brotli-compressed beside itself,
  // for the server to send whichever the browser accepts (@fastify/static's preCompressed).
  plugins: [compression({ algorithms: ["gzip", "brotliCompress"], include: /\.(js|css|svg|html|json|woff2?)$/ })],
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Emit every asset as a file: the server's CSP need not allow data: URLs.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // The only chunks past Vite's 500 kB warning are the lazily loaded editor and charts; what every
    // page loads first is measured by the bench (bench/web-size.ts) against its own target.
    chunkSizeWarningLimit: 600,
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries mark modules "use client" for server-component bundlers; irrelevant in a browser-only build.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
      output: {
        // Libraries every page needs get their own long-cached chunks; pages are split by React.lazy.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router|@tanstack)\//.test(id)) return "vendor-react";
          if (/node_modules\/zod\//.test(id)) return "vendor-zod";
          return undefined;
        },
      },
    },
  },
});

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const webDist = fileURLToPath(new URL("../packages/web/dist", import.meta.url));

export interface WebSize {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
}

/**
 * The JavaScript a browser must download before the first screen: the entry script in index.html
 * and the modules it preloads, each gzipped (zlib default level) as a server would send them.
 */
export function measureInitialJs(): WebSize | null {
  const indexFile = join(webDist, "index.html");
  if (!existsSync(indexFile)) return null;
  const html = readFileSync(indexFile, "utf8");
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const files = tags.flatMap((tag) => {
    const src = tag.startsWith("<script") && attribute(tag, "type") === "module" ? attribute(tag, "src") : undefined;
    const href =
      tag.startsWith("<link") && attribute(tag, "rel") === "modulepreload" ? attribute(tag, "href") : undefined;
    const file = src ?? href;
    return file && !/^https?:/.test(file) ? [file] : [];
  });
  const measured = files.map((file) => {
    const content = readFileSync(join(webDist, file.replace(/^\//, "")));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
  return { files: measured, gzipBytes: measured.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

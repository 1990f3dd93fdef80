/** Reads a scan configuration file (YAML or JSON) and validates it. */
import { readFile } from "node:fs/promises";
import { dirname, extname, isAbsolute, resolve } from "node:path";
import { parseDocument } from "yaml";
import { parseScanConfig, type ScanConfig, ScanConfigError } from "./scan-config.js";

/** A loaded configuration, with pack paths made absolute against the file's folder. */
export interface LoadedScanConfig {
  config: ScanConfig;
  /** Absolute path of the file it came from. */
  file: string;
}

export async function loadScanConfig(path: string): Promise<LoadedScanConfig> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ScanConfigError([code === "ENOENT" ? "file not found" : `cannot read it (${code})`], file);
  }
  const data = extname(file).toLowerCase() === ".json" ? parseJson(text, file) : parseYaml(text, file);
  const config = parseScanConfig(data, file);
  const folder = dirname(file);
  config.packs = config.packs.map((pack) => (pack === "default" || isAbsolute(pack) ? pack : resolve(folder, pack)));
  return { config, file };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ScanConfigError([`not valid JSON (${(error as Error).message})`], file);
  }
}

function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { prettyErrors: false });
  const [first] = document.errors;
  if (first) {
    const where = first.linePos?.[0];
    const at = where ? `line ${where.line}, column ${where.col}: ` : "";
    throw new ScanConfigError([`not valid YAML (${at}${first.message.split("\n")[0]})`], file);
  }
  return document.toJS();
}

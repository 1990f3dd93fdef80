import packageJson from "../../package.json" with { type: "json" };

/** The scanner's version, as reported in summaries, SARIF and JUnit. */
export const SCANNER_VERSION: string = packageJson.version;

/**
 * Regenerates the regression corpus in this folder: `node --import tsx packages/modelscan/corpus/make-corpus.ts`.
 * Every case is written byte by byte (see src/testing/corpus-cases.ts); nothing is unpickled or run.
 */
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "../src/testing/corpus-files.js";

const cases = await writeCorpus(dirname(fileURLToPath(import.meta.url)));
const malicious = cases.filter((c) => c.verdict === "malicious").length;
process.stdout.write(
  `Wrote ${cases.length} corpus files (${malicious} malicious, ${cases.length - malicious} benign).\n`,
);

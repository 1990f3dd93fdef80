import type { CrosswalkAnomaly } from "./crosswalk-types.js";

/**
 * Printing errors found in the NIST crosswalk. The links are kept as printed (the id wins over the
 * title) so the data can be compared with the source line by line.
 */
export const crosswalkAnomalies: readonly CrosswalkAnomaly[] = [
  { nistAiRmf: "GOVERN 2.1", printed: "72 Competence", resolvedAs: "7.2", note: "Missing dot in the clause number." },
  {
    nistAiRmf: "GOVERN 3.2",
    printed: "B.3.2 Management review inputs",
    resolvedAs: "A.3.2",
    titleForId: "AI roles and responsibilities",
    note: "Printed title belongs to another item; the id is kept as printed.",
  },
  {
    nistAiRmf: "MAP 1.4",
    printed: "B.2.2 Customers",
    resolvedAs: "A.2.2",
    titleForId: "AI policy",
    note: "Printed title belongs to another item; the id is kept as printed.",
  },
  {
    nistAiRmf: "MAP 1.5",
    printed: "6.1.1 Objective",
    resolvedAs: "6.1.1",
    titleForId: "General",
    note: "Printed title does not match the clause; the id is kept as printed.",
  },
];

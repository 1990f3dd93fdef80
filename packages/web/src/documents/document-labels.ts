import { type DocumentStatus, type DocumentVersionStatus, enumLabels, type RaciRole } from "@openaims/contracts";

export const kindLabels = enumLabels.documentKind;

export const statusLabels: Record<DocumentStatus | DocumentVersionStatus, string> = enumLabels.documentVersionStatus;

export const processLabels = enumLabels.aimsProcess;

export const raciLabels = enumLabels.raciRole;

/** The one-letter code the matrix shows. */
export const raciLetters: Record<RaciRole, string> = {
  responsible: "R",
  accountable: "A",
  consulted: "C",
  informed: "I",
};

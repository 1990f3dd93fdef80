import type { evidenceRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import { createEvidence } from "./create-evidence.js";
import { downloadEvidenceFile } from "./download-evidence-file.js";
import { listEvidenceAttention } from "./evidence-attention.js";
import { archiveEvidence, getEvidence, updateEvidence } from "./evidence-handlers.js";
import { linkEvidence, unlinkEvidence } from "./evidence-link-handlers.js";
import { exportEvidence } from "./export-evidence.js";
import { listEvidence } from "./list-evidence.js";
import { uploadEvidenceFile } from "./upload-evidence-file.js";

/** Handlers of the evidence routes. */
export const evidenceHandlers: DomainHandlers<typeof evidenceRoutes> = {
  listEvidence,
  listEvidenceAttention,
  exportEvidence,
  createEvidence,
  uploadEvidenceFile,
  getEvidence,
  downloadEvidenceFile,
  updateEvidence,
  archiveEvidence,
  linkEvidence,
  unlinkEvidence,
};

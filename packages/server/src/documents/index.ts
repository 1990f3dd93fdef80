import type { documentRoutes } from "@openaims/contracts";
import type { DomainHandlers } from "../http/register-routes.js";
import {
  archiveDocument,
  createDocument,
  createDocumentFromTemplate,
  getDocument,
  listDocuments,
  listDocumentTemplates,
  updateDocument,
} from "./document-handlers.js";
import {
  archiveResponsibility,
  createResponsibility,
  listResponsibilities,
  updateResponsibility,
} from "./responsibility-handlers.js";
import { getResponsibilityMatrix } from "./responsibility-matrix.js";
import { createScope, getScope, updateScopeDraft } from "./scope-handlers.js";
import {
  diffDocumentVersions,
  getDocumentVersion,
  startDocumentDraft,
  updateDocumentDraft,
} from "./version-handlers.js";
import {
  approveDocumentVersion,
  requestDocumentChanges,
  retireDocumentVersion,
  submitDocumentVersion,
} from "./workflow-handlers.js";

/** Handlers of the documents routes: controlled documents, the AIMS scope and responsibilities. */
export const documentHandlers: DomainHandlers<typeof documentRoutes> = {
  listDocuments,
  listDocumentTemplates,
  createDocument,
  createDocumentFromTemplate,
  getDocument,
  updateDocument,
  archiveDocument,
  startDocumentDraft,
  diffDocumentVersions,
  getDocumentVersion,
  updateDocumentDraft,
  submitDocumentVersion,
  requestDocumentChanges,
  approveDocumentVersion,
  retireDocumentVersion,
  getScope,
  createScope,
  updateScopeDraft,
  listResponsibilities,
  getResponsibilityMatrix,
  createResponsibility,
  updateResponsibility,
  archiveResponsibility,
};

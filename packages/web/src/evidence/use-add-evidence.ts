import { EVIDENCE_FILE_MAX_BYTES, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import type { ContentValues } from "./evidence-content-fields";
import type { TargetSelection } from "./evidence-types";

/** The fields every kind of evidence has. */
export interface CommonValues {
  title: string;
  description: string;
  collectedAt: string;
  validUntil: string;
}

export interface AddEvidenceInput {
  common: CommonValues;
  content: ContentValues;
  targets: TargetSelection;
}

/** Refusals the browser can give before sending anything, by field. */
export function checkBeforeSending({ common, content }: AddEvidenceInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (content.kind === "file") {
    if (!content.file) errors.file = "Choose a file";
    else if (content.file.size > EVIDENCE_FILE_MAX_BYTES) errors.file = "The file is larger than 25 MiB";
    else if (content.file.size === 0) errors.file = "The file is empty";
  } else if (!common.title.trim()) {
    errors.title = "Required";
  }
  if (content.kind === "link" && !content.url.trim()) errors.url = "Required";
  if (content.kind === "record" && !content.body.trim()) errors.body = "Required";
  return errors;
}

/** Sends new evidence: files as raw bytes with their details in the query, links and records as JSON. */
export function useAddEvidence() {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ common, content, targets }: AddEvidenceInput) => {
      const dates = {
        collectedAt: common.collectedAt || undefined,
        validUntil: common.validUntil || undefined,
      };
      if (content.kind === "file" && content.file) {
        return callApi(routes.uploadEvidenceFile, {
          params: { orgId },
          query: {
            title: common.title.trim() || undefined,
            filename: content.file.name,
            description: common.description.trim() || undefined,
            ...dates,
            ...targets,
          },
          body: content.file,
        });
      }
      const shared = { title: common.title, description: common.description, ...dates, ...targets };
      const body =
        content.kind === "link"
          ? { kind: "link" as const, url: content.url, ...shared }
          : { kind: "record" as const, body: content.body, ...shared };
      return callApi(routes.createEvidence, { params: { orgId }, body });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["evidence", orgId] }),
    meta: { inlineError: true },
  });
}

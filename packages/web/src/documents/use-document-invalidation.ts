import { useQueryClient } from "@tanstack/react-query";
import { useOrg } from "../shell/current-org";

/** Refreshes everything a document change can affect: the document, its versions, lists and the scope page. */
export function useDocumentInvalidation() {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["document", orgId] }),
      queryClient.invalidateQueries({ queryKey: ["document-version", orgId] }),
      queryClient.invalidateQueries({ queryKey: ["documents", orgId] }),
      queryClient.invalidateQueries({ queryKey: ["scope", orgId] }),
    ]);
}

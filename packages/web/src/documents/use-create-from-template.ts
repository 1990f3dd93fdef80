import { notifications } from "@mantine/notifications";
import { type DocumentTemplateId, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";

/** Creates a document from a template and opens its draft. */
export function useCreateFromTemplate() {
  const { orgId } = useOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (template: DocumentTemplateId) =>
      callApi(routes.createDocumentFromTemplate, { params: { orgId }, body: { template } }),
    onSuccess: async (doc) => {
      notifications.show({ color: "green", message: `${doc.ref} “${doc.title}” was created as a draft.` });
      await queryClient.invalidateQueries({ queryKey: ["documents", orgId] });
      await navigate(`/o/${orgId}/documents/${doc.id}`);
    },
    meta: { inlineError: true },
  });
}

import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes, updateRiskRequestSchema } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { riskBody } from "./risk-body";
import { RiskForm, riskFormValues } from "./risk-form";
import { useRisk, useRiskMethod } from "./use-risk-data";

/** Edits a risk, sending the version it was read at so a concurrent change is not overwritten. */
export default function EditRiskPage() {
  const { orgId, can } = useOrg();
  const { riskId = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const method = useRiskMethod(orgId);
  const risk = useRisk(orgId, riskId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const back = `/o/${orgId}/risks/${riskId}`;
  const update = useMutation({
    mutationFn: (body: z.input<typeof updateRiskRequestSchema>) =>
      callApi(routes.updateRisk, { params: { orgId, riskId }, body }),
    onSuccess: async (saved) => {
      notifications.show({ color: "blue", message: `${saved.ref} was saved.` });
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
      await navigate(back);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  if (!can("governance.write")) return <NoAccess title="Edit risk" />;
  const error = method.error ?? risk.error;
  return (
    <Stack>
      <PageHeader title={risk.data ? `Edit ${risk.data.ref}` : "Edit risk"} />
      {error && <ErrorAlert error={error} />}
      {method.data && risk.data ? (
        <RiskForm
          key={risk.data.version}
          orgId={orgId}
          method={method.data}
          initial={riskFormValues(risk.data)}
          editing
          errors={errors}
          error={update.error}
          pending={update.isPending}
          submitLabel="Save risk"
          onCancel={() => void navigate(back)}
          onSubmit={(values) => {
            const body = { ...riskBody(values), status: values.status, version: risk.data.version };
            const result = validate(updateRiskRequestSchema, body);
            setErrors(result.errors ?? {});
            if (result.data) update.mutate(result.data);
          }}
        />
      ) : (
        !error && <PageLoader />
      )}
    </Stack>
  );
}

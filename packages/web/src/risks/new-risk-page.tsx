import { Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { createRiskRequestSchema, routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
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
import { useRiskMethod } from "./use-risk-data";

/** Adds a risk; `?systemId=` preselects the AI system. */
export default function NewRiskPage() {
  const { orgId, can } = useOrg();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const method = useRiskMethod(orgId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: z.input<typeof createRiskRequestSchema>) =>
      callApi(routes.createRisk, { params: { orgId }, body }),
    onSuccess: async (risk) => {
      notifications.show({ color: "blue", message: `${risk.ref} was added to the register.` });
      await queryClient.invalidateQueries({ queryKey: ["risks", orgId] });
      await navigate(`/o/${orgId}/risks/${risk.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  if (!can("governance.write")) return <NoAccess title="New risk" />;
  return (
    <Stack>
      <PageHeader title="New risk" />
      {method.error && <ErrorAlert error={method.error} />}
      {method.data ? (
        <RiskForm
          orgId={orgId}
          method={method.data}
          initial={riskFormValues(null, params.get("systemId"))}
          editing={false}
          errors={errors}
          error={create.error}
          pending={create.isPending}
          submitLabel="Add risk"
          onCancel={() => void navigate(`/o/${orgId}/risks`)}
          onSubmit={(values) => {
            const result = validate(createRiskRequestSchema, riskBody(values));
            setErrors(result.errors ?? {});
            if (result.data) create.mutate(result.data);
          }}
        />
      ) : (
        !method.error && <PageLoader />
      )}
    </Stack>
  );
}

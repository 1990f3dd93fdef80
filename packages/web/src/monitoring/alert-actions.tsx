import { Button, Group } from "@mantine/core";
import type { Alert } from "@openaims/contracts";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useAlertActions } from "./use-monitoring-data";

/** Acknowledge and resolve buttons for the steps the alert may take next. */
export function AlertActions({ alert, note = "" }: { alert: Alert; note?: string }) {
  const { orgId, can } = useOrg();
  const { acknowledge, resolve } = useAlertActions(orgId, alert);
  if (!can("governance.write") || alert.status === "resolved") return null;
  const error = acknowledge.error ?? resolve.error;
  return (
    <Group gap="xs" wrap="nowrap">
      {alert.status === "open" && (
        <Button
          size="xs"
          variant="default"
          loading={acknowledge.isPending}
          onClick={() => acknowledge.mutate()}
          aria-label={`Acknowledge alert ${alert.ref}`}
        >
          Acknowledge
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        loading={resolve.isPending}
        onClick={() => resolve.mutate(note)}
        aria-label={`Resolve alert ${alert.ref}`}
      >
        Resolve
      </Button>
      {error && <ErrorAlert error={error} />}
    </Group>
  );
}

import { Button, Group } from "@mantine/core";
import {
  type IncidentDetail,
  type IncidentStatus,
  labelOf,
  routes,
  transitionIncidentRequestSchema,
} from "@openaims/contracts";
import { useState } from "react";
import { callApi } from "../api/client";
import { ReasonModal } from "../ui/reason-modal";
import { useIncidentMutation } from "./use-incident";

const stepWords: Record<IncidentStatus, string> = {
  reported: "Reported",
  triaged: "Mark triaged",
  contained: "Mark contained",
  resolved: "Mark resolved",
  closed: "Close incident",
};

/** Buttons for the steps the incident may take next; each asks for an optional note for the timeline. */
export function StatusActions({ orgId, incident }: { orgId: string; incident: IncidentDetail }) {
  const [target, setTarget] = useState<IncidentStatus | null>(null);
  const move = useIncidentMutation(orgId, incident.id, (note: string) =>
    callApi(routes.transitionIncident, {
      params: { orgId, incidentId: incident.id },
      body: { to: target ?? "triaged", version: incident.version, note },
    }),
  );
  if (incident.nextStatuses.length === 0) return null;
  return (
    <>
      <Group>
        {incident.nextStatuses.map((status, index) => (
          <Button key={status} variant={index === 0 ? "filled" : "default"} onClick={() => setTarget(status)}>
            {stepWords[status]}
          </Button>
        ))}
      </Group>
      <ReasonModal
        opened={target !== null}
        title={target ? `${incident.ref}: ${labelOf("incidentStatus", target).toLowerCase()}` : ""}
        description="The step and your note go on the incident's timeline."
        label="Note"
        hint="What was done, or why this step now. Optional."
        required={false}
        field="note"
        schema={transitionIncidentRequestSchema.shape.note}
        maxLength={10_000}
        confirmLabel={target ? stepWords[target] : "Save"}
        errorTitle="Status not changed"
        mutation={move}
        onClose={() => setTarget(null)}
      />
    </>
  );
}

import { Anchor, Group, Stack, Text } from "@mantine/core";
import { Link, useParams } from "react-router";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { ControlEditForm } from "./control-edit-form";
import { ControlFacts } from "./control-facts";
import { ControlRisksSection } from "./control-risks-section";
import { EffectiveStatusBadge } from "./effective-status-badge";
import { useControl } from "./use-control";

/** One control: what is recorded, its evidence and risks, and the edit form for editors. */
export default function ControlDetailPage() {
  const { orgId, can } = useOrg();
  const { controlId = "" } = useParams();
  const control = useControl(orgId, controlId);
  const canWrite = can("governance.write");

  if (control.isPending) return <PageLoader />;
  if (control.error) return <ErrorAlert error={control.error} title="Could not load the control" />;
  const data = control.data;
  const live = data.status === "active";
  return (
    <Stack>
      <Anchor component={Link} to={`/o/${orgId}/controls`} size="sm">
        ← All controls
      </Anchor>
      <PageHeader title={`${data.ref} ${data.title}`}>
        <Group>
          <EffectiveStatusBadge status={data.effectiveStatus} />
        </Group>
      </PageHeader>
      {!live && <Text c="dimmed">Archived: {data.archiveReason}</Text>}
      <ControlFacts orgId={orgId} control={data} />
      {canWrite && live && <ControlEditForm key={data.version} orgId={orgId} control={data} />}
      <ControlRisksSection orgId={orgId} control={data} canWrite={canWrite && live} />
    </Stack>
  );
}

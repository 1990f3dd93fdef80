import { Alert } from "@mantine/core";
import { useOrg } from "../shell/current-org";
import { roleLabel } from "./format";
import { PageHeader } from "./page-header";

/** Shown instead of a page the current role may not open (e.g. after following an old link). */
export function NoAccess({ title }: { title: string }) {
  const { role } = useOrg();
  return (
    <>
      <PageHeader title={title} />
      <Alert color="blue" title="Not available for your role">
        Your role here is {roleLabel(role)}, which cannot open this page. Ask an owner or admin if you need access.
      </Alert>
    </>
  );
}

import { Alert, Button, Code, Group, Stack, Text } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useMutation } from "@tanstack/react-query";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import type { AuditVerifyResult } from "./audit-types";

/** Recomputes the hash chain on the server and reports it intact or where it breaks. */
export function VerifyChain() {
  const { orgId } = useOrg();
  const verify = useMutation({ mutationFn: () => callApi(routes.verifyAuditTrail, { params: { orgId } }) });
  return (
    <Stack gap="sm">
      <Group>
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          Verify chain
        </Button>
        <Text size="sm">Recomputes every entry's hash to prove no entry was changed or removed.</Text>
      </Group>
      {verify.data && <VerifyResult result={verify.data} />}
    </Stack>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  if (result.ok) {
    return (
      <Alert color="green" title="Chain intact" role="status">
        {result.entriesChecked} {result.entriesChecked === 1 ? "entry" : "entries"} checked. Head entry #
        {result.headSeq}, hash <Code style={{ wordBreak: "break-all" }}>{result.headHash}</Code>
      </Alert>
    );
  }
  const broken = result.firstBroken;
  return (
    <Alert color="red" title={broken ? `Chain broken at entry #${broken.seq}` : "Chain broken"} role="alert">
      {broken ? `${broken.reason} (entry ${broken.id}). ` : ""}
      {result.entriesChecked} {result.entriesChecked === 1 ? "entry was" : "entries were"} checked.
    </Alert>
  );
}

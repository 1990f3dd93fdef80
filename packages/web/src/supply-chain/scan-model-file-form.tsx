import { Anchor, Button, FileInput, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { callApi } from "../api/client";
import { ErrorAlert } from "../ui/error-alert";
import { modelScanPath } from "./model-scan-labels";

interface Props {
  orgId: string;
  asset: { id: string; systems: { id: string }[] };
}

/**
 * Uploads one model file for a scan on the server. The file goes as it is; the server scans it by its
 * content, records the scan on this asset (and its only AI system, when it has exactly one) and deletes it.
 */
export function ScanModelFileForm({ orgId, asset }: Props) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const scan = useMutation({
    mutationFn: (chosen: File) =>
      callApi(routes.scanModelFile, {
        params: { orgId },
        query: {
          asset: asset.id,
          fileName: chosen.name,
          ...(asset.systems.length === 1 ? { system: asset.systems[0]?.id } : {}),
        },
        body: chosen,
      }),
    onSuccess: async (result) => {
      notifications.show({ color: "blue", message: `Scan ${result.ref} was recorded.` });
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ["model-scans", orgId] });
      // The scan's evidence record is filed on the asset, whose page lists it.
      await queryClient.invalidateQueries({ queryKey: ["evidence", orgId] });
    },
    meta: { inlineError: true },
  });
  return (
    <Stack gap="xs">
      <Title order={3} size="h6">
        Upload a model file to scan
      </Title>
      <Text size="sm" c="dimmed">
        One file (a pickle, PyTorch checkpoint, safetensors, ONNX, Keras, GGUF …). The server scans it by its content
        and deletes it; only the scan is kept. For a folder of files, use <code>aims model scan --upload</code>.
      </Text>
      <Group align="flex-end">
        <FileInput
          label="Model file"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            scan.reset();
          }}
          clearable
          clearButtonProps={{ "aria-label": "Remove the chosen file" }}
          w={360}
        />
        <Button disabled={!file} loading={scan.isPending} onClick={() => file && scan.mutate(file)}>
          Scan on the server
        </Button>
      </Group>
      {scan.error && <ErrorAlert error={scan.error} title="The file could not be scanned" />}
      {scan.data && (
        <Text size="sm" role="status">
          Recorded as{" "}
          <Anchor component={Link} to={modelScanPath(orgId, scan.data.id)}>
            {scan.data.ref}
          </Anchor>
          .
        </Text>
      )}
    </Stack>
  );
}

import { Button, Card, Group, Select, TextInput, Title } from "@mantine/core";
import { routes } from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import { assetKindLabels } from "./inventory-labels";

interface LinkAssetFormProps {
  systemId: string;
  /** Assets already linked, left out of the choices. */
  linkedAssetIds: string[];
}

/** Links one of the organisation's assets to the system, with a note on how the system uses it. */
export function LinkAssetForm({ systemId, linkedAssetIds }: LinkAssetFormProps) {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [assetId, setAssetId] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const assets = useQuery({
    queryKey: ["assets", orgId, "link-options"],
    queryFn: () => callApi(routes.listAssets, { params: { orgId }, query: { limit: 200 } }),
  });
  const link = useMutation({
    mutationFn: (body: { assetId: string; note: string }) =>
      callApi(routes.linkSystemAsset, { params: { orgId, systemId }, body }),
    onSuccess: async () => {
      setAssetId(null);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: ["system-assets", orgId, systemId] });
      await queryClient.invalidateQueries({ queryKey: ["assets", orgId] });
    },
    meta: { inlineError: true },
  });
  const options = (assets.data?.items ?? [])
    .filter((asset) => !linkedAssetIds.includes(asset.id))
    .map((asset) => ({ value: asset.id, label: `${asset.name} (${assetKindLabels[asset.kind]})` }));

  const formRef = useErrorFocus(fieldError, link.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFieldError(assetId ? undefined : "Choose an asset");
    if (assetId) link.mutate({ assetId, note: note.trim() });
  };

  return (
    <Card withBorder component="section" aria-labelledby="link-asset-heading">
      <Title order={3} size="h5" id="link-asset-heading" mb="xs">
        Link an asset
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <Select
            label="Asset"
            placeholder={options.length === 0 ? "No other assets recorded" : "Choose an asset"}
            data={options}
            value={assetId}
            onChange={setAssetId}
            searchable
            error={fieldError}
            w={320}
          />
          <TextInput
            label="How the system uses it"
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            w={320}
          />
          <Button type="submit" mt={25} loading={link.isPending}>
            Link asset
          </Button>
        </Group>
      </form>
      {link.error && <ErrorAlert error={link.error} title="Could not link the asset" mt="sm" />}
    </Card>
  );
}

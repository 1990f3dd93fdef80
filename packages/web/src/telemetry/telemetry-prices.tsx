import { Button, Card, Group, NumberInput, Stack, Table, Text, TextInput, Title, VisuallyHidden } from "@mantine/core";
import {
  createTelemetryPriceRequestSchema,
  routes,
  type TelemetryPrice,
  updateTelemetryPriceRequestSchema,
} from "@openaims/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { PageLoader } from "../ui/page-loader";
import { useErrorFocus } from "../ui/use-error-focus";

interface Values {
  model: string;
  inputPerMillion: number | string;
  outputPerMillion: number | string;
  currency: string;
}

const blank: Values = { model: "", inputPerMillion: "", outputPerMillion: "", currency: "USD" };
const numberOrNaN = (value: number | string) => (value === "" ? Number.NaN : Number(value));
const money = (value: number, currency: string) =>
  `${value.toLocaleString("en", { maximumFractionDigits: 6 })} ${currency}`;

type SaveRequest =
  | { kind: "create"; body: ReturnType<typeof createTelemetryPriceRequestSchema.parse> }
  | { kind: "update"; priceId: string; body: ReturnType<typeof updateTelemetryPriceRequestSchema.parse> };

/**
 * Token prices per model, which the cost metric is computed from: a price per million input and output
 * tokens for a model name, or for every model starting with a prefix ending in *.
 */
export function TelemetryPrices({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const prices = useQuery({
    queryKey: ["telemetry", orgId, "prices"],
    queryFn: ({ signal }) => callApi(routes.listTelemetryPrices, { params: { orgId }, signal }),
  });
  const [editing, setEditing] = useState<TelemetryPrice | null>(null);
  const [values, setValues] = useState<Values>(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["telemetry", orgId, "prices"] });
  const save = useMutation({
    mutationFn: (request: SaveRequest) =>
      request.kind === "update"
        ? callApi(routes.updateTelemetryPrice, { params: { orgId, priceId: request.priceId }, body: request.body })
        : callApi(routes.createTelemetryPrice, { params: { orgId }, body: request.body }),
    onSuccess: async (price) => {
      setSaved(`Price for ${price.model} saved.`);
      setEditing(null);
      setValues(blank);
      await refresh();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });
  const remove = useMutation({
    mutationFn: (price: TelemetryPrice) =>
      callApi(routes.deleteTelemetryPrice, {
        params: { orgId, priceId: price.id },
        body: { version: price.version },
      }),
    onSuccess: async (_, price) => {
      setSaved(`Price for ${price.model} removed.`);
      await refresh();
    },
  });
  const formRef = useErrorFocus(errors, save.error);
  const set = (patch: Partial<Values>) => {
    setSaved("");
    setValues({ ...values, ...patch });
  };
  const startEdit = (price: TelemetryPrice) => {
    setEditing(price);
    setErrors({});
    setValues({
      model: price.model,
      inputPerMillion: price.inputPerMillion,
      outputPerMillion: price.outputPerMillion,
      currency: price.currency,
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      model: values.model,
      inputPerMillion: numberOrNaN(values.inputPerMillion),
      outputPerMillion: numberOrNaN(values.outputPerMillion),
      currency: values.currency.trim().toUpperCase(),
    };
    if (editing) {
      const result = validate(updateTelemetryPriceRequestSchema, { ...fields, version: editing.version });
      setErrors(result.errors ?? {});
      if (result.data) save.mutate({ kind: "update", priceId: editing.id, body: result.data });
    } else {
      const result = validate(createTelemetryPriceRequestSchema, fields);
      setErrors(result.errors ?? {});
      if (result.data) save.mutate({ kind: "create", body: result.data });
    }
  };
  const items = prices.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="telemetry-prices">
      <Stack>
        <Title order={2} size="h4" id="telemetry-prices">
          Token prices
        </Title>
        <Text size="sm" c="dimmed">
          The cost metric multiplies each span's input and output tokens by its model's price. A name ending in * is a
          prefix (gpt-4o* covers gpt-4o-mini); the longest matching prefix wins. A changed price applies to spans
          received from then on.
        </Text>
        {prices.error && <ErrorAlert error={prices.error} />}
        {remove.error && <ErrorAlert error={remove.error} title="The price was not removed" />}
        {prices.isPending ? (
          <PageLoader />
        ) : items.length === 0 ? (
          <Text>
            No prices yet, so costs count as zero.{" "}
            {canEdit ? "Add the models your systems call below." : "Ask a compliance manager to add them."}
          </Text>
        ) : (
          <Table striped aria-labelledby="telemetry-prices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Model</Table.Th>
                <Table.Th scope="col">Per million input tokens</Table.Th>
                <Table.Th scope="col">Per million output tokens</Table.Th>
                {canEdit && <Table.Th scope="col">Actions</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((price) => (
                <Table.Tr key={price.id}>
                  <Table.Th scope="row" fw={400}>
                    {price.model}
                  </Table.Th>
                  <Table.Td>{money(price.inputPerMillion, price.currency)}</Table.Td>
                  <Table.Td>{money(price.outputPerMillion, price.currency)}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap="xs">
                        <Button size="compact-sm" variant="default" onClick={() => startEdit(price)}>
                          Edit<VisuallyHidden component="span"> price of {price.model}</VisuallyHidden>
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="default"
                          color="red"
                          loading={remove.isPending && remove.variables?.id === price.id}
                          onClick={() => remove.mutate(price)}
                        >
                          Remove<VisuallyHidden component="span"> price of {price.model}</VisuallyHidden>
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" role="status" c="green.8">
          {saved}
        </Text>
        {canEdit && (
          <form
            ref={formRef}
            onSubmit={submit}
            noValidate
            aria-label={editing ? `Edit the price of ${editing.model}` : "Add a price"}
          >
            <Stack gap="sm">
              <Title order={3} size="h5">
                {editing ? `Edit the price of ${editing.model}` : "Add a price"}
              </Title>
              {save.error && <ErrorAlert error={save.error} title="The price was not saved" />}
              <Group grow align="flex-start">
                <TextInput
                  label="Model"
                  description="As in gen_ai.response.model, or a prefix ending in *"
                  required
                  value={values.model}
                  onChange={(e) => set({ model: e.currentTarget.value })}
                  error={errors.model}
                  maxLength={200}
                />
                <NumberInput
                  label="Per million input tokens"
                  required
                  min={0}
                  clampBehavior="none"
                  decimalScale={6}
                  value={values.inputPerMillion}
                  onChange={(inputPerMillion) => set({ inputPerMillion })}
                  error={errors.inputPerMillion}
                />
                <NumberInput
                  label="Per million output tokens"
                  required
                  min={0}
                  clampBehavior="none"
                  decimalScale={6}
                  value={values.outputPerMillion}
                  onChange={(outputPerMillion) => set({ outputPerMillion })}
                  error={errors.outputPerMillion}
                />
                <TextInput
                  label="Currency"
                  description="Three letters, such as USD"
                  value={values.currency}
                  onChange={(e) => set({ currency: e.currentTarget.value })}
                  error={errors.currency}
                  maxLength={3}
                />
              </Group>
              <Group>
                <Button type="submit" loading={save.isPending}>
                  {editing ? "Save price" : "Add price"}
                </Button>
                {editing && (
                  <Button
                    variant="default"
                    onClick={() => {
                      setEditing(null);
                      setValues(blank);
                      setErrors({});
                    }}
                  >
                    Cancel
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

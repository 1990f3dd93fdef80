import { Button, Fieldset, Group, Select, SimpleGrid, TextInput } from "@mantine/core";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { type AuditFilterValues, emptyAuditFilters } from "./audit-types";

interface Props {
  value: AuditFilterValues;
  onApply: (filters: AuditFilterValues) => void;
}

const sortOptions: { value: AuditFilterValues["sort"]; label: string }[] = [
  { value: "-seq", label: "Newest first" },
  { value: "seq", label: "Oldest first" },
];

/** Filters for the audit trail, applied together when the form is submitted. */
export function AuditFilters({ value, onApply }: Props) {
  const [draft, setDraft] = useState<AuditFilterValues>(value);
  const text = (name: Exclude<keyof AuditFilterValues, "sort">) => ({
    value: draft[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const next = event.currentTarget.value;
      setDraft((old) => ({ ...old, [name]: next }));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form onSubmit={submit}>
      <Fieldset legend="Filters">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <TextInput label="Action" description="e.g. member.role_changed" {...text("action")} />
          <TextInput label="Entity type" description="e.g. member" {...text("entityType")} />
          <TextInput label="Entity ID" {...text("entityId")} />
          <TextInput label="Actor ID" description="User or token id" {...text("actorId")} />
          <TextInput label="From" type="date" {...text("from")} />
          <TextInput label="To" type="date" {...text("to")} />
          <Select<AuditFilterValues["sort"]>
            label="Order"
            data={sortOptions}
            value={draft.sort}
            onChange={(sort) => setDraft((old) => ({ ...old, sort: sort ?? "-seq" }))}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit">Apply filters</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(emptyAuditFilters);
              onApply(emptyAuditFilters);
            }}
          >
            Clear
          </Button>
        </Group>
      </Fieldset>
    </form>
  );
}

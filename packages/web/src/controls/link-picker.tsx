import { Button, type ComboboxData, Group, Select } from "@mantine/core";

interface Props {
  /** Label of the search box, e.g. "Link a risk". */
  label: string;
  placeholder: string;
  nothingFoundMessage: string;
  buttonLabel: string;
  options: ComboboxData;
  search: string;
  onSearchChange: (search: string) => void;
  value: string | null;
  onChange: (value: string | null) => void;
  pending: boolean;
  onLink: (id: string) => void;
}

/** A searchable picker and a button that links the chosen record. */
export function LinkPicker(props: Props) {
  const { value } = props;
  return (
    <Group align="flex-end">
      <Select
        label={props.label}
        placeholder={props.placeholder}
        searchable
        searchValue={props.search}
        onSearchChange={props.onSearchChange}
        data={props.options}
        value={value}
        onChange={props.onChange}
        nothingFoundMessage={props.nothingFoundMessage}
        w={420}
      />
      <Button disabled={!value} loading={props.pending} onClick={() => value && props.onLink(value)}>
        {props.buttonLabel}
      </Button>
    </Group>
  );
}

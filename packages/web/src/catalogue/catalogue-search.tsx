import { TextInput } from "@mantine/core";

/** The search box of a catalogue list; filtering happens as people type. */
export function CatalogueSearch(props: {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextInput
      label={props.label}
      description={props.description}
      type="search"
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      maw={480}
    />
  );
}

import { Button, Group } from "@mantine/core";
import { reasonSchema } from "@openaims/contracts";
import { useState } from "react";
import { ReasonModal, type ReasonMutation } from "../ui/reason-modal";

interface Props {
  /** What the record is, in the button labels: "asset" gives "Edit asset" and "Archive asset". */
  noun: string;
  name: string;
  /** What archiving means for this record. */
  explanation: string;
  /** The buttons show only to people who may change an active record. */
  writable: boolean;
  onEdit: () => void;
  archive: ReasonMutation;
}

/** Edit and archive buttons for an inventory record, with the dialog that asks why it is archived. */
export function RecordActions({ noun, name, explanation, writable, onEdit, archive }: Props) {
  const [archiving, setArchiving] = useState(false);
  return (
    <>
      {writable && (
        <Group>
          <Button onClick={onEdit}>{`Edit ${noun}`}</Button>
          <Button variant="default" color="red" onClick={() => setArchiving(true)}>
            {`Archive ${noun}`}
          </Button>
        </Group>
      )}
      <ReasonModal
        opened={archiving}
        title={`Archive ${name}`}
        description={explanation}
        label="Reason"
        hint="Recorded in the audit trail."
        confirmLabel={`Archive ${noun}`}
        confirmColor="red"
        errorTitle="Not done"
        schema={reasonSchema}
        mutation={archive}
        onClose={() => setArchiving(false)}
      />
    </>
  );
}

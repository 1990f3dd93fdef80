import { Button, Code, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import type { FieldErrors } from "../api/form-errors";
import { ErrorAlert } from "../ui/error-alert";
import { useErrorFocus } from "../ui/use-error-focus";
import type { DocumentVersion } from "./document-types";

interface Props {
  version: DocumentVersion | null;
  pending: boolean;
  error: unknown;
  errors: FieldErrors;
  onApprove: (dates: { effectiveDate?: string; nextReviewDate?: string }) => void;
  onClose: () => void;
}

/** Confirms an approval of the exact text shown, with its effective and next-review dates. */
export function ApproveModal({ version, pending, error, errors, onApprove, onClose }: Props) {
  const [effectiveDate, setEffectiveDate] = useState("");
  const [nextReviewDate, setNextReviewDate] = useState("");
  useEffect(() => {
    setEffectiveDate(version?.effectiveDate ?? "");
    setNextReviewDate(version?.nextReviewDate ?? "");
  }, [version]);
  const formRef = useErrorFocus(errors, error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApprove({ effectiveDate: effectiveDate || undefined, nextReviewDate: nextReviewDate || undefined });
  };
  return (
    <Modal opened={version !== null} onClose={onClose} title={`Approve version ${version?.number ?? ""}`}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            You approve the text you have read, identified by its fingerprint{" "}
            <Code>{version?.bodySha256.slice(0, 16)}…</Code>. If it changed since, the approval is refused. The version
            in force now, if any, is superseded.
          </Text>
          {error !== null && error !== undefined && Object.keys(errors).length === 0 && (
            <ErrorAlert error={error} title="Not approved" />
          )}
          <TextInput
            type="date"
            label="Effective date"
            description="Leave empty for today."
            value={effectiveDate}
            onChange={(event) => setEffectiveDate(event.currentTarget.value)}
            error={errors.effectiveDate}
          />
          <TextInput
            type="date"
            label="Next review date"
            description="Leave empty for twelve months after the effective date."
            value={nextReviewDate}
            onChange={(event) => setNextReviewDate(event.currentTarget.value)}
            error={errors.nextReviewDate}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={pending}>
              Approve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

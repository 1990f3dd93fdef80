import { Alert } from "@mantine/core";
import type { ReactNode } from "react";
import { PageHeader } from "../ui/page-header";
import { InventoryNav } from "./inventory-nav";

interface Props {
  title: string;
  /** Set once the record is archived; shown with the reason it was archived for. */
  archived: boolean;
  archiveReason: string | null;
  /** Badges beside the title. */
  children?: ReactNode;
}

/** The top of an inventory record's page: the inventory tabs, the record's name and, if archived, why. */
export function RecordHeader({ title, archived, archiveReason, children }: Props) {
  return (
    <>
      <InventoryNav />
      <PageHeader title={title}>{children}</PageHeader>
      {archived && (
        <Alert color="gray" title="Archived">
          {archiveReason}
        </Alert>
      )}
    </>
  );
}

import { Stack } from "@mantine/core";
import { useOrg } from "../shell/current-org";
import { NoAccess } from "../ui/no-access";
import { PageHeader } from "../ui/page-header";
import { DocumentsNav } from "./documents-nav";
import { NewDocumentForm } from "./new-document-form";
import { TemplateChoices } from "./template-choices";

export default function NewDocumentPage() {
  const { can } = useOrg();
  if (!can("governance.write")) return <NoAccess title="New document" />;
  return (
    <Stack gap="lg">
      <PageHeader title="New document" />
      <DocumentsNav />
      <TemplateChoices />
      <NewDocumentForm />
    </Stack>
  );
}

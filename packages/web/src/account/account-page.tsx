import { Stack } from "@mantine/core";
import { PageHeader } from "../ui/page-header";
import { MyOrganisations } from "./my-organisations";
import { PasswordForm } from "./password-form";
import { ProfileForm } from "./profile-form";
import { ReminderSettings } from "./reminder-settings";

export default function AccountPage() {
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title="Account" />
      <ProfileForm />
      <PasswordForm />
      <MyOrganisations />
      <ReminderSettings />
    </Stack>
  );
}

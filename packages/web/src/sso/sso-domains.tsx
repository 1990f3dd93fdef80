import { Alert, Button, Card, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { routes, type SsoDomainClaim, sendSsoDomainVerificationRequestSchema } from "@openaims/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { callApi } from "../api/client";
import { type FieldErrors, serverFieldErrors, validate } from "../api/form-errors";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { StatusBadge } from "../ui/status-badge";
import { useErrorFocus } from "../ui/use-error-focus";

type VerificationBody = z.output<typeof sendSsoDomainVerificationRequestSchema>;

export const ssoDomainsKey = (orgId: string) => ["sso-domains", orgId] as const;

/** What a claim's state means, in a sentence. */
function claimNote(claim: SsoDomainClaim): string {
  if (claim.status === "verified") return `Verified ${formatDateTime(claim.verifiedAt)}.`;
  if (claim.status === "taken_over")
    return `Another organisation proved control ${formatDateTime(claim.takenOverAt)} and took it over; it no longer signs anyone in here.`;
  const sent = claim.verificationExpiresAt
    ? `Link sent to ${claim.verificationEmail}, valid until ${formatDateTime(claim.verificationExpiresAt)}.`
    : "No valid link: send a verification e-mail.";
  return claim.verifiedElsewhere ? `${sent} Another organisation holds it verified; confirming takes it over.` : sent;
}

/**
 * The e-mail domains the organisation claims for single sign-on, and the form that mails a one-time
 * verification link to an address at a domain. Only verified domains admit sign-ins.
 */
export function SsoDomains({ claims, manage }: { claims: SsoDomainClaim[]; manage: boolean }) {
  return (
    <Card withBorder component="section" aria-labelledby="sso-domains-heading">
      <Title order={2} size="h3" id="sso-domains-heading" mb="xs">
        E-mail domains
      </Title>
      <Text size="sm" mb="md">
        Single sign-on admits a domain only after someone who receives mail there confirms that this organisation
        controls it. Confirming a domain another organisation holds takes it over from them.
      </Text>
      <Stack>
        {claims.length === 0 ? (
          <Text size="sm" c="dimmed">
            No domain claimed yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Domain</Table.Th>
                  <Table.Th scope="col">State</Table.Th>
                  <Table.Th scope="col">Details</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {claims.map((claim) => (
                  <Table.Tr key={claim.domain}>
                    <Table.Td>{claim.domain}</Table.Td>
                    <Table.Td>
                      <StatusBadge of="ssoDomainStatus" value={claim.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{claimNote(claim)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {manage && <VerifyDomainForm />}
      </Stack>
    </Card>
  );
}

function VerifyDomainForm() {
  const { orgId } = useOrg();
  const queryClient = useQueryClient();
  const [domain, setDomain] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<{ email: string; ok: boolean } | null>(null);
  const send = useMutation({
    mutationFn: (body: VerificationBody) => callApi(routes.sendSsoDomainVerification, { params: { orgId }, body }),
    onSuccess: async (result, body) => {
      setSentTo({ email: body.email, ok: result.emailSent });
      if (result.emailSent)
        notifications.show({ color: "blue", message: `Verification e-mail sent to ${body.email}.` });
      await queryClient.invalidateQueries({ queryKey: ssoDomainsKey(orgId) });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
    meta: { inlineError: true },
  });

  const formRef = useErrorFocus(errors, send.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    const result = validate(sendSsoDomainVerificationRequestSchema, { domain, email });
    setErrors(result.errors ?? {});
    if (result.data) send.mutate(result.data);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="verify-domain-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="verify-domain-heading">
          Verify a domain
        </Title>
        <Group align="flex-start" wrap="wrap" grow>
          <TextInput
            label="Domain"
            description="e.g. example.com"
            required
            value={domain}
            onChange={(event) => setDomain(event.currentTarget.value)}
            error={errors.domain}
          />
          <TextInput
            label="Send the link to"
            description="An address at that domain whose mail your organisation reads, e.g. it-admin@example.com."
            type="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
          />
        </Group>
        {send.error && !Object.keys(serverFieldErrors(send.error)).length && (
          <ErrorAlert error={send.error} title="Could not send the verification e-mail" />
        )}
        {sentTo &&
          (sentTo.ok ? (
            <Alert color="blue" title="Check that mailbox">
              A one-time link went to {sentTo.email}. The domain is verified when someone opens it and presses Confirm
              within 48 hours.
            </Alert>
          ) : (
            <Alert color="red" title="The e-mail could not be sent">
              The mail server did not accept the message to {sentTo.email}. Check the address and try again.
            </Alert>
          ))}
        <Group>
          <Button type="submit" variant="default" loading={send.isPending}>
            Send verification e-mail
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

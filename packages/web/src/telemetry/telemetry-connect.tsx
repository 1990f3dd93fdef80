import { Anchor, Card, Code, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { CopyField } from "../ui/copy-field";

interface Props {
  orgId: string;
  /** The base address an OTLP exporter appends `/v1/traces` and `/v1/metrics` to. */
  endpoint: string;
  /** The resource attribute that names the system, e.g. service.name. */
  systemAttribute: string;
  /** The value the application must send in it. */
  serviceName: string;
  canCreateToken: boolean;
}

/**
 * How an application instrumented with OpenTelemetry sends its spans here: the two standard exporter
 * variables and the resource attribute that names this system. Nothing OpenAIMS-specific is needed.
 */
export function TelemetryConnect({ orgId, endpoint, systemAttribute, serviceName, canCreateToken }: Props) {
  return (
    <Card withBorder component="section" aria-labelledby="telemetry-connect">
      <Stack gap="sm">
        <Title order={2} size="h4" id="telemetry-connect">
          Connect an application
        </Title>
        <Text size="sm">
          Instrument the application with OpenTelemetry (the GenAI semantic conventions, <Code>gen_ai.*</Code>) and
          point its OTLP exporter here with these two environment variables. Spans and metrics go over HTTP, as JSON or
          protobuf.
        </Text>
        <CopyField label="OTEL_EXPORTER_OTLP_ENDPOINT" value={endpoint} />
        <CopyField
          label="OTEL_EXPORTER_OTLP_HEADERS"
          value="Authorization=Bearer%20<your API token>"
          description="Replace the placeholder with an API token that may write; %20 is the space after Bearer."
        />
        <Text size="sm">
          {canCreateToken ? (
            <Anchor component={Link} to={`/o/${orgId}/tokens`}>
              Create an API token
            </Anchor>
          ) : (
            "Ask an administrator for an API token"
          )}{" "}
          with write access for the application. Send the resource attribute <Code>{systemAttribute}</Code> with the
          value <Code>{serviceName}</Code> (for example <Code>OTEL_SERVICE_NAME={serviceName}</Code>), so its spans are
          counted for this system.
        </Text>
      </Stack>
    </Card>
  );
}

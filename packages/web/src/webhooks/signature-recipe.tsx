import { Code, List, Stack, Text, Title } from "@mantine/core";

const nodeExample = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (bytes, before any JSON parsing)
function verify(secret, headers, rawBody) {
  const timestamp = headers["openaims-timestamp"];
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false; // older than 5 minutes
  const expected = "v1=" + createHmac("sha256", secret).update(timestamp + "." + rawBody).digest("hex");
  const given = String(headers["openaims-signature"]);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

/** The exact recipe a receiver follows to check that a call came from this server and was not altered. */
export function SignatureRecipe() {
  return (
    <Stack gap="xs">
      <Title order={2} size="h3" id="verify-heading">
        How to verify the signature
      </Title>
      <Text size="sm">Every call is a JSON POST with these headers:</Text>
      <List size="sm" spacing={2}>
        <List.Item>
          <Code>OpenAIMS-Delivery</Code>: the delivery id, the same on every retry — ignore a delivery id you have
          already handled.
        </List.Item>
        <List.Item>
          <Code>OpenAIMS-Event</Code>: <Code>reminder.due</Code> or <Code>webhook.test</Code>.
        </List.Item>
        <List.Item>
          <Code>OpenAIMS-Timestamp</Code>: when this attempt was signed, in Unix seconds.
        </List.Item>
        <List.Item>
          <Code>OpenAIMS-Signature</Code>: <Code>v1=</Code> followed by the hexadecimal HMAC-SHA256 of{" "}
          <Code>{"<timestamp>.<raw body>"}</Code>, keyed with the whole secret (including <Code>whsec_</Code>) as UTF-8.
        </List.Item>
      </List>
      <Text size="sm">
        Compute the same HMAC over the timestamp, a dot and the body exactly as received, compare it with the header in
        constant time, and refuse timestamps more than five minutes old. Answer with any 2xx status within 10 seconds;
        anything else is retried with growing pauses, up to eight attempts.
      </Text>
      <Code block>{nodeExample}</Code>
    </Stack>
  );
}

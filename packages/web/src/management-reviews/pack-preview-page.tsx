import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { reviewAsOfSchema, routes } from "@openaims/contracts";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { buildUrl } from "../api/client";
import { useOrg } from "../shell/current-org";
import { ErrorAlert } from "../ui/error-alert";
import { formatDateTime } from "../ui/format";
import { PageHeader } from "../ui/page-header";
import { PageLoader } from "../ui/page-loader";
import { PackView } from "./pack/pack-view";
import { useLivePack } from "./use-review-data";

/** The pack compiled live from the records as of a date (`?asOf=`), without a scheduled review. */
export default function PackPreviewPage() {
  const { orgId } = useOrg();
  const [params, setParams] = useSearchParams();
  const asOf = params.get("asOf") ?? undefined;
  const valid = asOf === undefined || reviewAsOfSchema.safeParse(asOf).success;
  const pack = useLivePack(orgId, asOf, valid);
  const [date, setDate] = useState(asOf?.slice(0, 10) ?? "");
  const pdfUrl = buildUrl(routes.getReviewPack.path, { orgId }, { format: "pdf", asOf });
  const jsonUrl = buildUrl(routes.getReviewPack.path, { orgId }, { format: "json", asOf });

  return (
    <Stack>
      <PageHeader title="Management review pack preview">
        <Group>
          <Button component={Link} to={`/o/${orgId}/reviews`} variant="default">
            Back to reviews
          </Button>
          <Button component="a" href={pdfUrl} download variant="default">
            Download PDF
          </Button>
          <Button component="a" href={jsonUrl} download="review-pack.json" variant="default">
            Download JSON
          </Button>
        </Group>
      </PageHeader>
      <form
        aria-label="Records as of"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(date ? { asOf: date } : {});
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Records as of"
            description="Leave empty for now; a date means the end of that day (UTC)"
            type="date"
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            Show the pack
          </Button>
        </Group>
      </form>
      {!valid && (
        <Alert color="red" role="alert" title="Not a date">
          “{asOf}” is not a date or a timestamp. Choose a date above.
        </Alert>
      )}
      {pack.error && <ErrorAlert error={pack.error} title="Could not compile the pack" />}
      {valid && pack.isPending && <PageLoader />}
      {pack.data && (
        <>
          <Text c="dimmed">
            Records as of {formatDateTime(pack.data.previousActions.asOf)}; the period starts{" "}
            {pack.data.previousActions.since
              ? `after ${formatDateTime(pack.data.previousActions.since)}, when the last closed review read its pack`
              : "at the beginning, as no review has been closed yet"}
            . Nothing is saved: schedule a review to keep a pack and record decisions.
          </Text>
          <PackView pack={pack.data} />
        </>
      )}
    </Stack>
  );
}

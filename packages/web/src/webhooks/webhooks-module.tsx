import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import WebhookDetailPage from "./webhook-detail-page";
import WebhooksPage from "./webhooks-page";

/** Every page below /o/:orgId/webhooks: the organisation's outgoing webhooks and their delivery log. */
export default function WebhooksModule() {
  return (
    <Routes>
      <Route index element={<WebhooksPage />} />
      <Route path=":webhookId" element={<WebhookDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ConcernFormPage from "./concern-form-page";
import ConcernQueuePage from "./concern-queue-page";
import IncidentDetailPage from "./incident-detail-page";
import IncidentListPage from "./incident-list-page";
import ReportIncidentPage from "./report-incident-page";

/** Every page below /o/:orgId/incidents: incidents and the concern triage queue. */
export default function IncidentsModule() {
  return (
    <Routes>
      <Route index element={<IncidentListPage />} />
      <Route path="new" element={<ReportIncidentPage />} />
      <Route path="concerns" element={<ConcernQueuePage />} />
      <Route path="concerns/new" element={<ConcernFormPage />} />
      <Route path=":incidentId" element={<IncidentDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

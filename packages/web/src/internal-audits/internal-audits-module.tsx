import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import AuditFormPage from "./audit-form-page";
import AuditPage from "./audit-page";
import AuditsOverviewPage from "./audits-overview-page";
import ProgrammeFormPage from "./programme-form-page";
import ProgrammePage from "./programme-page";

/** Every page below /o/:orgId/audits: the audit programme, internal audits, their checklists and reports. */
export default function InternalAuditsModule() {
  return (
    <Routes>
      <Route index element={<AuditsOverviewPage />} />
      <Route path="programmes/new" element={<ProgrammeFormPage />} />
      <Route path="programmes/:programmeId" element={<ProgrammePage />} />
      <Route path="programmes/:programmeId/edit" element={<ProgrammeFormPage />} />
      <Route path="new" element={<AuditFormPage />} />
      <Route path=":auditId" element={<AuditPage />} />
      <Route path=":auditId/edit" element={<AuditFormPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

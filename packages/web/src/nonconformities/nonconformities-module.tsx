import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ImprovementLogPage from "./improvement-log-page";
import NonconformityDetailPage from "./nonconformity-detail-page";
import NonconformityRegisterPage from "./nonconformity-register-page";
import RaiseNonconformityPage from "./raise-nonconformity-page";

/** Every page below /o/:orgId/nonconformities: nonconformities, corrective actions and the improvement log. */
export default function NonconformitiesModule() {
  return (
    <Routes>
      <Route index element={<NonconformityRegisterPage />} />
      <Route path="new" element={<RaiseNonconformityPage />} />
      <Route path="improvements" element={<ImprovementLogPage />} />
      <Route path=":nonconformityId" element={<NonconformityDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { lazy } from "react";
import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";

const RiskRegisterPage = lazy(() => import("./risk-register-page"));
const NewRiskPage = lazy(() => import("./new-risk-page"));
const RiskDetailPage = lazy(() => import("./risk-detail-page"));
const EditRiskPage = lazy(() => import("./edit-risk-page"));
const RiskMethodPage = lazy(() => import("./risk-method-page"));
const ThreatModelPage = lazy(() => import("./threat-model-page"));

/** Every page below /o/:orgId/risks. */
export default function RisksModule() {
  return (
    <Routes>
      <Route index element={<RiskRegisterPage />} />
      <Route path="new" element={<NewRiskPage />} />
      <Route path="method" element={<RiskMethodPage />} />
      <Route path="threat-model/:systemId" element={<ThreatModelPage />} />
      <Route path=":riskId" element={<RiskDetailPage />} />
      <Route path=":riskId/edit" element={<EditRiskPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { Navigate, Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ClauseDetailPage from "./clause-detail-page";
import ClauseListPage from "./clause-list-page";
import ControlDetailPage from "./control-detail-page";
import ControlListPage from "./control-list-page";
import CrosswalksPage from "./crosswalks-page";
import ThreatDetailPage from "./threat-detail-page";
import ThreatListPage from "./threat-list-page";

/** Every page below /o/:orgId/catalogue; each item has its own address, e.g. controls/A.6.2.4. */
export default function CatalogueModule() {
  return (
    <Routes>
      <Route index element={<Navigate to="clauses" replace />} />
      <Route path="clauses" element={<ClauseListPage />} />
      <Route path="clauses/:clauseId" element={<ClauseDetailPage />} />
      <Route path="controls" element={<ControlListPage />} />
      <Route path="controls/:controlId" element={<ControlDetailPage />} />
      <Route path="threats" element={<ThreatListPage />} />
      <Route path="threats/:threatId" element={<ThreatDetailPage />} />
      <Route path="crosswalks" element={<CrosswalksPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import AddEvidencePage from "./add-evidence-page";
import EvidenceAttentionPage from "./evidence-attention-page";
import EvidenceDetailPage from "./evidence-detail-page";
import EvidenceListPage from "./evidence-list-page";

/** Every page below /o/:orgId/evidence. */
export default function EvidenceModule() {
  return (
    <Routes>
      <Route index element={<EvidenceListPage />} />
      <Route path="new" element={<AddEvidencePage />} />
      <Route path="attention" element={<EvidenceAttentionPage />} />
      <Route path=":evidenceId" element={<EvidenceDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

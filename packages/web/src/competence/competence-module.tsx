import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import CompetencePage from "./competence-page";
import ImportTrainingPage from "./import-training-page";

/** Every page below /o/:orgId/competence: required competences, training records, coverage and policy acknowledgements. */
export default function CompetenceModule() {
  return (
    <Routes>
      <Route index element={<CompetencePage />} />
      <Route path="import" element={<ImportTrainingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import ObjectiveFormPage from "./objective-form-page";
import ObjectivePage from "./objective-page";
import ObjectivesPage from "./objectives-page";

/** Every page below /o/:orgId/objectives: AI objectives and their progress. */
export default function ObjectivesModule() {
  return (
    <Routes>
      <Route index element={<ObjectivesPage />} />
      <Route path="new" element={<ObjectiveFormPage />} />
      <Route path=":objectiveId" element={<ObjectivePage />} />
      <Route path=":objectiveId/edit" element={<ObjectiveFormPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

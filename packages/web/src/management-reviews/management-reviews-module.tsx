import { Route, Routes } from "react-router";
import NotFoundPage from "../shell/not-found-page";
import PackPreviewPage from "./pack-preview-page";
import ReviewDetailPage from "./review-detail-page";
import ReviewListPage from "./review-list-page";

/** Every page below /o/:orgId/reviews: management reviews, their input packs, decisions and actions. */
export default function ManagementReviewsModule() {
  return (
    <Routes>
      <Route index element={<ReviewListPage />} />
      <Route path="pack" element={<PackPreviewPage />} />
      <Route path=":reviewId" element={<ReviewDetailPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

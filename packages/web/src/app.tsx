import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { RequireSession } from "./auth/require-session";
import { AppLayout } from "./shell/app-layout";
import { HomeRedirect } from "./shell/home-redirect";
import { OrgGate } from "./shell/org-gate";
import { PageLoader } from "./ui/page-loader";

const SignInPage = lazy(() => import("./auth/sign-in-page"));
const SetupPage = lazy(() => import("./auth/setup-page"));
const AcceptInvitationPage = lazy(() => import("./auth/accept-invitation-page"));
const SsoLinkPage = lazy(() => import("./auth/sso-link-page"));
const VerifyDomainPage = lazy(() => import("./sso/verify-domain-page"));
const NoOrganisationPage = lazy(() => import("./orgs/no-organisation-page"));
const HomePage = lazy(() => import("./overview/home-page"));
const MembersPage = lazy(() => import("./members/members-page"));
const OrganisationSettingsPage = lazy(() => import("./orgs/organisation-settings-page"));
const InvitationsPage = lazy(() => import("./invitations/invitations-page"));
const TokensPage = lazy(() => import("./tokens/tokens-page"));
const SsoPage = lazy(() => import("./sso/sso-page"));
const AuditTrailPage = lazy(() => import("./audit/audit-trail-page"));
const AccountPage = lazy(() => import("./account/account-page"));
const ReadinessModule = lazy(() => import("./readiness/readiness-module"));
const InventoryModule = lazy(() => import("./inventory/inventory-module"));
const LicencesModule = lazy(() => import("./licences/licences-module"));
const RisksModule = lazy(() => import("./risks/risks-module"));
const ImpactAssessmentsModule = lazy(() => import("./impact-assessments/impact-assessments-module"));
const ControlsModule = lazy(() => import("./controls/controls-module"));
const DocumentsModule = lazy(() => import("./documents/documents-module"));
const EvidenceModule = lazy(() => import("./evidence/evidence-module"));
const CatalogueModule = lazy(() => import("./catalogue/catalogue-module"));
const RedteamModule = lazy(() => import("./redteam/redteam-module"));
const GatesModule = lazy(() => import("./gates/gates-module"));
const ChangesModule = lazy(() => import("./changes/changes-module"));
const MonitoringModule = lazy(() => import("./monitoring/monitoring-module"));
const DriftModule = lazy(() => import("./drift/drift-module"));
const SupplyChainModule = lazy(() => import("./supply-chain/supply-chain-module"));
const IncidentsModule = lazy(() => import("./incidents/incidents-module"));
const NonconformitiesModule = lazy(() => import("./nonconformities/nonconformities-module"));
const InternalAuditsModule = lazy(() => import("./internal-audits/internal-audits-module"));
const ManagementReviewsModule = lazy(() => import("./management-reviews/management-reviews-module"));
const ObjectivesModule = lazy(() => import("./objectives/objectives-module"));
const CompetenceModule = lazy(() => import("./competence/competence-module"));
const MyWorkModule = lazy(() => import("./my-work/my-work-module"));
const WebhooksModule = lazy(() => import("./webhooks/webhooks-module"));
const AgentsModule = lazy(() => import("./agents/agents-module"));
const AgentApprovalsModule = lazy(() => import("./agent-approvals/agent-approvals-module"));
const AgentDecisionsModule = lazy(() => import("./agent-decisions/agent-decisions-module"));
const ApprovalLinkPage = lazy(() => import("./agent-approvals/approval-link-page"));
const AnonymousConcernPage = lazy(() => import("./incidents/anonymous-concern-page"));
const NotFoundPage = lazy(() => import("./shell/not-found-page"));

/** Every page of the app; pages load on demand so the first paint stays small. */
export function App() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/invite" element={<AcceptInvitationPage />} />
        <Route path="/sso/link" element={<SsoLinkPage />} />
        <Route path="/sso/verify-domain" element={<VerifyDomainPage />} />
        <Route path="/concern/:token" element={<AnonymousConcernPage />} />
        <Route
          path="/"
          element={
            <RequireSession>
              <HomeRedirect />
            </RequireSession>
          }
        />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route path="/o/:orgId" element={<OrgGate />}>
            <Route index element={<HomePage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="organisation" element={<OrganisationSettingsPage />} />
            <Route path="invitations" element={<InvitationsPage />} />
            <Route path="tokens" element={<TokensPage />} />
            <Route path="sso" element={<SsoPage />} />
            <Route path="audit-trail" element={<AuditTrailPage />} />
            <Route path="readiness/*" element={<ReadinessModule />} />
            <Route path="inventory/*" element={<InventoryModule />} />
            <Route path="licences/*" element={<LicencesModule />} />
            <Route path="risks/*" element={<RisksModule />} />
            <Route path="impact-assessments/*" element={<ImpactAssessmentsModule />} />
            <Route path="controls/*" element={<ControlsModule />} />
            <Route path="documents/*" element={<DocumentsModule />} />
            <Route path="evidence/*" element={<EvidenceModule />} />
            <Route path="catalogue/*" element={<CatalogueModule />} />
            <Route path="security-tests/*" element={<RedteamModule />} />
            <Route path="gates/*" element={<GatesModule />} />
            <Route path="changes/*" element={<ChangesModule />} />
            <Route path="monitoring/*" element={<MonitoringModule />} />
            <Route path="drift/*" element={<DriftModule />} />
            <Route path="model-scans/*" element={<SupplyChainModule />} />
            <Route path="incidents/*" element={<IncidentsModule />} />
            <Route path="nonconformities/*" element={<NonconformitiesModule />} />
            <Route path="audits/*" element={<InternalAuditsModule />} />
            <Route path="reviews/*" element={<ManagementReviewsModule />} />
            <Route path="objectives/*" element={<ObjectivesModule />} />
            <Route path="competence/*" element={<CompetenceModule />} />
            <Route path="my-work/*" element={<MyWorkModule />} />
            <Route path="webhooks/*" element={<WebhooksModule />} />
            <Route path="agents/*" element={<AgentsModule />} />
            <Route path="agent-approvals/*" element={<AgentApprovalsModule />} />
            <Route path="agent-decisions/*" element={<AgentDecisionsModule />} />
          </Route>
          <Route path="/account" element={<AccountPage />} />
          <Route path="/approve/:token" element={<ApprovalLinkPage />} />
          <Route path="/welcome" element={<NoOrganisationPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { RouteErrorFallback } from './components/error-boundary';
import { validateAuditSearch } from './features/audit/audit-search';
import { validateRunsSearch } from './features/runs/runs-search';
import { validateCatalogSearch } from './features/catalog/catalog-search';
import { validateErrorLogSearch } from './features/errors/error-log-search';
import { AppShell } from './features/shell/app-shell';
import { prefetchConversationList } from './features/conversations/use-conversations';
import { validateExportHistorySearch } from './features/export/history-search';
import { parseViewState, validateViewSearch } from './features/conversations/view-state';
import { ApiError } from './lib/api';
import { queries } from './lib/endpoints';
import { parseSearch, stringifySearch } from './lib/search-params';
import { ConversationsPage } from './pages/conversations-page';
import { SignInPage } from './pages/sign-in-page';
import { validateDocumentsSearch } from './features/documents/documents-search';
import { validateCoverageSearch } from './features/coverage/coverage-search';
import { validateAnalyticsSearch } from './features/template-analytics/analytics-search';
import { validateTemplatesSearch } from './features/templates/templates-search';
import { validateScenariosSearch } from './features/scenarios/scenarios-search';

/**
 * A page's render error goes on to the nearest React error boundary: inside the app shell that is
 * the one around the page, so the navigation stays usable (US11.3.2).
 */
function RethrowToBoundary({ error }: ErrorComponentProps): never {
  throw error;
}

/** Errors no section boundary catches (the sign-in check, pages outside the shell) fill the page. */
function FullPageError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  return <RouteErrorFallback error={error} reset={reset} onReset={() => void router.invalidate()} />;
}

// Pages visited now and then load on first visit, so the dashboard's first load stays small.
const RunsPage = lazyRouteComponent(() => import('./pages/runs-page'), 'RunsPage');
const DocumentsPage = lazyRouteComponent(() => import('./pages/documents-page'), 'DocumentsPage');
const ErrorsPage = lazyRouteComponent(() => import('./pages/errors-page'), 'ErrorsPage');
const AuditPage = lazyRouteComponent(() => import('./pages/audit-page'), 'AuditPage');
const ExportsPage = lazyRouteComponent(() => import('./pages/exports-page'), 'ExportsPage');
const SettingsPage = lazyRouteComponent(() => import('./pages/settings-page'), 'SettingsPage');
const CatalogPage = lazyRouteComponent(() => import('./pages/catalog-page'), 'CatalogPage');
const TemplatesPage = lazyRouteComponent(() => import('./pages/templates-page'), 'TemplatesPage');
const TemplateAnalyticsPage = lazyRouteComponent(() => import('./pages/template-analytics-page'), 'TemplateAnalyticsPage');
const TiersPage = lazyRouteComponent(() => import('./pages/tiers-page'), 'TiersPage');
const ArcsPage = lazyRouteComponent(() => import('./pages/arcs-page'), 'ArcsPage');
const ScenariosPage = lazyRouteComponent(() => import('./pages/scenarios-page'), 'ScenariosPage');
const EdgeCasesPage = lazyRouteComponent(() => import('./pages/edge-cases-page'), 'EdgeCasesPage');
const CoveragePage = lazyRouteComponent(() => import('./pages/coverage-page'), 'CoveragePage');
const PreflightPage = lazyRouteComponent(() => import('./pages/preflight-page'), 'PreflightPage');
const SetupPage = lazyRouteComponent(() => import('./pages/setup-page'), 'SetupPage');
const InvitePage = lazyRouteComponent(() => import('./pages/invite-page'), 'InvitePage');

export function buildRouter(queryClient: QueryClient) {
  const rootRoute = createRootRoute({ component: Outlet, errorComponent: FullPageError });

  /** Sends a first-run workspace to /setup and a signed-out visitor to /sign-in. */
  const requireUser = async () => {
    // Both questions at once: a page load waits for one round trip, not two.
    const [setup, me] = await Promise.allSettled([
      queryClient.fetchQuery({ ...queries.setup(), staleTime: 30_000 }),
      queryClient.fetchQuery({ ...queries.me(), staleTime: 60_000 }),
    ]);
    if (setup.status === 'rejected') throw setup.reason;
    if (setup.value.needsSetup) throw redirect({ to: '/setup' });
    if (me.status === 'rejected') {
      if (me.reason instanceof ApiError && me.reason.status === 401) throw redirect({ to: '/sign-in' });
      throw me.reason;
    }
  };

  const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppShell, beforeLoad: requireUser, errorComponent: FullPageError });
  const indexRoute = createRoute({ getParentRoute: () => appRoute, path: '/', beforeLoad: () => { throw redirect({ to: '/conversations' }); } });
  const conversationsRoute = createRoute({
    getParentRoute: () => appRoute,
    path: '/conversations',
    validateSearch: validateViewSearch,
    loaderDeps: ({ search }) => search,
    loader: ({ deps }) => prefetchConversationList(queryClient, parseViewState(deps)),
    component: ConversationsPage,
  });
  const runsRoute = createRoute({ getParentRoute: () => appRoute, path: '/runs', validateSearch: validateRunsSearch, component: RunsPage });
  const documentsRoute = createRoute({ getParentRoute: () => appRoute, path: '/documents', validateSearch: validateDocumentsSearch, component: DocumentsPage });
  const errorsRoute = createRoute({ getParentRoute: () => appRoute, path: '/errors', validateSearch: validateErrorLogSearch, component: ErrorsPage });
  const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', validateSearch: validateAuditSearch, component: AuditPage });
  const exportsRoute = createRoute({ getParentRoute: () => appRoute, path: '/exports', validateSearch: validateExportHistorySearch, component: ExportsPage });
  const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings', component: SettingsPage });
  const catalogRoute = createRoute({ getParentRoute: () => appRoute, path: '/catalog', validateSearch: validateCatalogSearch, component: CatalogPage });
  const templatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/templates', validateSearch: validateTemplatesSearch, component: TemplatesPage });
  const templateAnalyticsRoute = createRoute({ getParentRoute: () => appRoute, path: '/templates/analytics', validateSearch: validateAnalyticsSearch, component: TemplateAnalyticsPage });
  const tiersRoute = createRoute({ getParentRoute: () => appRoute, path: '/tiers', component: TiersPage });
  const arcsRoute = createRoute({ getParentRoute: () => appRoute, path: '/arcs', component: ArcsPage });
  const scenariosRoute = createRoute({ getParentRoute: () => appRoute, path: '/scenarios', validateSearch: validateScenariosSearch, component: ScenariosPage });
  const edgeCasesRoute = createRoute({ getParentRoute: () => appRoute, path: '/edge-cases', component: EdgeCasesPage });
  const preflightRoute = createRoute({ getParentRoute: () => appRoute, path: '/preflight', component: PreflightPage });
  const coverageRoute = createRoute({
    getParentRoute: () => appRoute,
    path: '/coverage',
    validateSearch: validateCoverageSearch,
    loaderDeps: ({ search }) => search,
    // The report is asked for while the page's code loads, not after: the two waits overlap.
    loader: ({ deps }) => void queryClient.prefetchQuery(queries.coverage(deps.scope ?? 'generated')),
    component: CoveragePage,
  });
  const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage });
  // Once the admin exists, the first-run page is no longer offered.
  const setupRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/setup',
    component: SetupPage,
    beforeLoad: async () => {
      const { needsSetup } = await queryClient.fetchQuery({ ...queries.setup(), staleTime: 0 });
      if (!needsSetup) throw redirect({ to: '/sign-in' });
    },
  });
  const inviteRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/invite',
    validateSearch: (raw: Record<string, unknown>): { token: string } => ({ token: typeof raw.token === 'string' ? raw.token : '' }),
    component: InvitePage,
  });

  const pages = [
    indexRoute,
    conversationsRoute,
    runsRoute,
    tiersRoute,
    templatesRoute,
    templateAnalyticsRoute,
    arcsRoute,
    scenariosRoute,
    edgeCasesRoute,
    coverageRoute,
    preflightRoute,
    documentsRoute,
    errorsRoute,
    auditRoute,
    exportsRoute,
    settingsRoute,
    catalogRoute,
  ];
  const routeTree = rootRoute.addChildren([appRoute.addChildren(pages), signInRoute, setupRoute, inviteRoute]);
  return createRouter({ routeTree, parseSearch, stringifySearch, defaultPreload: 'intent', defaultErrorComponent: RethrowToBoundary });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}

import { createRootRoute, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppShell } from './features/shell/app-shell';
import { validateViewSearch } from './features/conversations/view-state';
import { api, ApiError } from './lib/api';
import type { Me } from './lib/queries';
import { parseSearch, stringifySearch } from './lib/search-params';
import { ConversationsPage } from './pages/conversations-page';
import { DocumentsPage } from './pages/documents-page';
import { InvitePage } from './pages/invite-page';
import { RunsPage } from './pages/runs-page';
import { SetupPage } from './pages/setup-page';
import { SignInPage } from './pages/sign-in-page';

export function buildRouter(queryClient: QueryClient) {
  const rootRoute = createRootRoute({ component: Outlet });

  /** Sends a first-run workspace to /setup and a signed-out visitor to /sign-in. */
  const requireUser = async () => {
    const { needsSetup } = await queryClient.fetchQuery({ queryKey: ['setup'], queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup'), staleTime: 30_000 });
    if (needsSetup) throw redirect({ to: '/setup' });
    try {
      await queryClient.fetchQuery({ queryKey: ['me'], queryFn: () => api.get<Me>('/api/me'), staleTime: 60_000 });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) throw redirect({ to: '/sign-in' });
      throw err;
    }
  };

  const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: AppShell, beforeLoad: requireUser });
  const indexRoute = createRoute({ getParentRoute: () => appRoute, path: '/', beforeLoad: () => { throw redirect({ to: '/conversations' }); } });
  const conversationsRoute = createRoute({ getParentRoute: () => appRoute, path: '/conversations', validateSearch: validateViewSearch, component: ConversationsPage });
  const runsRoute = createRoute({ getParentRoute: () => appRoute, path: '/runs', component: RunsPage });
  const documentsRoute = createRoute({ getParentRoute: () => appRoute, path: '/documents', component: DocumentsPage });
  const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage });
  // Once the admin exists, the first-run page is no longer offered.
  const setupRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/setup',
    component: SetupPage,
    beforeLoad: async () => {
      const { needsSetup } = await queryClient.fetchQuery({ queryKey: ['setup'], queryFn: () => api.get<{ needsSetup: boolean }>('/api/setup'), staleTime: 0 });
      if (!needsSetup) throw redirect({ to: '/sign-in' });
    },
  });
  const inviteRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/invite',
    validateSearch: (raw: Record<string, unknown>): { token: string } => ({ token: typeof raw.token === 'string' ? raw.token : '' }),
    component: InvitePage,
  });

  const routeTree = rootRoute.addChildren([appRoute.addChildren([indexRoute, conversationsRoute, runsRoute, documentsRoute]), signInRoute, setupRoute, inviteRoute]);
  return createRouter({ routeTree, parseSearch, stringifySearch, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof buildRouter>;
  }
}

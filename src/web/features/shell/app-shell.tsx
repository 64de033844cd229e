import { Link, Outlet, useNavigate, useRouter, useRouterState } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { AlertTriangle, ChartPie, Download, FileCode2, FileText, Layers, LogOut, MessagesSquare, PlayCircle, ScrollText, Settings, Tags } from 'lucide-react';
import { can } from '../../../core/roles';
import { ErrorBoundary } from '../../components/error-boundary';
import { Button } from '../../components/ui/button';
import { Tooltip } from '../../components/ui/tooltip';
import { endpoints } from '../../lib/endpoints';
import { useHealth, useMe } from '../../lib/queries';
import { useFailedCount } from '../errors/retry-all-failed';
import { ProviderBanner } from './provider-banner';
import { ChecklistNavItem } from '../checklist/checklist-nav';

const NAV = [
  { to: '/conversations', label: 'Conversations', icon: MessagesSquare },
  { to: '/runs', label: 'Runs', icon: PlayCircle },
  { to: '/coverage', label: 'Coverage', icon: ChartPie },
  { to: '/tiers', label: 'Tiers', icon: Layers },
  { to: '/templates', label: 'Templates', icon: FileCode2 },
  { to: '/documents', label: 'Documents', icon: FileText },
  { to: '/catalog', label: 'Catalog', icon: Tags },
  { to: '/exports', label: 'Exports', icon: Download },
  { to: '/errors', label: 'Errors', icon: AlertTriangle },
  { to: '/audit', label: 'Audit', icon: ScrollText },
  { to: '/settings', label: 'Settings', icon: Settings },
] as const;

/** Sidebar navigation, header with the signed-in user, and the page beside them. */
export function AppShell() {
  const { data: me } = useMe();
  const { data: health } = useHealth();
  const navigate = useNavigate();
  const router = useRouter();
  // The path once the new page has loaded: resetting earlier would re-render the crashed page.
  const pathname = useRouterState({ select: (state) => (state.resolvedLocation ?? state.location).pathname });
  const client = useQueryClient();
  const signOut = async () => {
    await endpoints.account.signOut();
    client.clear();
    await navigate({ to: '/sign-in' });
  };
  return (
    // The shell fills the window and never scrolls: the menu stays put, and each page scrolls inside <main>.
    <div className="grid h-dvh grid-cols-[60px_minmax(0,1fr)] grid-rows-[minmax(0,1fr)] overflow-hidden 2xl:grid-cols-[220px_minmax(0,1fr)]">
      <a
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          skipToContent();
        }}
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-primary focus:px-3 focus:py-1.5 focus:text-sm focus:text-white"
      >
        Skip to content
      </a>
      <nav className="flex flex-col border-r border-border bg-surface" aria-label="Main">
        <div className="flex h-14 items-center gap-2 border-b border-border px-4 2xl:px-5">
          <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-lg bg-primary text-sm font-bold text-white" aria-hidden>
            c
          </span>
          <span className="hidden text-[15px] font-semibold tracking-tight text-text 2xl:inline">convgen</span>
        </div>
        <ErrorBoundary section="navigation" label="The menu" compact className="flex-1">
          <ul className="flex-1 space-y-0.5 p-2 2xl:p-3">
            {NAV.filter(({ to }) => (to === '/audit' ? me && can(me.role, 'audit:read') : to === '/settings' ? me && can(me.role, 'settings:write') : true)).map(({ to, label, icon: Icon }) => (
              <li key={to}>
                <Tooltip content={label} side="right">
                  <Link
                    to={to}
                    aria-label={label}
                    className="flex items-center justify-center gap-2.5 rounded-md px-3 py-2 text-sm text-muted hover:bg-surface-muted hover:text-text 2xl:justify-start"
                    activeProps={{ className: 'bg-primary-soft font-medium !text-primary' }}
                  >
                    <span className="relative">
                      <Icon className="h-4 w-4 shrink-0" aria-hidden />
                      {to === '/errors' && <FailedDot />}
                    </span>
                    <span className="hidden 2xl:inline">{label}</span>
                    {to === '/errors' && <FailedCount />}
                  </Link>
                </Tooltip>
              </li>
            ))}
            <li>
              <ChecklistNavItem />
            </li>
          </ul>
        </ErrorBoundary>
        <div className="border-t border-border p-2 text-xs text-muted 2xl:p-3">
          {health && (
            <p className="hidden px-2 pb-2 2xl:block">
              v{health.version} · {health.database === 'pglite' ? 'embedded database' : 'PostgreSQL'}
            </p>
          )}
          {me && (
            <div className="flex items-center justify-center gap-2 rounded-md py-1.5 2xl:justify-between 2xl:px-2">
              <div className="hidden min-w-0 2xl:block">
                <p className="truncate text-sm font-medium text-text">{me.name}</p>
                <p className="truncate">
                  {me.email} · {me.role}
                </p>
              </div>
              <Button size="icon" variant="ghost" onClick={signOut} aria-label="Sign out" title={`Signed in as ${me.email} (${me.role}). Sign out`}>
                <LogOut className="h-4 w-4" />
              </Button>
            </div>
          )}
        </div>
      </nav>
      <div className="flex min-h-0 min-w-0 flex-col">
        <ErrorBoundary section="banner" label="The provider notice" compact className="flex-row justify-start">
          <ProviderBanner />
        </ErrorBoundary>
        <main id="main" tabIndex={-1} className="min-h-0 flex-1 overflow-y-auto focus:outline-none">
          {/* A crashed page leaves the menu usable; going to another page clears the error. */}
          <ErrorBoundary section="page" label="This page" resetKeys={[pathname]} onReset={() => void router.invalidate()}>
            <Outlet />
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}

/**
 * The first Tab on any page offers to skip the menu: to what the page marks as where work
 * starts (`data-skip-target`, "first" preferred; the conversation rows, say), or else the page.
 */
function skipToContent() {
  const target = document.querySelector<HTMLElement>('main [data-skip-target="first"]') ?? document.querySelector<HTMLElement>('main [data-skip-target]') ?? document.getElementById('main');
  target?.focus();
}

/** How many conversations are failed, beside "Errors" in the wide menu. */
function FailedCount() {
  const { data: failed } = useFailedCount();
  if (!failed) return null;
  return (
    <span className="ml-auto hidden rounded-full bg-danger-soft px-1.5 text-xs font-medium text-danger tabular-nums 2xl:inline" aria-label={`${failed} failed conversation${failed === 1 ? '' : 's'}`}>
      {failed}
    </span>
  );
}

/** The same, as a dot on the icon when the menu is narrow. */
function FailedDot() {
  const { data: failed } = useFailedCount();
  if (!failed) return null;
  return <span className="absolute -top-0.5 -right-0.5 h-2 w-2 rounded-full bg-danger 2xl:hidden" aria-hidden />;
}

import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { FileText, LogOut, MessagesSquare, PlayCircle } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { Tooltip } from '../../components/ui/tooltip';
import { api } from '../../lib/api';
import { useHealth, useMe } from '../../lib/queries';
import { ProviderBanner } from './provider-banner';

const NAV = [
  { to: '/conversations', label: 'Conversations', icon: MessagesSquare },
  { to: '/runs', label: 'Runs', icon: PlayCircle },
  { to: '/documents', label: 'Documents', icon: FileText },
] as const;

/** Sidebar navigation, header with the signed-in user, and the page beside them. */
export function AppShell() {
  const { data: me } = useMe();
  const { data: health } = useHealth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const signOut = async () => {
    await api.post('/api/auth/sign-out');
    client.clear();
    await navigate({ to: '/sign-in' });
  };
  return (
    <div className="grid h-full grid-cols-[60px_minmax(0,1fr)] 2xl:grid-cols-[220px_minmax(0,1fr)]">
      <nav className="flex flex-col border-r border-border bg-surface" aria-label="Main">
        <div className="flex h-14 items-center gap-2 border-b border-border px-4 2xl:px-5">
          <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-lg bg-primary text-sm font-bold text-white" aria-hidden>
            c
          </span>
          <span className="hidden text-[15px] font-semibold tracking-tight text-text 2xl:inline">convgen</span>
        </div>
        <ul className="flex-1 space-y-0.5 p-2 2xl:p-3">
          {NAV.map(({ to, label, icon: Icon }) => (
            <li key={to}>
              <Tooltip content={label} side="right">
                <Link
                  to={to}
                  aria-label={label}
                  className="flex items-center justify-center gap-2.5 rounded-md px-3 py-2 text-sm text-muted hover:bg-surface-muted hover:text-text 2xl:justify-start"
                  activeProps={{ className: 'bg-primary-soft font-medium !text-primary' }}
                >
                  <Icon className="h-4 w-4 shrink-0" aria-hidden />
                  <span className="hidden 2xl:inline">{label}</span>
                </Link>
              </Tooltip>
            </li>
          ))}
        </ul>
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
        <ProviderBanner />
        <main className="min-h-0 flex-1">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

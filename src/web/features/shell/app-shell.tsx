import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { FileText, LogOut, MessagesSquare, PlayCircle } from 'lucide-react';
import { Button } from '../../components/ui/button';
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
    <div className="grid h-full grid-cols-[220px_minmax(0,1fr)]">
      <nav className="flex flex-col border-r border-border bg-surface" aria-label="Main">
        <div className="flex h-14 items-center gap-2 border-b border-border px-5">
          <span className="flex h-7 w-7 items-center justify-center rounded-lg bg-primary text-sm font-bold text-white" aria-hidden>
            c
          </span>
          <span className="text-[15px] font-semibold tracking-tight text-text">convgen</span>
        </div>
        <ul className="flex-1 space-y-0.5 p-3">
          {NAV.map(({ to, label, icon: Icon }) => (
            <li key={to}>
              <Link
                to={to}
                className="flex items-center gap-2.5 rounded-md px-3 py-2 text-sm text-muted hover:bg-surface-muted hover:text-text"
                activeProps={{ className: 'bg-primary-soft font-medium !text-primary' }}
              >
                <Icon className="h-4 w-4" aria-hidden />
                {label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="border-t border-border p-3 text-xs text-muted">
          {health && (
            <p className="px-2 pb-2">
              v{health.version} · {health.database === 'pglite' ? 'embedded database' : 'PostgreSQL'}
            </p>
          )}
          {me && (
            <div className="flex items-center justify-between gap-2 rounded-md px-2 py-1.5">
              <div className="min-w-0">
                <p className="truncate text-sm font-medium text-text">{me.name}</p>
                <p className="truncate">
                  {me.email} · {me.role}
                </p>
              </div>
              <Button size="icon" variant="ghost" onClick={signOut} aria-label="Sign out">
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

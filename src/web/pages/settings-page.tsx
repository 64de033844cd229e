import { useQuery } from '@tanstack/react-query';
import { Lock } from 'lucide-react';
import { can } from '../../core/roles';
import { Skeleton } from '../components/ui/skeleton';
import { queries } from '../lib/endpoints';
import { useMe } from '../lib/queries';
import { Card } from '../features/settings/form';
import { GenerationCard } from '../features/settings/generation-card';
import { KEYS, ApiKeyRow } from '../features/settings/api-keys';
import { BudgetCard, QualityCard, RetentionCard, PrivacyCard, TemplatesCard } from '../features/settings/section-cards';
import { PreflightCard } from '../features/settings/preflight-card';
import { PermissionsCard } from '../features/settings/permissions-card';
import { MaterialCard } from '../features/settings/material-card';
import { HistoryCard } from '../features/settings/history-card';
import { CoverageCard } from '../features/settings/coverage-card';

/** Workspace settings (US14.1.2): admins set the defaults every user works with. */
export function SettingsPage() {
  const { data: me } = useMe();
  const admin = !!me && can(me.role, 'settings:write');
  const settings = useQuery({ ...queries.settings(), enabled: admin });

  return (
    <section className="h-full overflow-y-auto p-5" aria-labelledby="settings-heading">
      <header className="mb-4">
        <h1 id="settings-heading" className="text-xl font-semibold">
          Settings
        </h1>
        <p className="text-sm text-muted">Workspace-wide defaults for generation, budgets, quality and retention. Each section saves on its own, and every change is recorded below.</p>
      </header>
      {!me ? (
        <Skeleton className="h-40 w-full" />
      ) : !admin ? (
        <div className="mx-auto mt-16 flex max-w-md flex-col items-center rounded-lg border border-border bg-surface p-8 text-center shadow-sm" role="status">
          <Lock className="mb-3 h-8 w-8 text-muted" aria-hidden />
          <h2 className="text-base font-semibold">Only admins can change workspace settings</h2>
          <p className="mt-1 text-sm text-muted">You are signed in as a {me.role}. Ask an admin of this workspace if a setting needs to change.</p>
        </div>
      ) : settings.isPending ? (
        <div className="grid gap-4 xl:grid-cols-2">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-64 w-full" />
          ))}
        </div>
      ) : settings.isError ? (
        <p className="text-sm text-danger">The settings could not be loaded: {settings.error.message}</p>
      ) : (
        <div className="grid items-start gap-4 xl:grid-cols-2">
          <div className="space-y-4">
            <GenerationCard settings={settings.data.generation} />
            <QualityCard settings={settings.data.quality} />
            <PreflightCard settings={settings.data.preflight} />
            <PrivacyCard settings={settings.data.privacy} />
            <TemplatesCard settings={settings.data.templates} />
            <MaterialCard documents={settings.data.documents} planning={settings.data.planning} />
          </div>
          <div className="space-y-4">
            <Card id="settings-keys" title="API keys" description="Keys for the model providers. A key is never shown again once saved.">
              {KEYS.map((k) => (
                <ApiKeyRow key={k.name} {...k} status={settings.data.secrets[k.name]} />
              ))}
            </Card>
            <BudgetCard settings={settings.data.budget} />
            <RetentionCard settings={settings.data.retention} />
            <CoverageCard settings={settings.data.coverage} />
          </div>
          <div className="space-y-4 xl:col-span-2">
            <PermissionsCard />
            <HistoryCard />
          </div>
        </div>
      )}
    </section>
  );
}

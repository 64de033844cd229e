import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Layers } from 'lucide-react';
import { can } from '../../core/roles';
import { EmptyState } from '../components/ui/empty-state';
import { Skeleton } from '../components/ui/skeleton';
import { ArcCoverage } from '../features/tiers/arc-coverage';
import { FillTemplate } from '../features/tiers/fill-template';
import { TierSectionCard } from '../features/tiers/tier-section';
import { queries } from '../lib/endpoints';
import { useMe } from '../lib/queries';

/** The three tiers side by side (US8.1.1 and the tier sections): progress, Generate All Tier N, configuration. */
export function TiersPage() {
  const { data: me } = useMe();
  const canGenerate = Boolean(me && can(me.role, 'conversations:generate'));
  // While anything is being generated (a run started here, elsewhere or from the CLI) the figures keep moving.
  const tiers = useQuery({ ...queries.tiers(), refetchInterval: (q) => (q.state.data?.items.some((t) => t.byStatus.generating > 0) ? 2000 : false) });
  const o = tiers.data;
  return (
    <section className="h-full overflow-y-auto p-5">
      <div className="mb-4">
        <h1 className="text-xl font-semibold">Tiers</h1>
        <p className="max-w-3xl text-sm text-muted">
          A dataset has three tiers: template conversations that follow emotional arcs, scenarios from your documents, and edge cases. Each tier shows its progress against its target
          and can be generated on its own.
        </p>
      </div>
      {tiers.error && <p className="rounded-md bg-danger-soft p-3 text-sm text-danger">{tiers.error.message}</p>}
      {tiers.isLoading && <Skeleton className="h-96 w-full" />}
      {o && o.total === 0 && (
        <div className="mb-4 rounded-lg border border-border bg-surface shadow-sm">
          <EmptyState icon={Layers} title="No conversations planned yet." hint="Plan conversations first: a plan shares them between the three tiers (40 template, 35 scenario, 15 edge case by default). Then generate each tier here.">
            <Link to="/conversations" search={{ plan: 1 }} className="inline-flex h-9 items-center rounded-md bg-primary px-3.5 text-sm font-medium text-white hover:bg-primary-hover">
              Plan conversations
            </Link>
          </EmptyState>
        </div>
      )}
      {o && (
        <div className="space-y-4">
          {o.items.map((section, i) => (
            <TierSectionCard key={section.tier} section={section} number={i + 1} canGenerate={canGenerate}>
              {section.tier === 'template' && (
                <div className="space-y-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold">Arc distribution and coverage</h3>
                    <FillTemplate template={o.template} canGenerate={canGenerate} />
                  </div>
                  <ArcCoverage template={o.template} />
                </div>
              )}
            </TierSectionCard>
          ))}
        </div>
      )}
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { can } from '../../core/roles';
import { Skeleton } from '../components/ui/skeleton';
import { ArcDistributionEditor } from '../features/arcs/arc-distribution-editor';
import { ArcPresets } from '../features/arcs/arc-presets';
import { queries } from '../lib/endpoints';
import { useMe } from '../lib/queries';

/** Tier 1's emotional arcs (US8.1.2): which arcs template conversations follow and in what proportion. */
export function ArcsPage() {
  const { data: me } = useMe();
  const canWrite = Boolean(me && can(me.role, 'catalog:write'));
  const arcs = useQuery(queries.arcs());
  return (
    <section className="h-full overflow-y-auto p-5">
      <div className="mb-4">
        <h1 className="text-xl font-semibold">Emotional arcs</h1>
        <p className="max-w-3xl text-sm text-muted">
          Template conversations (Tier 1) each follow an emotional arc: where the user starts, where they end, and the stages in between. Choose the arcs to use and what share of
          Tier 1 each gets — the enabled arcs must add up to 100 %. New plans follow this; conversations already planned keep their arc. See progress on the{' '}
          <Link to="/tiers" className="text-primary underline">
            Tiers
          </Link>{' '}
          page.
        </p>
      </div>
      {arcs.error && <p className="rounded-md bg-danger-soft p-3 text-sm text-danger">{arcs.error.message}</p>}
      {arcs.isLoading && <Skeleton className="h-64 w-full" />}
      {arcs.data && !arcs.data.items.length && <p className="rounded-md bg-surface-muted p-3 text-sm">This workspace has no emotional arcs. Restart convgen to install the five built-in ones.</p>}
      {arcs.data && arcs.data.items.length > 0 && (
        <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
          <ArcDistributionEditor arcs={arcs.data.items} canWrite={canWrite} />
          <div className="space-y-4">
            <ArcPresets arcs={arcs.data.items} canWrite={canWrite} />
          </div>
        </div>
      )}
    </section>
  );
}

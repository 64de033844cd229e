import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Upload } from 'lucide-react';
import { can } from '../../core/roles';
import { DIMENSIONS, type Dimension } from '../../core/tiers';
import { Button } from '../components/ui/button';
import { CatalogList, useRefreshCatalog } from '../features/catalog/catalog-list';
import { DIMENSION_HELP } from '../features/catalog/dimension-help';
import { ImportDialog } from '../features/catalog/import-dialog';
import { cn } from '../lib/cn';
import { queries } from '../lib/endpoints';
import { useMe } from '../lib/queries';

/** Personas, emotions, topics, intents and tones: the values conversations are planned from. */
export function CatalogPage() {
  const { tab = 'persona' } = useSearch({ from: '/app/catalog' });
  const navigate = useNavigate({ from: '/catalog' });
  const { data: me } = useMe();
  const canWrite = Boolean(me && can(me.role, 'catalog:write'));
  const [importing, setImporting] = useState(false);
  const refresh = useRefreshCatalog();
  const counts = useQueries({ queries: DIMENSIONS.map((d) => queries.catalogValues(d)) });
  const select = (dimension: Dimension) => void navigate({ search: { tab: dimension }, replace: true });
  return (
    <section className="p-5">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Catalog</h1>
          <p className="max-w-3xl text-sm text-muted">
            The values conversations are planned from. Each value’s guidance goes into the prompt. A value in use can be deactivated — it stays on its conversations — but not deleted.
          </p>
        </div>
        {canWrite && (
          <Button onClick={() => setImporting(true)}>
            <Upload className="h-4 w-4" aria-hidden /> Import CSV or JSON
          </Button>
        )}
      </div>
      <div role="tablist" aria-label="Dimensions" className="mb-4 flex flex-wrap gap-1 border-b border-border">
        {DIMENSIONS.map((d, i) => {
          const items = counts[i].data?.items;
          const active = items?.filter((v) => v.active).length;
          return (
            <button
              key={d}
              type="button"
              role="tab"
              id={`catalog-tab-${d}`}
              aria-selected={tab === d}
              aria-controls="catalog-panel"
              tabIndex={tab === d ? 0 : -1}
              onClick={() => select(d)}
              onKeyDown={(e) => {
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                const next = DIMENSIONS[(i + step + DIMENSIONS.length) % DIMENSIONS.length];
                select(next);
                document.getElementById(`catalog-tab-${next}`)?.focus();
              }}
              className={cn('-mb-px border-b-2 px-3 py-2 text-sm', tab === d ? 'border-primary font-medium text-primary' : 'border-transparent text-muted hover:text-text')}
            >
              {DIMENSION_HELP[d].plural}
              {items && <span className={cn('ml-1.5 rounded-full px-1.5 py-0.5 text-xs', active ? 'bg-surface-muted' : 'bg-warning-soft text-warning')}>{active}</span>}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="catalog-panel" aria-labelledby={`catalog-tab-${tab}`}>
        <CatalogList key={tab} dimension={tab} canWrite={canWrite} />
      </div>
      <ImportDialog open={importing} onOpenChange={setImporting} onImported={refresh} />
    </section>
  );
}

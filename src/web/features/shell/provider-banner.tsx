import { Info, X } from 'lucide-react';
import { useState } from 'react';
import { useProvider } from '../../lib/queries';

/** Says plainly when conversations come from the offline generator and how to use a real model. */
export function ProviderBanner() {
  const { data } = useProvider();
  const [hidden, setHidden] = useState(() => sessionStorage.getItem('convgen.hideProviderBanner') === '1');
  if (!data || data.name !== 'offline' || hidden) return null;
  return (
    <div className="flex items-start gap-3 border-b border-warning/30 bg-warning-soft px-5 py-2.5 text-sm text-text" role="status" data-testid="provider-banner">
      <Info className="mt-0.5 h-4 w-4 shrink-0 text-warning" aria-hidden />
      <p className="flex-1">
        <strong>Offline generator.</strong> {data.reason} To generate with Claude, set <code className="rounded bg-surface px-1">ANTHROPIC_API_KEY</code> where convgen runs and
        restart it (README → Configuration).
      </p>
      <button type="button" className="text-muted hover:text-text" aria-label="Hide this notice" onClick={() => (sessionStorage.setItem('convgen.hideProviderBanner', '1'), setHidden(true))}>
        <X className="h-4 w-4" />
      </button>
    </div>
  );
}

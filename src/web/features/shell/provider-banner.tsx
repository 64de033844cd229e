import { Link } from '@tanstack/react-router';
import { Info, X } from 'lucide-react';
import { useState } from 'react';
import { can } from '../../../core/roles';
import { useMe, useProvider } from '../../lib/queries';
import { offlineAdvice } from './offline-advice';

/**
 * Says plainly when conversations come from the offline generator, and what would change that
 * for this user: an admin is linked to the setting (a saved key takes effect at once), anyone
 * else is told to ask an admin.
 */
export function ProviderBanner() {
  const { data } = useProvider();
  const { data: me } = useMe();
  const [hidden, setHidden] = useState(() => sessionStorage.getItem('convgen.hideProviderBanner') === '1');
  if (!data || data.name !== 'offline' || hidden) return null;
  const advice = offlineAdvice(data.offlineCause ?? 'no_key', me ? can(me.role, 'settings:write') : false);
  return (
    <div className="flex items-start gap-3 border-b border-warning/30 bg-warning-soft px-5 py-2.5 text-sm text-text" role="status" data-testid="provider-banner">
      <Info className="mt-0.5 h-4 w-4 shrink-0 text-warning" aria-hidden />
      <p className="flex-1">
        <strong>Offline generator.</strong> {data.reason}{' '}
        {advice.map((segment, i) =>
          'link' in segment ? (
            <Link key={i} to="/settings" hash={segment.hash} className="font-medium text-primary underline underline-offset-2">
              {segment.link}
            </Link>
          ) : 'code' in segment ? (
            <code key={i} className="rounded bg-surface px-1">
              {segment.code}
            </code>
          ) : (
            <span key={i}>{segment.text}</span>
          ),
        )}
      </p>
      <button type="button" className="text-muted hover:text-text" aria-label="Hide this notice" onClick={() => (sessionStorage.setItem('convgen.hideProviderBanner', '1'), setHidden(true))}>
        <X className="h-4 w-4" />
      </button>
    </div>
  );
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { GitCompare, History } from 'lucide-react';
import type { ConversationDetail } from '../../../contract/conversations';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { queries } from '../../lib/endpoints';
import { WhatChanged } from './what-changed';

function ChangesDialog({ detail, fromId, onClose }: { detail: ConversationDetail; fromId: string; onClose: () => void }) {
  const { data: before, error, isLoading } = useQuery(queries.conversation(fromId));
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      className="w-[min(900px,calc(100vw-2rem))]"
      title={`What changed from ${before?.conversationId ?? 'the rejected version'} to ${detail.conversationId}`}
      description="The rejected version's turns against this one's, word by word."
    >
      {isLoading && <p className="text-sm text-muted">Loading…</p>}
      {error && <p className="text-sm text-danger">{error.message}</p>}
      {before && <WhatChanged before={before.turns} after={detail.turns} />}
    </Dialog>
  );
}

/**
 * Reject and regenerate, in the preview: a regenerated conversation links back to the rejected
 * one with the guidance it was given and shows what changed; a replaced one links forward.
 */
export function RegenerationLinks({ detail }: { detail: ConversationDetail }) {
  const [comparing, setComparing] = useState(false);
  const from = detail.regeneratedFrom;
  const as = detail.regeneratedAs;
  if (!from && !as) return null;
  return (
    <section className="space-y-2 rounded-lg border border-border p-3 text-sm" aria-label="Regeneration" data-testid="regeneration-links">
      {from && (
        <div className="flex flex-wrap items-start justify-between gap-2">
          <p className="min-w-0 flex-1">
            <History className="mr-1 inline h-3.5 w-3.5 text-muted" aria-hidden />
            Regenerated from{' '}
            <Link from="/conversations" to="/conversations" search={(prev) => ({ ...prev, open: from.conversationId })} className="font-mono text-xs text-primary hover:underline">
              {from.conversationId}
            </Link>
            {from.guidance ? (
              <>
                {' '}
                with guidance: <q className="text-muted">{from.guidance}</q>
              </>
            ) : (
              '.'
            )}
          </p>
          {detail.turns.length > 0 && (
            <Button size="sm" variant="ghost" onClick={() => setComparing(true)}>
              <GitCompare className="h-3.5 w-3.5" aria-hidden /> What changed
            </Button>
          )}
        </div>
      )}
      {as && (
        <p>
          <History className="mr-1 inline h-3.5 w-3.5 text-muted" aria-hidden />
          Replaced by{' '}
          <Link from="/conversations" to="/conversations" search={(prev) => ({ ...prev, open: as.conversationId })} className="font-mono text-xs text-primary hover:underline">
            {as.conversationId}
          </Link>
          , regenerated with this conversation&apos;s rejection note as guidance.
        </p>
      )}
      {comparing && from && <ChangesDialog detail={detail} fromId={from.id} onClose={() => setComparing(false)} />}
    </section>
  );
}

import { Link } from '@tanstack/react-router';
import { Copy } from 'lucide-react';
import type { ConversationSummary } from '../../../contract/conversations';
import { cn } from '../../lib/cn';

type Of = NonNullable<ConversationSummary['nearDuplicateOf']>;

export const similarityText = (of: Of) => `${Math.round(of.similarity * 100)} % similar to ${of.conversationId}`;

/**
 * "92 % similar to CONV-0042", linking to the earlier conversation: it opens in the preview and
 * the table keeps its filters. The click stays on the link (the row would open its own preview).
 */
export function NearDuplicateLink({ of, compact = false, className }: { of: Of | null; compact?: boolean; className?: string }) {
  if (!of) return null;
  return (
    <Link
      to="/conversations"
      search={(prev: Record<string, unknown>) => ({ ...prev, open: of.conversationId })}
      onClick={(e) => e.stopPropagation()}
      title={`Near-duplicate: ${similarityText(of)}, an earlier conversation. Open it to compare.`}
      data-near-duplicate={of.conversationId}
      className={cn('inline-flex items-center gap-1 rounded-full bg-warning-soft px-1.5 py-0.5 text-[11px] whitespace-nowrap text-warning hover:underline', className)}
    >
      {!compact && <Copy className="h-3 w-3 shrink-0" aria-hidden />}
      {compact ? `${Math.round(of.similarity * 100)} % ≈ ${of.conversationId}` : similarityText(of)}
    </Link>
  );
}

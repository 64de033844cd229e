import type { ColumnDef } from '@tanstack/react-table';
import type { Catalog } from '../../../contract/catalog';
import type { ConversationSummary, SortableColumn } from '../../../contract/conversations';
import { TIER_LABELS } from '../../../core/tiers';
import { Tooltip } from '../../components/ui/tooltip';
import { formatDate } from '../../lib/format';
import { useCatalog } from '../../lib/queries';
import { FailedBadgeButton } from '../errors/error-dialog';
import { NearDuplicateLink } from '../duplicates/near-duplicate-link';
import { GenerateButton } from './generate-button';
import { TokensCell, TokensHeader } from './tokens-column';
import { QualityScoreButton } from '../quality/quality-score-button';
import { StatusBadge, statusTooltip } from '../../components/status-badge';

type Dim = keyof Omit<Catalog, 'arcs'>;

/** A dimension value's label, with its description on hover. */
function DimensionCell({ dim, value }: { dim: Dim; value: string }) {
  const { data: catalog } = useCatalog();
  const entry = catalog?.[dim].find((v) => v.key === value);
  return (
    <Tooltip content={entry?.description}>
      <span className="block truncate">{entry?.label ?? value}</span>
    </Tooltip>
  );
}

/**
 * In the order a reviewer reads a row: which one, its state, then what it is about. Column ids
 * equal the API's sort keys, so a header click is a `sort=` in the URL. The columns never change:
 * cells read what they need themselves, so a late catalog never remounts a cell (and never
 * closes a dialog opened from one).
 */
export function buildColumns(): ColumnDef<ConversationSummary>[] {
  const dimension = (dim: Dim, header: string): ColumnDef<ConversationSummary> => ({
    id: dim,
    header,
    accessorKey: dim,
    cell: ({ row }) => <DimensionCell dim={dim} value={row.original[dim]} />,
  });
  return [
    {
      id: 'conversationId',
      // Short, so the column stays narrow; the ids themselves (conv-00042) say what they are.
      header: () => <span title="Conversation ID">ID</span>,
      accessorKey: 'conversationId',
      enableHiding: false,
      cell: ({ row }) => (
        <span className="flex flex-col items-start gap-0.5">
          <span className="font-mono text-xs text-text">{row.original.conversationId}</span>
          <NearDuplicateLink of={row.original.nearDuplicateOf} compact />
        </span>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      accessorKey: 'status',
      // A Failed badge opens the error dialog (US2.2.2) instead of the row's preview.
      cell: ({ row }) =>
        row.original.status === 'failed' ? (
          <FailedBadgeButton id={row.original.id} label={row.original.conversationId} seed={row.original.isSeed} tooltip={statusTooltip('failed', row.original)} />
        ) : (
          <StatusBadge status={row.original.status} seed={row.original.isSeed} tooltip={statusTooltip(row.original.status, row.original)} />
        ),
    },
    // The score opens the quality details; hovering shows the breakdown.
    { id: 'qualityScore', header: 'Quality', accessorKey: 'qualityScore', cell: ({ row }) => <QualityScoreButton id={row.original.id} label={row.original.conversationId} score={row.original.qualityScore} /> },
    dimension('persona', 'Persona'),
    dimension('emotion', 'Emotion'),
    dimension('topic', 'Topic'),
    dimension('intent', 'Intent'),
    dimension('tone', 'Tone'),
    { id: 'tier', header: 'Tier', accessorKey: 'tier', cell: ({ row }) => <span className="whitespace-nowrap">{TIER_LABELS[row.original.tier]}</span> },
    { id: 'tokens', header: () => <TokensHeader />, cell: ({ row }) => <TokensCell tokens={row.original.tokens} /> },
    {
      id: 'generatedAt',
      header: 'Generated',
      accessorKey: 'generatedAt',
      cell: ({ row }) => <span className="whitespace-nowrap text-muted">{formatDate(row.original.generatedAt)}</span>,
    },
    {
      id: 'actions',
      header: '',
      enableSorting: false,
      enableHiding: false,
      cell: ({ row }) => (
        <GenerateButton id={row.original.id} label={row.original.conversationId} status={row.original.status} isSeed={row.original.isSeed} />
      ),
    },
  ];
}

export const SORTABLE_IDS = new Set<string>(['conversationId', 'persona', 'emotion', 'topic', 'intent', 'tone', 'tier', 'status', 'qualityScore', 'generatedAt', 'tokens'] satisfies SortableColumn[]);

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { queries } from '../../lib/endpoints';
import { QualityBadge } from './quality-badge';
import { breakdownText } from './breakdown-text';
import { QualityDetailsDialog } from './quality-details-dialog';

/**
 * The quality score as a button: hovering shows the breakdown (the list has none, so the detail is
 * fetched on the first hover and kept), clicking opens the details dialog. Clicks stay here, so
 * the table row behind does not also open.
 */
export function QualityScoreButton({ id, label, score }: { id: string; label: string; score: number | null }) {
  const [open, setOpen] = useState(false);
  const [wanted, setWanted] = useState(false);
  const { data } = useQuery({ ...queries.conversation(id), enabled: wanted && score !== null });
  if (score === null) return <QualityBadge score={null} />;
  const tooltip = data ? `${breakdownText(data.qualityBreakdown)} — click for details` : 'Loading the breakdown…';
  return (
    <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      <button
        type="button"
        onClick={() => setOpen(true)}
        onPointerEnter={() => setWanted(true)}
        onFocus={() => setWanted(true)}
        className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-primary [&>span]:cursor-pointer [&>span]:hover:ring-1 [&>span]:hover:ring-primary/40"
        aria-label={`Quality ${score.toFixed(1)} of ${label}: show the criteria`}
        aria-haspopup="dialog"
        data-testid="quality-score"
      >
        <QualityBadge score={score} breakdown={tooltip} />
      </button>
      <QualityDetailsDialog conversationId={id} label={label} open={open} onOpenChange={setOpen} />
    </span>
  );
}

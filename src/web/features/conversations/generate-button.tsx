import { Sparkles, RotateCcw } from 'lucide-react';
import type { ConversationStatus } from '../../../core/statuses';
import { Button } from '../../components/ui/button';
import { Tooltip } from '../../components/ui/tooltip';
import { useProvider } from '../../lib/queries';
import { useGeneration } from '../runs/use-generate';

/** The row's Generate button: spins and disables itself while its conversation generates. */
export function GenerateButton({ id, label, status, isSeed, size = 'sm' }: { id: string; label: string; status: ConversationStatus; isSeed: boolean; size?: 'sm' | 'md' }) {
  const tracker = useGeneration();
  const { data: provider } = useProvider();
  if (isSeed) return null;
  const busy = status === 'generating' || tracker.isPending(id);
  const again = status !== 'not_generated';
  const eta = provider ? `~${provider.typicalSeconds} second${provider.typicalSeconds === 1 ? '' : 's'}` : 'a few seconds';
  return (
    <Tooltip content={busy ? `Generating… usually takes ${eta}` : `${again ? 'Generate again' : 'Generate'} with ${provider?.name === 'offline' ? 'the offline generator' : (provider?.model ?? 'the model')} (${eta})`}>
      <Button
        size={size}
        variant={again ? 'secondary' : 'primary'}
        loading={busy}
        onClick={(e) => {
          e.stopPropagation();
          tracker.generate(id, label);
        }}
        aria-label={`${again ? 'Regenerate' : 'Generate'} ${label}`}
        data-testid="generate-button"
      >
        {!busy && (again ? <RotateCcw className="h-3.5 w-3.5" aria-hidden /> : <Sparkles className="h-3.5 w-3.5" aria-hidden />)}
        {busy ? 'Generating…' : again ? 'Regenerate' : 'Generate'}
      </Button>
    </Tooltip>
  );
}

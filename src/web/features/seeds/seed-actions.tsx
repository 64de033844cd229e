import { useState } from 'react';
import { Copy, Lock } from 'lucide-react';
import { Button } from '../../components/ui/button';
import { SEED_TOOLTIP } from '../../components/seed-badge';
import { UseAsTemplateDialog } from './use-as-template-dialog';

/** A seed's preview footer: why it cannot be reviewed or regenerated, and "Use as Template". */
export function SeedActions({ seedId, canUseAsTemplate }: { seedId: string; canUseAsTemplate: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex items-center justify-between gap-3" data-testid="seed-actions">
      <p className="flex min-w-0 items-start gap-2 text-xs text-muted">
        <Lock className="mt-0.5 h-3.5 w-3.5 shrink-0 text-primary" aria-hidden />
        <span>{SEED_TOOLTIP}.</span>
      </p>
      {canUseAsTemplate && (
        <>
          <Button className="shrink-0" onClick={() => setOpen(true)}>
            <Copy className="h-4 w-4" aria-hidden /> Use as Template
          </Button>
          <UseAsTemplateDialog seedId={seedId} open={open} onOpenChange={setOpen} />
        </>
      )}
    </div>
  );
}

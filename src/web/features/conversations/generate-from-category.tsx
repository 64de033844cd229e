import { Sparkles } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { GenerateDialog } from '../runs/generate-dialog';

/**
 * US10.1.2's quick action, shown while the table is filtered by source category: "Generate from
 * Complete Systems only" starts a normal run over that category's conversations that have no text
 * yet, with the usual estimate and confirmation.
 */
export function GenerateFromCategory({ categories }: { categories: readonly string[] | undefined }) {
  const [open, setOpen] = useState(false);
  if (!categories?.length) return null;
  const name = categories.length === 1 ? categories[0] : `${categories.slice(0, -1).join(', ')} and ${categories[categories.length - 1]}`;
  return (
    <div className="flex items-center gap-2 text-xs text-muted">
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} data-testid="generate-from-category">
        <Sparkles className="h-3.5 w-3.5" aria-hidden /> Generate from {name} only
      </Button>
      <span>Generates this category’s conversations that have no text yet, after showing the estimate.</span>
      <GenerateDialog title={`Generate from ${name} only?`} selector={{ filter: { category: [...categories] } }} open={open} onOpenChange={setOpen} />
    </div>
  );
}

import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FileJson, Upload } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';

const EXAMPLE = `[
  {
    "title": "Worried after a market drop",
    "persona": "anxious_investor",
    "emotion": "anxiety",
    "topic": "market_volatility",
    "intent": "express_concern",
    "tone": "warm_reassuring",
    "turns": [
      { "role": "user", "content": "My account is down 20%…" },
      { "role": "assistant", "content": "That is unsettling. Let's…" }
    ]
  }
]`;

/**
 * Imports a JSON file of hand-written seed conversations (US10.3.1). All or nothing: when the
 * file has a problem, the server names its line and field and nothing is imported, so the
 * dialog shows exactly where to look.
 */
export function SeedImportDialog({ open, onOpenChange, onImported }: { open: boolean; onOpenChange: (open: boolean) => void; onImported?: (conversationIds: string[]) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (f: File) => endpoints.seeds.importFile(f),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
      const shown = result.conversationIds.slice(0, 5).join(', ');
      toast.success(`Imported ${result.imported} seed conversation${result.imported === 1 ? '' : 's'}`, {
        description: `${shown}${result.imported > 5 ? ', …' : ''}. They are approved, locked and shown under Seeds.`,
      });
      onImported?.(result.conversationIds);
      close(false);
    },
  });
  const close = (next: boolean) => {
    if (!next) {
      setFile(null);
      upload.reset();
    }
    onOpenChange(next);
  };
  const error = upload.error;

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title="Import seed conversations"
      description="Seeds are conversations written by hand. They are kept as benchmarks: approved, included in exports, never regenerated or deleted in bulk."
      footer={
        <>
          <Button variant="ghost" onClick={() => close(false)}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
            <Upload className="h-4 w-4" aria-hidden /> Import
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        <label className="flex cursor-pointer items-center gap-3 rounded-lg border border-dashed border-border p-4 hover:bg-surface-muted">
          <FileJson className="h-6 w-6 shrink-0 text-muted" aria-hidden />
          <span className="min-w-0">
            <span className="block font-medium">{file ? file.name : 'Choose a JSON file'}</span>
            <span className="block text-xs text-muted">{file ? (file.size < 1024 ? `${file.size} bytes` : `${(file.size / 1024).toFixed(1)} KB`) : 'A list of conversations, or { "conversations": [...] }'}</span>
          </span>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            aria-label="Seed file"
            data-testid="seed-file-input"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              upload.reset();
            }}
          />
        </label>
        {error && (
          <div role="alert" data-testid="seed-import-error" className="rounded-md border border-danger/30 bg-danger-soft p-3 text-danger">
            <p className="font-medium">{error.message}</p>
            {error instanceof ApiError && error.hint && <p className="mt-1 text-sm">{error.hint}</p>}
          </div>
        )}
        <details className="text-xs text-muted">
          <summary className="cursor-pointer">What the file looks like</summary>
          <p className="mt-2">
            Each conversation needs a persona, emotion, topic, intent and tone from your catalog (their keys), and turns that start with the user and alternate with the assistant. Optional:
            conversationId, title, tier (template, scenario or edge_case), arcKey and metadata.
          </p>
          <pre className="mt-2 overflow-x-auto rounded-md bg-surface-muted p-2 font-mono text-[11px] leading-snug text-text">{EXAMPLE}</pre>
        </details>
      </div>
    </Dialog>
  );
}

import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { ApiError } from '../../lib/api';
import { endpoints, queryKeys } from '../../lib/endpoints';

/** Admins edit the workspace's document categories, one per line (a workspace setting). */
export function CategoryEditor({ categories }: { categories: string[] }) {
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(categories.join('\n'));
  const list = [...new Set(text.split('\n').map((l) => l.trim()).filter(Boolean))];
  const save = useMutation({
    mutationFn: () => endpoints.settings.update({ documents: { categories: list } }),
    onSuccess: () => {
      toast.success('Categories saved');
      setOpen(false);
      return client.invalidateQueries({ queryKey: queryKeys.settings.all });
    },
    onError: (error) => toast.error(error instanceof ApiError ? error.message : 'Saving failed.', { description: error instanceof ApiError ? error.hint : undefined }),
  });
  return (
    <>
      <Button
        variant="ghost"
        onClick={() => {
          setText(categories.join('\n'));
          setOpen(true);
        }}
      >
        Edit categories
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Document categories"
        description="One per line, in the order lists show them. Documents already filed under a removed category keep it until you edit them."
        footer={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button variant="primary" disabled={!list.length} loading={save.isPending} onClick={() => save.mutate()}>
              Save {list.length} categories
            </Button>
          </>
        }
      >
        <textarea className="h-48 w-full rounded-md border border-border bg-surface p-2 text-sm" value={text} onChange={(e) => setText(e.target.value)} aria-label="Categories, one per line" />
      </Dialog>
    </>
  );
}

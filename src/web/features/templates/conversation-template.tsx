import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Code2 } from 'lucide-react';
import type { ConversationDetail } from '../../../contract/conversations';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { queries } from '../../lib/endpoints';

function PromptDialog({ conversationId, onClose }: { conversationId: string; onClose: () => void }) {
  const { data, error, isLoading } = useQuery(queries.conversationPrompt(conversationId));
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      className="w-[min(900px,calc(100vw-2rem))]"
      title="The prompt, resolved"
      description={data?.template ? `What a generation sends now: ${data.template.name} v${data.template.version} filled with this conversation's values.` : 'This conversation has no template, so the general prompt is used.'}
    >
      {isLoading && <p className="text-muted">Loading…</p>}
      {error && <p className="text-danger">{error.message}</p>}
      {data && (
        <div className="space-y-3">
          {data.missing.length > 0 && (
            <p className="rounded-md bg-warning-soft p-2 text-warning">
              The template needs {data.missing.map((m) => `{${m}}`).join(', ')}, and this conversation has no value for {data.missing.length === 1 ? 'it' : 'them'}: generating it would fail. Fill the value in, or make the placeholder optional in the template.
            </p>
          )}
          {data.prompt && <pre className="max-h-[50vh] overflow-y-auto rounded-md bg-surface-muted p-3 font-mono text-xs leading-5 whitespace-pre-wrap" data-testid="resolved-prompt">{data.prompt}</pre>}
          <details>
            <summary className="cursor-pointer text-xs text-muted">Parameters</summary>
            <dl className="mt-2 grid grid-cols-[12rem_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
              {Object.entries(data.parameters).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-mono text-muted">{`{${k}}`}</dt>
                  <dd className="truncate">{v ?? <span className="text-muted italic">none</span>}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      )}
    </Dialog>
  );
}

/** "Template: Name v3 (active v4)" in the conversation preview, linking to the template, with the resolved prompt (debug view, US7.2.1). */
export function ConversationTemplate({ detail }: { detail: ConversationDetail }) {
  const [open, setOpen] = useState(false);
  const t = detail.template;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-border px-3 py-2 text-sm" data-testid="conversation-template">
      <span className="min-w-0">
        <span className="text-[11px] font-semibold tracking-wide text-muted uppercase">Template </span>
        {t ? (
          <Link to="/templates" search={{ id: t.id, ...(t.version ? { version: t.version } : {}) }} className="text-primary hover:underline">
            {t.name} {t.version ? `v${t.version}` : '(not generated yet)'}
            {t.version !== null && t.version !== t.activeVersion && <span className="text-muted"> (active v{t.activeVersion})</span>}
          </Link>
        ) : (
          <span className="text-muted">none: the general prompt</span>
        )}
      </span>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        <Code2 className="h-3.5 w-3.5" aria-hidden /> View prompt
      </Button>
      {open && <PromptDialog conversationId={detail.id} onClose={() => setOpen(false)} />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Shuffle } from 'lucide-react';
import type { SampleSlot, SampleSlotInput } from '../../../contract/templates';
import type { Tier } from '../../../core/tiers';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';
import { queries } from '../../lib/endpoints';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The values a sample was filled from, in one line. */
export function SampleLine({ slot }: { slot: SampleSlot }) {
  const parts = [slot.labels.persona, slot.labels.emotion, slot.labels.topic, slot.labels.intent, slot.labels.tone, slot.labels.arc, slot.labels.scenario, slot.labels.edgeCase].filter(Boolean);
  return (
    <p className="text-xs text-muted" data-testid="sample-line">
      {slot.conversationId ? <>From {slot.conversationId}: </> : <>Sample: </>}
      {parts.join(' · ')}
    </p>
  );
}

/** The sample slot's keys, so later previews keep the same values while the body changes. */
export const slotKeys = (slot: SampleSlot): SampleSlotInput =>
  slot.conversationId
    ? { conversationId: slot.conversationId }
    : {
        persona: slot.persona,
        emotion: slot.emotion,
        topic: slot.topic,
        intent: slot.intent,
        tone: slot.tone,
        arcKey: slot.arcKey ?? undefined,
        scenarioId: slot.scenarioId ?? undefined,
        edgeCaseId: slot.edgeCaseId ?? undefined,
        chunkId: slot.chunkId ?? undefined,
      };

/**
 * The live preview: the body rendered with one sample slot as it is typed. The sample is picked
 * from the catalog once and kept (so only the text changes), or taken from a conversation.
 */
export function PromptPreview({ body, tier, arcKey }: { body: string; tier: Tier; arcKey: string | null }) {
  const [slot, setSlot] = useState<SampleSlotInput | undefined>(undefined);
  const [from, setFrom] = useState('');
  const debouncedBody = useDebounced(body, 250);
  const { data, error, isFetching } = useQuery({ ...queries.templatePreview({ body: debouncedBody, tier, arcKey, slot }), placeholderData: keepPreviousData });
  useEffect(() => {
    if (data && !slot) setSlot(slotKeys(data.slot));
  }, [data, slot]);
  return (
    <section className="flex min-h-0 flex-col rounded-lg border border-border bg-surface" aria-label="Preview">
      <header className="space-y-2 border-b border-border px-3 py-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 className="text-sm font-semibold">Preview {isFetching && <span className="font-normal text-muted">· updating…</span>}</h3>
          <div className="flex items-center gap-1.5">
            <Input aria-label="Sample from conversation" placeholder="conv-00042" className="h-7 w-28 text-xs" value={from} onChange={(e) => setFrom(e.target.value)} />
            <Button size="sm" disabled={!from.trim()} onClick={() => setSlot({ conversationId: from.trim() })}>
              Use
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSlot(undefined)} aria-label="Another sample" title="Pick another sample from the catalog">
              <Shuffle className="h-3.5 w-3.5" aria-hidden /> Another sample
            </Button>
          </div>
        </div>
        {data && <SampleLine slot={data.slot} />}
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto p-3">
        {error && <p className="rounded-md bg-danger-soft p-2 text-sm text-danger">{error.message}</p>}
        {data && data.missing.length > 0 && (
          <p className="mb-2 rounded-md bg-warning-soft p-2 text-sm text-warning" data-testid="preview-missing">
            This sample has no value for {data.missing.map((m) => `{${m}}`).join(', ')}, so the prompt cannot be made. Make {data.missing.length === 1 ? 'it' : 'them'} optional with {'{name?text}'}, or pick a sample that has {data.missing.length === 1 ? 'it' : 'them'}.
          </p>
        )}
        {data?.prompt && (
          <pre className="font-mono text-[13px] leading-6 break-words whitespace-pre-wrap text-text" data-testid="preview-prompt">
            {data.prompt}
          </pre>
        )}
      </div>
    </section>
  );
}

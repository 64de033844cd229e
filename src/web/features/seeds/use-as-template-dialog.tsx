import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Copy } from 'lucide-react';
import { toast } from 'sonner';
import { MAX_SEED_VARIATIONS, type SeedStructure } from '../../../contract/seeds';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Input, Label } from '../../components/ui/input';
import { Skeleton } from '../../components/ui/skeleton';
import { ApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { endpoints, queries, queryKeys } from '../../lib/endpoints';

/** The seed's rhythm: one bar per turn, as long as the turn, user and assistant in their colours. */
function LengthPattern({ structure }: { structure: SeedStructure }) {
  const longest = Math.max(1, ...structure.lengthPattern.map((t) => t.words));
  return (
    <ol className="space-y-0.5" aria-label="Words per turn">
      {structure.lengthPattern.map((t) => (
        <li key={t.turn} className="flex items-center gap-2 text-[11px]">
          <span className="w-20 shrink-0 text-muted">
            {t.turn}. {t.role}
          </span>
          <span className={cn('h-2 rounded-full', t.role === 'user' ? 'bg-muted/50' : 'bg-primary')} style={{ width: `${Math.max(2, (t.words / longest) * 100)}%` }} />
          <span className="shrink-0 tabular-nums text-muted">{t.words}</span>
        </li>
      ))}
    </ol>
  );
}

const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * "Use as Template" (US10.3.2): shows what is taken from the seed — turn count, the length of
 * each turn, questions, sentence length and register — then creates a template from it and plans
 * variations (the seed's persona and topic, other emotions, intents and tones) as not-generated
 * conversations, ready for Generate.
 */
export function UseAsTemplateDialog({ seedId, open, onOpenChange }: { seedId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  const { data: structure, error, isPending } = useQuery({ ...queries.seedStructure(seedId), enabled: open });
  const [name, setName] = useState('');
  const [variations, setVariations] = useState(5);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => endpoints.seeds.useAsTemplate(seedId, { name: name.trim() || undefined, variations }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversations.all });
      toast.success(`Created the template "${result.templateName}"`, {
        description: result.planned
          ? `Planned ${result.planned} conversation${result.planned === 1 ? '' : 's'} from it (${result.conversationIds[0]}${result.planned > 1 ? ` … ${result.conversationIds.at(-1)}` : ''}): select them and click Generate.`
          : 'No conversations were planned; plan some later from the template.',
      });
      onOpenChange(false);
    },
  });
  const validCount = Number.isInteger(variations) && variations >= 0 && variations <= MAX_SEED_VARIATIONS;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) create.reset();
        onOpenChange(o);
      }}
      className="w-[min(680px,calc(100vw-2rem))]"
      title="Use this seed as a template"
      description="convgen reads the seed's structure and style and writes a prompt template that asks for conversations shaped like it. Then it plans variations to generate."
      footer={
        <>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" disabled={!structure || !validCount} loading={create.isPending} onClick={() => create.mutate()} data-testid="create-seed-template">
            <Copy className="h-4 w-4" aria-hidden /> Create template{variations > 0 ? ` and plan ${variations}` : ''}
          </Button>
        </>
      }
    >
      {isPending && <Skeleton className="h-40 w-full" />}
      {error && <p className="rounded-md bg-danger-soft p-3 text-danger">{error.message}</p>}
      {structure && (
        <div className="space-y-4" data-testid="seed-structure">
          <section>
            <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">What was taken from {structure.conversationId}</h3>
            <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-2 sm:grid-cols-4">
              <div>
                <dt className="text-[11px] text-muted">Turns</dt>
                <dd className="font-medium">{structure.turnCount}</dd>
              </div>
              <div>
                <dt className="text-[11px] text-muted">User turn length</dt>
                <dd className="font-medium">
                  {structure.userWords.min}–{structure.userWords.max} words
                </dd>
              </div>
              <div>
                <dt className="text-[11px] text-muted">Assistant turn length</dt>
                <dd className="font-medium">
                  {structure.assistantWords.min}–{structure.assistantWords.max} words
                </dd>
              </div>
              <div>
                <dt className="text-[11px] text-muted">Register</dt>
                <dd className="font-medium capitalize">{structure.style.formality}</dd>
              </div>
              <div>
                <dt className="text-[11px] text-muted">User turns asking a question</dt>
                <dd className="font-medium">{percent(structure.style.userQuestionRatio)}</dd>
              </div>
              <div>
                <dt className="text-[11px] text-muted">Assistant asking back</dt>
                <dd className="font-medium">{percent(structure.style.assistantQuestionRatio)}</dd>
              </div>
              <div>
                <dt className="text-[11px] text-muted">Words per sentence</dt>
                <dd className="font-medium">{structure.style.averageSentenceWords}</dd>
              </div>
              <div>
                <dt className="text-[11px] text-muted">Seed quality</dt>
                <dd className="font-medium">{structure.qualityScore?.toFixed(1) ?? '—'}</dd>
              </div>
            </dl>
          </section>
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Length pattern</h3>
            <LengthPattern structure={structure} />
          </section>
          <section>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Style notes</h3>
            <ul className="list-disc space-y-0.5 pl-5 text-sm">
              {structure.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
            <p className="mt-1 text-xs text-muted">Register judged on: {structure.style.formalityMarkers.join(', ')}.</p>
          </section>
          <details className="text-xs">
            <summary className="cursor-pointer text-muted">The template that will be created</summary>
            <pre className="mt-2 max-h-56 overflow-auto rounded-md bg-surface-muted p-2 font-mono text-[11px] leading-snug whitespace-pre-wrap">{structure.templateBody}</pre>
          </details>
          <div className="grid grid-cols-[1fr_140px] gap-3">
            <div>
              <Label htmlFor="seed-template-name">Template name</Label>
              <Input id="seed-template-name" value={name} placeholder={structure.suggestedName} maxLength={120} onChange={(e) => setName(e.target.value)} />
            </div>
            <div>
              <Label htmlFor="seed-template-variations">Variations to plan</Label>
              <Input
                id="seed-template-variations"
                type="number"
                min={0}
                max={MAX_SEED_VARIATIONS}
                value={Number.isNaN(variations) ? '' : variations}
                onChange={(e) => setVariations(e.target.valueAsNumber)}
                aria-invalid={!validCount}
              />
            </div>
          </div>
          <p className="text-xs text-muted">
            {validCount
              ? `Each variation keeps the seed's persona and topic and takes another emotion, intent and tone from your catalog. They appear as "Not generated" conversations; each one shows how it scores against this seed once generated.`
              : `Plan between 0 and ${MAX_SEED_VARIATIONS} variations at a time.`}
          </p>
          {create.error && (
            <div role="alert" className="rounded-md border border-danger/30 bg-danger-soft p-3 text-danger">
              <p className="font-medium">{create.error.message}</p>
              {create.error instanceof ApiError && <p className="mt-1 text-sm">{create.error.hint}</p>}
            </div>
          )}
        </div>
      )}
    </Dialog>
  );
}

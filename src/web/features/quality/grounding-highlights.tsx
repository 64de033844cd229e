import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BookOpenCheck } from 'lucide-react';
import { toast } from 'sonner';
import type { ConversationDetail } from '../../../contract/conversations';
import { can } from '../../../core/roles';
import { Button } from '../../components/ui/button';
import { cn } from '../../lib/cn';
import { endpoints } from '../../lib/endpoints';
import { formatUsd } from '../../lib/format';
import { useMe } from '../../lib/queries';

type Grounding = NonNullable<ConversationDetail['grounding']>;
type Sentence = Grounding['sentences'][number];

/** What a highlighted sentence says on hover: the model's reason, or the share of its words in the source. */
const why = (s: Sentence) => (s.reason ? `${s.verdict === 'contradicted' ? 'Contradicted' : 'Not supported'}: ${s.reason}` : `${Math.round(s.overlap * 100)} % of its words are in the source`);

/** A turn's text with its unsupported sentences marked (contradicted ones in red). */
function Marked({ content, unsupported }: { content: string; unsupported: Sentence[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const s of [...unsupported].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    parts.push(content.slice(at, s.start));
    parts.push(
      <mark
        key={s.start}
        className={cn('rounded px-0.5 text-text', s.verdict === 'contradicted' ? 'bg-danger-soft' : 'bg-warning-soft')}
        title={why(s)}
        data-testid="unsupported-sentence"
        data-verdict={s.verdict ?? 'unsupported'}
      >
        {content.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(content.slice(at));
  return <p className="text-sm leading-relaxed whitespace-pre-wrap text-text">{parts}</p>;
}

/** One sentence on how the share was found: by shared words, or by a model reading the source. */
function howChecked(grounding: Grounding, unsupportedCount: number): string {
  const total = grounding.sentences.length;
  if (grounding.method === 'lexical') return `${total - unsupportedCount} of ${total} assistant statements share at least half of their words with the source chunk.`;
  const claims = grounding.sentences.filter((s) => s.verdict !== 'not_a_claim');
  const supported = claims.filter((s) => s.verdict === 'supported').length;
  const contradicted = claims.filter((s) => s.verdict === 'contradicted').length;
  const by = grounding.model === 'offline' ? 'Checked offline by shared words ($0)' : `Checked by ${grounding.model ?? 'the model'}`;
  return `${by}: ${supported} of ${claims.length} factual statements are supported by the source${contradicted ? `, ${contradicted} contradicted` : ''}; ${total - claims.length} state no fact.`;
}

/** The provider check, for those who may spend on generation: one request per conversation. */
function CheckButton({ detail }: { detail: ConversationDetail }) {
  const { data: me } = useMe();
  const client = useQueryClient();
  const check = useMutation({
    mutationFn: () => endpoints.duplicates.checkGrounding(detail.id),
    onSuccess: (result) => {
      toast.success('Grounding checked', { description: `${Math.round(result.supportedShare * 100)} % of the factual statements are supported · ${formatUsd(result.costUsd)}` });
      // The preview's query is keyed by the id it was opened with (conv-… or the uuid): refresh every detail.
      return client.invalidateQueries({ queryKey: ['conversation'] });
    },
    onError: (error) => toast.error('The grounding check failed', { description: error.message }),
  });
  if (!can(me?.role ?? 'viewer', 'conversations:generate')) return null;
  return (
    <Button size="sm" variant="secondary" loading={check.isPending} onClick={() => check.mutate()} data-testid="check-grounding">
      <BookOpenCheck className="mr-1.5 h-3.5 w-3.5" aria-hidden />
      {detail.grounding?.method === 'provider' ? 'Check again' : 'Check with the model'}
    </Button>
  );
}

/**
 * Grounding in the preview: the share of the assistant's statements the source chunk supports, and
 * the answers with the unsupported sentences highlighted, to check against the source. The word
 * check cannot tell a paraphrase from an invention, so the model can be asked to read the source.
 */
export function GroundingHighlights({ detail }: { detail: ConversationDetail }) {
  const { grounding } = detail;
  if (!grounding || detail.turns.length === 0) return null;
  const percent = Math.round(grounding.supportedShare * 100);
  const byTurn = new Map<number, Sentence[]>();
  for (const s of grounding.sentences) if (!s.supported) byTurn.set(s.turnNumber, [...(byTurn.get(s.turnNumber) ?? []), s]);
  const unsupportedCount = [...byTurn.values()].reduce((n, list) => n + list.length, 0);
  return (
    <section className="rounded-lg border border-border p-3" aria-label="Grounding" data-testid="grounding" data-method={grounding.method}>
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">Grounding in the source</h3>
        <span className={cn('text-sm font-semibold tabular-nums', percent >= 50 ? 'text-success' : percent >= 30 ? 'text-warning' : 'text-danger')} data-testid="grounding-share">
          {percent} % supported
        </span>
      </div>
      <p className="mt-1 text-xs text-muted" data-testid="grounding-how">
        {howChecked(grounding, unsupportedCount)}
        {byTurn.size > 0 ? ' The highlighted ones are not: check them against the source below.' : ' Nothing to check.'}
      </p>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="min-w-0 flex-1 text-xs text-muted">
          {grounding.method === 'lexical'
            ? 'Shared words cannot tell a paraphrase from an invention: the model can read the source and judge each statement (one provider call).'
            : 'Hover a highlighted sentence for the reason.'}
        </p>
        <CheckButton detail={detail} />
      </div>
      {byTurn.size > 0 && (
        <ol className="mt-2 space-y-2">
          {[...byTurn.entries()].map(([turnNumber, sentences]) => {
            const turn = detail.turns.find((t) => t.turnNumber === turnNumber);
            if (!turn) return null;
            return (
              <li key={turnNumber} className="rounded-md border border-primary/20 bg-primary-soft/40 p-2.5">
                <div className="mb-1 text-[11px] font-bold tracking-wider text-primary">
                  ASSISTANT <span className="font-normal text-muted">· turn {turnNumber}</span>
                </div>
                <Marked content={turn.content} unsupported={sentences} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

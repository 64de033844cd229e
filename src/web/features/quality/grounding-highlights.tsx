import type { ConversationDetail } from '../../../contract/conversations';
import { cn } from '../../lib/cn';

type Sentence = NonNullable<ConversationDetail['grounding']>['sentences'][number];

/** A turn's text with its unsupported sentences marked. */
function Marked({ content, unsupported }: { content: string; unsupported: Sentence[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const s of [...unsupported].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    parts.push(content.slice(at, s.start));
    parts.push(
      <mark key={s.start} className="rounded bg-warning-soft px-0.5 text-text" title={`${Math.round(s.overlap * 100)} % of its words are in the source`} data-testid="unsupported-sentence">
        {content.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(content.slice(at));
  return <p className="text-sm leading-relaxed whitespace-pre-wrap text-text">{parts}</p>;
}

/**
 * Grounding in the preview: the share of the assistant's statements the source chunk supports, and
 * the answers with the unsupported sentences highlighted, to check against the source.
 */
export function GroundingHighlights({ detail }: { detail: ConversationDetail }) {
  const { grounding } = detail;
  if (!grounding || detail.turns.length === 0) return null;
  const percent = Math.round(grounding.supportedShare * 100);
  const byTurn = new Map<number, Sentence[]>();
  for (const s of grounding.sentences) if (!s.supported) byTurn.set(s.turnNumber, [...(byTurn.get(s.turnNumber) ?? []), s]);
  const supported = grounding.sentences.length - [...byTurn.values()].reduce((n, list) => n + list.length, 0);
  return (
    <section className="rounded-lg border border-border p-3" aria-label="Grounding" data-testid="grounding">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">Grounding in the source</h3>
        <span className={cn('text-sm font-semibold tabular-nums', percent >= 50 ? 'text-success' : percent >= 30 ? 'text-warning' : 'text-danger')} data-testid="grounding-share">
          {percent} % supported
        </span>
      </div>
      <p className="mt-1 text-xs text-muted">
        {supported} of {grounding.sentences.length} assistant statements share at least half of their words with the source chunk.
        {byTurn.size > 0 ? ' The highlighted ones do not: check them against the source below.' : ' Nothing to check.'}
      </p>
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

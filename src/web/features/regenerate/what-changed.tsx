import { useMemo } from 'react';
import { diffWords } from 'diff';
import type { ConversationDetail } from '../../../contract/conversations';
import { cn } from '../../lib/cn';

type Turn = ConversationDetail['turns'][number];

/** Turns side by side by number: both versions' text of each, and a word diff between them. */
function pairTurns(before: Turn[], after: Turn[]) {
  const count = Math.max(before.length, after.length);
  return Array.from({ length: count }, (_, i) => {
    const old = before[i];
    const now = after[i];
    return { turnNumber: now?.turnNumber ?? old?.turnNumber ?? i + 1, role: now?.role ?? old?.role ?? 'user', changes: diffWords(old?.content ?? '', now?.content ?? '') };
  });
}

/** What changed between the rejected version and this one, turn by turn: removed words struck through in red, added ones in green. */
export function WhatChanged({ before, after }: { before: Turn[]; after: Turn[] }) {
  const pairs = useMemo(() => pairTurns(before, after), [before, after]);
  const changedTurns = pairs.filter((p) => p.changes.some((c) => c.added || c.removed)).length;
  return (
    <div className="space-y-2" data-testid="what-changed">
      <p className="text-xs text-muted">
        {before.length} turns before, {after.length} now; {changedTurns} of {pairs.length} turns differ. <span className="rounded bg-danger-soft px-1 text-danger line-through">Removed</span>{' '}
        <span className="rounded bg-success-soft px-1 text-success">added</span>.
      </p>
      <ol className="space-y-2">
        {pairs.map((p) => (
          <li key={p.turnNumber} className="rounded-md border border-border p-2">
            <div className={cn('mb-1 text-[11px] font-bold tracking-wider', p.role === 'user' ? 'text-muted' : 'text-primary')}>
              {p.role === 'user' ? 'USER' : 'ASSISTANT'} <span className="font-normal text-muted">· turn {p.turnNumber}</span>
            </div>
            <p className="text-xs leading-5 break-words whitespace-pre-wrap">
              {p.changes.map((c, i) => (
                <span key={i} className={cn(c.added && 'rounded-sm bg-success-soft text-success', c.removed && 'rounded-sm bg-danger-soft text-danger line-through')}>
                  {c.value}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}

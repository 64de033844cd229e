import { describe, expect, it } from 'vitest';
import { belowEdgeCaseBar, checkEdgeCase, edgeCaseBarMessage } from './edge-case-review';

const turns = [
  { role: 'user' as const, content: 'Promise me it works.' },
  { role: 'assistant' as const, content: 'I cannot promise that, but here is what I can say.' },
];
const base = { tier: 'edge_case', status: 'generated', qualityScore: 8.5, hasEdgeCase: true, turns };

describe('the edge-case bar', () => {
  it('holds back scores under the bar and lets the bar itself through', () => {
    expect(belowEdgeCaseBar(7.9, 8)).toBe(true);
    expect(belowEdgeCaseBar(8, 8)).toBe(false);
    expect(belowEdgeCaseBar(null, 8)).toBe(false);
  });

  it('says the score, the bar and what to do', () => {
    expect(edgeCaseBarMessage('conv-00007', 7.25, 8)).toBe(
      'conv-00007 is an edge case scoring 7.3, below the edge-case bar of 8: regenerate it or reject it (or lower the edge-case bar in Settings → Quality).',
    );
  });
});

describe('checkEdgeCase', () => {
  it('is null for other tiers', () => {
    expect(checkEdgeCase({ ...base, tier: 'template' }, 8)).toBeNull();
  });

  it('passes a linked edge case at the bar that ends on the assistant', () => {
    expect(checkEdgeCase({ ...base, qualityScore: 8 }, 8)).toEqual({ meets: true, reasons: [] });
  });

  it('names every criterion it misses', () => {
    const check = checkEdgeCase({ ...base, qualityScore: 6.5, hasEdgeCase: false, turns: [...turns, { role: 'user', content: 'Just promise.' }] }, 8);
    expect(check?.meets).toBe(false);
    expect(check?.reasons).toEqual([
      'Scores 6.5, below the edge-case bar of 8.',
      'No edge case is linked, so nothing says which boundary it tests.',
      "It ends on the user's turn: the assistant never answers the last push on the boundary.",
    ]);
  });

  it('says an ungenerated one has nothing to check yet', () => {
    expect(checkEdgeCase({ ...base, status: 'not_generated', qualityScore: null, turns: [] }, 8)?.reasons).toEqual(['Not generated yet: generate it, then check it against the edge-case bar.']);
  });
});

import { describe, expect, it } from 'vitest';
import { toBlocks } from './turn-text';

describe('toBlocks', () => {
  it('keeps plain text as one paragraph', () => {
    expect(toBlocks('Hello there.\nSecond line.')).toEqual([{ kind: 'p', text: 'Hello there.\nSecond line.' }]);
  });

  it('splits paragraphs and recognises bullet and numbered lists', () => {
    expect(toBlocks('Here is the plan:\n\n1. Save\n2. Invest\n\n- fees\n- taxes')).toEqual([
      { kind: 'p', text: 'Here is the plan:' },
      { kind: 'ol', items: ['Save', 'Invest'] },
      { kind: 'ul', items: ['fees', 'taxes'] },
    ]);
  });

  it('does not treat a single dash line as a list', () => {
    expect(toBlocks('- just one')).toEqual([{ kind: 'p', text: '- just one' }]);
  });
});

import { describe, expect, it } from 'vitest';
import { chunkFacts } from './facts.js';

const CHUNK =
  'Saving for retirement and spending in retirement are different problems. It will not grow much. ' +
  'Keep the fund in a federally insured high-yield savings account, separate from your everyday checking. ' +
  'We calculated her runway from essential expenses of about $5,200 a month. ' +
  'We typically recommend the larger end of the range for clients who are early in retirement. ' +
  'If those add up to $3,500 a month, the target is roughly $10,500 to $21,000. ' +
  'Clients who receive a predictable monthly deposit report far less stress than others. ' +
  'He said the pause was the most valuable part of the whole plan. ' +
  'Suppose $100,000 grows for 30 years at a hypothetical 6 percent return. ' +
  'With a 1 percent expense ratio, it would reach only about $432,000 after fees.';

describe('chunkFacts', () => {
  const facts = chunkFacts(CHUNK);
  const texts = facts.map((fact) => fact.text);

  it('keeps sentences that stand on their own, in the chunk\'s order', () => {
    expect(texts[0]).toBe('Saving for retirement and spending in retirement are different problems.');
    expect(texts).toContain('If those add up to $3,500 a month, the target is roughly $10,500 to $21,000.');
  });

  it('drops sentences that lean on the one before, speak as the firm, or follow a story character', () => {
    expect(texts.some((text) => /^It will|We calculated|He said|^Suppose|it would reach/.test(text))).toBe(false);
  });

  it('rewords the firm\'s advice and its clients for the assistant to say', () => {
    expect(texts).toContain('A common recommendation is the larger end of the range for people who are early in retirement.');
    expect(texts).toContain('People who receive a predictable monthly deposit report far less stress than others.');
  });

  it('marks advice and figures so they can be framed as tips and illustrations', () => {
    expect(facts.find((fact) => fact.text.startsWith('Keep the fund'))?.imperative).toBe(true);
    expect(facts.find((fact) => fact.text.startsWith('If those'))?.hasNumber).toBe(true);
    expect(facts[0].imperative).toBe(false);
  });

  it('skips the sentences the gist already carries and returns nothing without content', () => {
    expect(chunkFacts(CHUNK, 1)[0].text).not.toMatch(/^Saving for retirement/);
    expect(chunkFacts(undefined)).toEqual([]);
  });
});

import Sentiment from 'sentiment';
import type { DescribedValue } from './context';
import { emotionWords } from './emotion-words';

const analyzer = new Sentiment();

/**
 * How positive or negative a text sounds, by the AFINN-165 word list (with negation: "not happy"
 * counts against): the sum of its rated words. People say how they feel without naming the
 * emotion ("April's tax bill blindsided me. I'm done with this."), which the emotion's own words miss.
 */
export function valenceOf(text: string): number {
  return analyzer.analyze(text).score;
}

/**
 * Whether an emotion is a negative (-1), neutral (0) or positive (1) one, by the AFINN ratings of
 * its label and everyday words (fear, frustration → -1; hope, relief → 1; curiosity → 1, mildly).
 * A team's own emotion gets its valence from its label and description the same way.
 */
export function emotionValence(value: DescribedValue): -1 | 0 | 1 {
  const words = [value.label, ...emotionWords(value.key ?? value.label), ...emotionWords(value.label)];
  let total = words.reduce((sum, w) => sum + valenceOf(w), 0);
  if (total === 0) total = valenceOf(`${value.description ?? ''} ${value.guidance ?? ''}`);
  return total > 0 ? 1 : total < 0 ? -1 : 0;
}

import { normalisedWords } from './minhash';

/**
 * Lexical diversity of a group of conversations: distinct-n is the share of n-grams that are
 * unique (unique n-grams / all n-grams, over the group's whole text), the vocabulary is the number
 * of distinct words, the type-token ratio is vocabulary / words, and the average length is words
 * per conversation. Low distinct-2 means the conversations keep reusing the same phrases.
 */
export interface DiversityStats {
  conversations: number;
  words: number;
  vocabulary: number;
  typeTokenRatio: number;
  distinct1: number;
  distinct2: number;
  averageWords: number;
}

/** Accumulates texts one at a time, so a group is measured in one pass without holding its texts. */
export class DiversityCounter {
  private conversations = 0;
  private words = 0;
  private bigrams = 0;
  private readonly vocabulary = new Set<string>();
  private readonly distinctBigrams = new Set<string>();

  add(text: string): void {
    const words = normalisedWords(text);
    this.conversations++;
    this.words += words.length;
    for (let i = 0; i < words.length; i++) {
      this.vocabulary.add(words[i]);
      if (i > 0) {
        this.bigrams++;
        this.distinctBigrams.add(`${words[i - 1]} ${words[i]}`);
      }
    }
  }

  stats(): DiversityStats {
    const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 10000) / 10000);
    return {
      conversations: this.conversations,
      words: this.words,
      vocabulary: this.vocabulary.size,
      typeTokenRatio: ratio(this.vocabulary.size, this.words),
      distinct1: ratio(this.vocabulary.size, this.words),
      distinct2: ratio(this.distinctBigrams.size, this.bigrams),
      averageWords: this.conversations === 0 ? 0 : Math.round((this.words / this.conversations) * 10) / 10,
    };
  }
}

/** The diversity of a list of texts. */
export function diversityOf(texts: Iterable<string>): DiversityStats {
  const counter = new DiversityCounter();
  for (const text of texts) counter.add(text);
  return counter.stats();
}

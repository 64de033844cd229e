/** Small string helpers shared by the offline composer: casing, sentences, word budgets. */

/** Counted the same way as the quality scorer (whitespace-separated tokens), so bounds agree. */
export function countWords(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the first word looks like an acronym or a name such as "IRA". */
export function lowerFirst(text: string): string {
  const firstWord = text.split(/\s+/)[0] ?? '';
  if (firstWord.length > 1 && firstWord[1] === firstWord[1].toUpperCase() && /[A-Z]/.test(firstWord[1])) return text;
  if (/^I\b/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

// Words that stay capitalized mid-sentence even when a label is title-cased.
const PROPER_WORDS = new Set([
  'roth', 'ira', 'iras', 'social', 'security', 'medicare', 'medicaid', 'hsa', 'fsa', 'etf', 'etfs', 'irs', 'cd', 'cds',
  'treasury', 'treasuries', 'fafsa', 'us', 'u.s.', 'american', 'sep', 'simple', 'fdic', 'sipc', 'reit', 'reits',
]);

/** "Tax-Advantaged Accounts" → "tax-advantaged accounts", "Roth IRA" stays, "&" reads as "and". */
export function naturalCase(label: string): string {
  const humanized = label.includes('_') && !label.includes(' ') ? label.replace(/_+/g, ' ') : label;
  return humanized
    .trim()
    .replace(/\s*&\s*/g, ' and ')
    .split(/\s+/)
    .map((word) =>
      word
        .split('-')
        .map((part) => {
          const bare = part.toLowerCase().replace(/[^a-z0-9.()]/g, '');
          if (PROPER_WORDS.has(bare)) return part;
          return /^[A-Z][a-z']*[,:;.]?$/.test(part) ? part.toLowerCase() : part;
        })
        .join('-'),
    )
    .join(' ');
}

/** "anxious_investor" → "Anxious Investor"; real labels pass through untouched. */
export function displayLabel(label: string, fallback: string): string {
  const trimmed = label.trim();
  if (!trimmed) return fallback;
  if (!/[_]/.test(trimmed) && /[A-Z]/.test(trimmed)) return trimmed;
  return trimmed
    .replace(/_+/g, ' ')
    .split(/\s+/)
    .map((word) => capitalize(word))
    .join(' ');
}

export function withArticle(phrase: string): string {
  return /^[aeiou]/i.test(phrase) && !/^(uni|use|eu|one)/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

// Singular count nouns need an article when a key term is used inside a sentence.
const COUNTABLE_HEADS = new Set(
  (
    'fund reserve paycheck market rule period ira rollover match transfer account plan bucket decline ratio budget loan ' +
    'mortgage policy bracket limit strategy portfolio statement trust will deduction index runway cushion target band ' +
    'benchmark schedule system method order test letter checkpoint sleeve threshold window conversion gap option ' +
    'contract annuity bond position property rental deal estimate payment contribution horizon goal ladder path fee ' +
    'return credit card score buffer cap allowance framework rate'
  ).split(' '),
);

/** "emergency fund" → "the emergency fund"; "diversification" and "Treasury bills" stay bare. */
export function withDeterminer(term: string): string {
  const trimmed = term.trim();
  if (/^(a|an|the|your|my|our|their)\s/i.test(trimmed)) return trimmed;
  const head = trimmed.split(/\s+/).pop()?.toLowerCase().replace(/[^a-z0-9()-]/g, '') ?? '';
  return COUNTABLE_HEADS.has(head) ? `the ${trimmed}` : trimmed;
}

/** Trims, collapses whitespace, capitalizes and guarantees closing punctuation. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (!trimmed) return '';
  const capitalized = capitalize(trimmed);
  return /[.!?]["')\]]?$/.test(capitalized) ? capitalized : `${capitalized}.`;
}

export function stripFinalPunctuation(text: string): string {
  return text.trim().replace(/[.!?]+$/, '');
}

/** Splits on whitespace after terminal punctuation, so "5.5%" and "$1.2 million" stay whole. */
export function splitSentences(text: string): string[] {
  return text
    .trim()
    .split(/(?<=[.!?]["')\]]?)\s+(?=["'(]?[A-Z0-9$])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/**
 * Shortens text to at most `maxWords`, preferring whole sentences; only when the first sentence
 * alone is too long does it cut mid-sentence and mark the cut with an ellipsis.
 */
export function clipToWords(text: string, maxWords: number): string {
  if (countWords(text) <= maxWords) return text.trim();
  const kept: string[] = [];
  let used = 0;
  for (const sentence of splitSentences(text)) {
    const size = countWords(sentence);
    if (used + size > maxWords) break;
    kept.push(sentence);
    used += size;
  }
  if (kept.length > 0 && used >= maxWords * 0.4) return kept.join(' ');
  const words = text.trim().split(/\s+/).slice(0, maxWords);
  return `${words.join(' ').replace(/[,;:.!?—-]+$/, '')}...`;
}

/** One sentence of a turn; optional parts are the first to go when a turn runs long. */
export interface Part {
  text: string;
  optional?: boolean;
  /** A sign-off or check-in that must stay last; padding goes in before it. */
  trailing?: boolean;
}

export interface WordRange {
  min: number;
  max: number;
}

/**
 * Assembles a turn inside its word budget: drops optional parts from the end until it fits,
 * then pads with filler, before any sign-off or closing question, until it is long enough.
 */
export function fitToWordRange(parts: readonly Part[], range: WordRange, nextPad: () => string): string {
  const kept = parts.filter((part) => part.text.trim().length > 0).map((part) => ({ ...part, text: part.text.trim() }));
  const total = () => kept.reduce((sum, part) => sum + countWords(part.text), 0);
  for (let i = kept.length - 1; i >= 0 && total() > range.max; i--) {
    if (kept[i].optional) kept.splice(i, 1);
  }
  for (let guard = 0; total() < range.min && guard < 12; guard++) {
    const pad = nextPad().trim();
    if (!pad || total() + countWords(pad) > range.max) break;
    let insertAt = kept.length;
    while (insertAt > 1 && (kept[insertAt - 1].trailing || kept[insertAt - 1].text.endsWith('?'))) insertAt--;
    kept.splice(insertAt, 0, { text: pad, optional: true });
  }
  const text = kept.map((part) => part.text).join(' ');
  return countWords(text) > range.max ? clipToWords(text, range.max) : text;
}

/** "$12,500": written by hand because toLocaleString depends on the host's locale. */
export function formatDollars(amount: number): string {
  const digits = String(Math.round(Math.abs(amount)));
  return `$${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

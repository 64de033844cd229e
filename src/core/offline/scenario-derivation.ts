import type { DerivedScenario, ScenarioAnswer, ScenarioCatalog } from '../scenario-answer';
import type { ScenarioCategory } from '../scenario-categories';
import { keyTermsOf, plain, sentences, words } from './chunk-analysis';

/**
 * Scenarios without a model: the passage's own sentences arranged as problem, advice and outcome,
 * with the category and catalog values whose words the passage uses most. Free, instant, the same
 * for the same passage — rougher than a model, and labelled as drawn offline.
 */

const CATEGORY_WORDS: Record<ScenarioCategory, string[]> = {
  estate_planning: ['estate', 'will', 'wills', 'trust', 'trusts', 'inherit', 'inherited', 'inheritance', 'heir', 'heirs', 'beneficiary', 'beneficiaries', 'probate', 'executor', 'legacy', 'gift', 'gifting'],
  career: ['career', 'job', 'jobs', 'salary', 'layoff', 'laid', 'promotion', 'employer', 'employee', 'severance', 'business', 'consulting', 'hire', 'hiring', 'work', 'workplace', 'manager', 'resume'],
  personal: ['family', 'marriage', 'married', 'divorce', 'children', 'child', 'partner', 'health', 'wellbeing', 'relationship', 'parents', 'home', 'stress', 'habits', 'goals'],
  financial: ['money', 'invest', 'investing', 'investment', 'portfolio', 'savings', 'budget', 'debt', 'tax', 'taxes', 'retirement', 'income', 'fund', 'funds', 'stock', 'stocks', 'bond', 'bonds', 'account', 'interest', 'mortgage'],
};

const ADVICE = /\b(should|consider|recommend|start|use|set|build|keep|avoid|plan|review|choose|compare|make sure|try|focus|first|instead)\b/i;
const RESULT = /\b(result|so that|helps?|allows?|leads?|ensures?|gives?|will|reduces?|protects?|grows?|benefit|outcome|in the end)\b/i;

/** The first sentence matching `pattern` not already used, else the first unused one. */
function pick(all: string[], used: Set<number>, pattern: RegExp | null): string {
  let index = pattern ? all.findIndex((s, i) => !used.has(i) && pattern.test(s)) : -1;
  if (index < 0) index = all.findIndex((_, i) => !used.has(i));
  if (index < 0) return '';
  used.add(index);
  return all[index];
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1).replace(/\s+\S*$/, '')}…`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function categoryOf(all: string[]): ScenarioCategory {
  const counts = (Object.keys(CATEGORY_WORDS) as ScenarioCategory[]).map((c) => ({ c, n: all.filter((w) => CATEGORY_WORDS[c].includes(w)).length }));
  // Estate and career words are specific; money words appear in nearly every passage, so they win only alone.
  const best = counts.filter((x) => x.c !== 'financial').sort((a, b) => b.n - a.n)[0];
  const financial = counts.find((x) => x.c === 'financial')!.n;
  return best.n > 0 && best.n * 2 >= financial ? best.c : 'financial';
}

/** The catalog value whose key and label share most words with the passage (ties: the catalog's order); null for an empty list. */
export function closestValue(values: { key: string; label: string }[], vocabulary: Set<string>, offset = 0): string | null {
  if (!values.length) return null;
  const scored = values.map((v, i) => ({ key: v.key, i, n: words(`${v.key.replace(/_/g, ' ')} ${v.label}`).filter((w) => w.length > 3 && vocabulary.has(w)).length }));
  const best = Math.max(...scored.map((s) => s.n));
  const top = scored.filter((s) => s.n === best);
  return top[offset % top.length].key;
}

export function deriveScenariosOffline(chunk: { heading: string | null; content: string; documentTitle: string }, catalog: ScenarioCatalog, count: number): ScenarioAnswer {
  const text = plain(chunk.content);
  const all = sentences(text).filter((s) => s.length >= 20);
  const vocabulary = new Set(words(text));
  const category = categoryOf(words(text));
  const terms = keyTermsOf(`${chunk.heading ?? ''}\n${text}`, 6);
  const used = new Set<number>();
  const scenarios: DerivedScenario[] = [];
  for (let n = 0; n < Math.max(1, count); n++) {
    const focus = terms[n] ?? terms[0] ?? 'this topic';
    const subject = chunk.heading?.trim() || capital(focus);
    const problemSentence = pick(all, used, null);
    const advice = pick(all, used, ADVICE);
    const result = pick(all, used, RESULT);
    scenarios.push({
      title: clip(n === 0 ? `${subject}: a customer asks for help` : `${subject}: ${focus} (variation ${n + 1})`, 120),
      description: clip(`A customer brings a question about ${focus} that "${chunk.documentTitle}" covers${chunk.heading ? ` in "${chunk.heading.trim()}"` : ''}.`, 600),
      category,
      problem: clip(problemSentence ? `The customer is unsure what to do. What they are facing: ${problemSentence}` : `The customer is unsure how ${focus} applies to them.`, 2000),
      solution: clip(advice || `Explain ${focus} step by step and agree on a first action.`, 2000),
      outcome: clip(result ? `Following the advice: ${result}` : `The customer understands ${focus} and knows their next step.`, 2000),
      persona: closestValue(catalog.persona, vocabulary, n),
      emotion: closestValue(catalog.emotion, vocabulary, n),
      topic: closestValue(catalog.topic, vocabulary, n),
    });
  }
  return { scenarios };
}

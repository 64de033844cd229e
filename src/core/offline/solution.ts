/**
 * A scenario's solution is written as instructions to whoever writes the conversation ("Acknowledge
 * the fear, then review the reserves, confirm nothing in the user's life has changed…"). Pasted
 * into an answer, that reads as a leaked prompt. This splits it into steps and turns each into
 * something the assistant would say to the person: steps about conducting the conversation are
 * dropped or restated as plain facts, steps of substance become advice addressed to "you".
 */
import { sanitizeMaterial } from './expand.js';
import { toVoice } from './perspective.js';
import { capitalize, lowerFirst, splitSentences, stripFinalPunctuation } from './text.js';

export interface SolutionStep {
  /** 'action': an imperative clause, lower-case, no final stop ("roll the 401(k) into an IRA").
   *  'fact': a whole sentence the assistant can state ("Rebalancing controls risk…"). */
  kind: 'action' | 'fact';
  text: string;
}

// Verbs a step may begin with; a comma followed by one of them starts a new step.
const STEP_VERBS = new Set(
  (
    'acknowledge add adopt aim allocate apply ask automate avoid borrow build buy calculate cap check choose clarify compare ' +
    'confirm consider consolidate contribute convert coordinate cover create cut decide define delay designate direct diversify ' +
    'document draft empathize enroll establish estimate explain file fund hold identify increase invest keep learn limit ' +
    'list lower make map match meet move name negotiate normalize open park pay plan postpone prioritize quantify raise ' +
    'read reassure rebalance redirect reduce refinance reframe remind replace review roll run schedule sell separate set ' +
    'show shift size split spread start stress-test switch talk test track transfer trim update use validate wait write'
  ).split(' '),
);
const LEADING_ADVERBS = new Set(['fully', 'first', 'also', 'immediately', 'gradually', 'carefully', 'finally', 'then', 'and']);

// Steps that are about how to talk, not what to do: said aloud they read as stage directions.
const DROPPED = new Set(['acknowledge', 'validate', 'empathize', 'normalize', 'reassure', 'remind', 'ask']);

const firstVerb = (clause: string): string | null => {
  const words = clause.trim().toLowerCase().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && LEADING_ADVERBS.has(words[i])) i++;
  const word = words[i]?.replace(/[^a-z-]/g, '') ?? '';
  return STEP_VERBS.has(word) ? word : null;
};

// After a bare "and", a verb only starts a new step when an object follows ("and plan a
// reserve"), so "income and cap rate" stays one noun phrase.
const OBJECT_START = /^\S+\s+(?:a|an|the|your|their|every|each|any|all|enough|it|them|\d)/i;

/** Splits one sentence at ", verb", "; verb", "then verb" and "and verb the…" boundaries. */
function splitClauses(sentence: string): string[] {
  const pieces = sentence.split(/(,\s+(?:and\s+)?(?:then\s+)?|;\s+|\s+then\s+|\s+and then\s+|\s+and\s+)/);
  const clauses: string[] = [pieces[0]];
  for (let i = 1; i < pieces.length; i += 2) {
    const separator = pieces[i];
    const next = pieces[i + 1] ?? '';
    const bareAnd = /^\s+and\s+$/.test(separator);
    if (firstVerb(next) && (!bareAnd || OBJECT_START.test(next))) clauses.push(next);
    else clauses[clauses.length - 1] += separator + next;
  }
  return clauses.map((clause) => stripFinalPunctuation(clause.trim())).filter(Boolean);
}

/** The person the solution is about becomes "you": "the user's" → "your", "their" → "your". */
export function addressedToYou(text: string): string {
  return toVoice(text, 'second')
    .replace(/\b(?:the (?:user|client|couple|owner|investor|retiree|family|household|heir)'s)\b/gi, 'your')
    .replace(/\bthe (?:user|client)\b/gi, 'you')
    .replace(/\bthemselves\b/g, 'yourself')
    .replace(/\btheir\b/g, 'your')
    .replace(/\btheirs\b/g, 'yours')
    .replace(/\bthey\b/g, 'you')
    .replace(/\bThey\b/g, 'You')
    .replace(/\bthem\b/g, 'you');
}

const withoutAdverbs = (clause: string) => {
  const words = clause.split(/\s+/);
  while (words.length > 1 && LEADING_ADVERBS.has(words[0].toLowerCase()) && words[0].toLowerCase() !== 'fully') words.shift();
  return words.join(' ');
};

function voiceStep(clause: string): SolutionStep | null {
  const verb = firstVerb(clause);
  const body = addressedToYou(withoutAdverbs(clause));
  const rest = body.split(/\s+/).slice(1).join(' ');
  if (verb && DROPPED.has(verb)) return null;
  switch (verb) {
    case 'explain':
      if (/^that\s/i.test(rest)) return { kind: 'fact', text: `${capitalize(rest.replace(/^that\s+/i, ''))}.` };
      if (/^(how|why|what|when|whether)\s/i.test(rest)) return { kind: 'action', text: `get clear on ${rest}` };
      return { kind: 'action', text: `look closely at ${rest}` };
    case 'show':
      return { kind: 'action', text: `look at ${rest}` };
    case 'confirm':
      return { kind: 'action', text: /^that\s/i.test(rest) ? `double-check ${rest}` : `make sure ${rest}` };
    case 'quantify':
      return { kind: 'action', text: `put a number on ${rest}` };
    case 'clarify':
      return { kind: 'action', text: `get clear on ${rest}` };
    case 'talk':
      return { kind: 'action', text: `talk ${rest}` };
    default:
      return { kind: 'action', text: lowerFirst(body) };
  }
}

/** The solution as steps the assistant can say, in order. Empty when there is no solution. */
export function solutionSteps(solution: string | undefined): SolutionStep[] {
  if (!solution?.trim()) return [];
  return splitSentences(sanitizeMaterial(solution.replace(/\s+/g, ' ')))
    .flatMap(splitClauses)
    .map(voiceStep)
    .filter((step): step is SolutionStep => step !== null && step.text.split(/\s+/).length >= 3);
}

const DOUBLED_FINAL = new Set(['set', 'plan', 'map', 'split', 'cap', 'cut', 'get', 'put', 'run', 'stop', 'shop', 'trim', 'ship', 'swap', 'drop', 'fit', 'skip', 'tap']);

/** "roll the 401(k) over" → "rolling the 401(k) over", for "I'd start by …". */
export function gerund(action: string): string {
  const [first, ...others] = action.split(/\s+/);
  // "fully separate…" → "fully separating…": the adverb stays, the verb after it changes.
  if (/ly$/i.test(first) && !STEP_VERBS.has(first.toLowerCase()) && others.length > 0) return `${first} ${gerund(others.join(' '))}`;
  // "stress-test" → "stress-testing": the last part of a compound verb takes the ending.
  const parts = first.split('-');
  const verb = parts[parts.length - 1];
  const lower = verb.toLowerCase();
  let ing: string;
  if (DOUBLED_FINAL.has(lower)) ing = `${verb}${verb.slice(-1)}ing`;
  else if (/ie$/.test(lower)) ing = `${verb.slice(0, -2)}ying`;
  else if (/[^aeiou]e$/.test(lower) || /[^e]ue$/.test(lower)) ing = `${verb.slice(0, -1)}ing`;
  else ing = `${verb}ing`;
  return [[...parts.slice(0, -1), ing].join('-'), ...others].join(' ');
}

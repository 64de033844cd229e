import type { QualityContext, QualityCriterion, ScorableTurn } from './context';
import { clamp, coverage, stemSet, stems, toScore } from './text';

/** A conversation naming this share of its topic's describing words is fully on topic. */
const FULL_SUBSTANCE = 0.4;
/** A chunk sharing this share of the topic's words is about the topic, so its key terms count as on-topic evidence. */
const CHUNK_ON_TOPIC = 0.3;

const quote = (list: string[], max = 4) => list.slice(0, max).map((w) => `"${w}"`).join(', ');

/** The original words behind some stems, for explanations people can read ("reserve", not "reserv"). */
function readable(text: string, wanted: string[]): string[] {
  const byStem = new Map<string, string>();
  for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const [s] = stems(word);
    if (s && !byStem.has(s)) byStem.set(s, word);
  }
  return wanted.map((s) => byStem.get(s) ?? s);
}

/**
 * On topic (lexical): does the conversation talk about its slot's topic and intent? Naming the
 * topic is cheap — a model can repeat "emergency fund" while explaining something else — so most
 * of the score comes from the topic's describing words (its description and key terms), then the
 * label, then the intent's words in the user's turns. The source chunk's key terms count only
 * when the chunk is itself about the topic.
 */
export function scoreOnTopic(turns: ScorableTurn[], context: QualityContext): QualityCriterion {
  const { topic, intent, chunk } = context;
  const all = turns.map((t) => t.content).join('\n');
  const present = stemSet(all);
  const userPresent = stemSet(turns.filter((t) => t.role === 'user').map((t) => t.content).join('\n'));
  const labelTerms = stems(topic.label);
  const labelSet = new Set(labelTerms);
  const describing = [...stems(`${topic.description ?? ''} ${(topic.keyTerms ?? []).join(' ')}`)].filter((s) => !labelSet.has(s));
  const label = coverage(labelTerms, present);
  const substance = coverage(describing, present);
  const intentWords = coverage(stems(`${intent.label} ${intent.description ?? ''}`), userPresent);

  // Judged on the describing words: a chunk that merely shares "fund" with "Emergency Fund" is not about it.
  const chunkTopicShare = chunk && describing.length ? coverage(describing, stemSet(chunk.content)).share : 0;
  const chunkCounts = chunk !== null && chunk.keyTerms.length > 0 && chunkTopicShare >= CHUNK_ON_TOPIC;
  const chunkTerms = chunkCounts ? coverage(stems(chunk!.keyTerms.join(' ')), present) : null;

  // Without describing words (a bare label), the label carries the substance part too.
  // One shared word can be chance ("cash" in a talk about an inherited IRA): the first one found does not count.
  const distinct = new Set(describing).size;
  const substanceShare = describing.length ? clamp(Math.max(0, substance.found.length - 1) / (distinct * FULL_SUBSTANCE), 0, 1) : label.share;
  const evidence = chunkTerms ? Math.max(substanceShare, 0.5 * substanceShare + 0.5 * chunkTerms.share) : substanceShare;
  // Naming the topic adds little on its own, and nothing is lost when the substance is there without the name.
  const share = 0.75 * evidence + 0.1 * Math.max(label.share, evidence) + 0.15 * clamp(intentWords.share / FULL_SUBSTANCE, 0, 1);
  const score = toScore(share);

  const missing = readable(`${topic.description ?? ''} ${(topic.keyTerms ?? []).join(' ')}`, substance.missing);
  const foundWords = readable(all, substance.found);
  const parts = [
    label.share === 1 ? `names "${topic.label}"` : label.share > 0 ? `names "${topic.label}" only in part` : `never names "${topic.label}"`,
    describing.length ? `uses ${substance.found.length} of the topic's ${new Set(describing).size} describing words${foundWords.length ? ` (${quote(foundWords)})` : ''}` : 'the topic has no description to check',
  ];
  if (chunk && !chunkCounts && chunk.keyTerms.length) parts.push('the source chunk is about something else, so its terms do not count');
  const explanation =
    score >= 8
      ? `On topic: the conversation ${parts.join(', ')}.`
      : `Possibly off topic: the conversation ${parts.join(', ')}${missing.length ? `; missing ${quote(missing)}` : ''}. Checked by words, not meaning: read it to confirm.`;
  return {
    label: 'On topic',
    value: `${Math.round(substance.share * 100)} % of the topic's words, label ${label.share === 1 ? 'named' : label.share > 0 ? 'partly named' : 'not named'}`,
    target: `"${topic.label}" named and at least ${Math.round(FULL_SUBSTANCE * 100)} % of its describing words used`,
    score,
    explanation,
  };
}

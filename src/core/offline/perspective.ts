/**
 * Scenario and persona texts are written about "the user" in the third person. A conversation
 * needs them in the user's own voice ("I inherited…") or addressed back to them ("You inherited…"),
 * so this rewrites subjects, pronouns and the verbs that agree with them.
 */
import { lowerFirst, splitSentences } from './text.js';

export type Voice = 'first' | 'second';

const SUBJECT_NOUNS = new Set(['user', 'couple', 'owner', 'client', 'investor', 'retiree', 'heir', 'family', 'household', 'saver']);
const PLURAL_NOUNS = new Set(['couple', 'family', 'household']);

// Third-person singular verbs we expect in scenario and persona texts; anything else is left alone.
const KNOWN_VERBS = new Set(
  (
    'adopts advises allows asks avoids begins believes brings builds buys calculates carries checks chooses compares ' +
    'considers continues contributes decides discovers dislikes distrusts does earns expects faces fears feels finds ' +
    'follows gains gets has hates holds hopes is keeps knows lacks launches learns leaves lives looks loses makes ' +
    'manages mixes moves needs owes owns pays plans prefers probes reacts receives reinvests relies rents resets ' +
    'reviews runs saves schedules searches sees sells sets spends starts stays stress-tests struggles takes tends ' +
    'thinks tracks trades understands updates uses values views wants was wonders works worries writes'
  ).split(' '),
);
const SKIPPABLE_ADVERBS = new Set(
  (
    'also already actively always constantly currently finally just never now often only rarely really regularly ' +
    'sometimes still then usually quickly heavily no longer'
  ).split(' '),
);
const OBJECT_CUES = new Set(
  'for to with from by about of at on into toward towards leaving help helps let lets tell tells give gives ask asks show shows push pushes leave leaves'.split(
    ' ',
  ),
);
const MODALS = new Set(['can', 'could', 'will', 'would', 'should', 'may', 'might', 'must']);

type Person = 'I' | 'we' | 'you';

const PRONOUNS: Record<Person, Record<string, string>> = {
  I: { they: 'I', them: 'me', their: 'my', theirs: 'mine', themselves: 'myself', "they're": "I'm", he: 'I', him: 'me', his: 'my', himself: 'myself', herself: 'myself' },
  we: { they: 'we', them: 'us', their: 'our', theirs: 'ours', themselves: 'ourselves', "they're": "we're" },
  you: { they: 'you', them: 'you', their: 'your', theirs: 'yours', themselves: 'yourself', "they're": "you're", he: 'you', him: 'you', his: 'your', himself: 'yourself', herself: 'yourself' },
};

function conjugate(verb: string, person: Person): string {
  const lower = verb.toLowerCase();
  const irregular: Record<string, string> = {
    is: person === 'I' ? 'am' : 'are',
    was: person === 'I' ? 'was' : 'were',
    "isn't": person === 'I' ? 'am not' : "aren't",
    "wasn't": person === 'I' ? "wasn't" : "weren't",
    has: 'have',
    does: 'do',
    "doesn't": "don't",
    "hasn't": "haven't",
  };
  if (Object.hasOwn(irregular, lower)) return irregular[lower];
  if (!KNOWN_VERBS.has(lower)) return verb;
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(lower)) return lower.slice(0, -2);
  return lower.slice(0, -1);
}

// After a pronoun like "they", the verb is already plural; only "I" needs "am" and "was".
function agreeAfterPluralPronoun(verb: string, person: Person): string {
  if (person !== 'I') return verb;
  const lower = verb.toLowerCase();
  return lower === 'are' ? 'am' : lower === 'were' ? 'was' : lower === "aren't" ? 'am not' : verb;
}

const PLURAL_BE_FORMS = new Set(['are', 'were', "aren't"]);

const bare = (token: string) => token.toLowerCase().replace(/^[("']+|[),.;:!?"']+$/g, '');
const matchCase = (replacement: string, original: string) =>
  /^[A-Z]/.test(original) || replacement === 'I' || replacement.startsWith("I'") ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
const trailing = (token: string) => token.match(/[),.;:!?"']+$/)?.[0] ?? '';

/** Rewrites one text about "the user" (or "the couple", "the owner"…) into the given voice. */
export function toVoice(text: string, voice: Voice): string {
  const words = text.trim().split(/\s+/);
  const subjectIndex = words.findIndex((word, i) => bare(word) === 'the' && SUBJECT_NOUNS.has(bare(words[i + 1] ?? '').replace(/'s$/, '')));
  if (subjectIndex < 0) return text.trim();
  const noun = bare(words[subjectIndex + 1]).replace(/'s$/, '');
  const person: Person = voice === 'second' ? 'you' : PLURAL_NOUNS.has(noun) ? 'we' : 'I';
  const subjectWord = person;
  const possessive = { I: 'my', we: 'our', you: 'your' }[person];
  const objectWord = { I: 'me', we: 'us', you: 'you' }[person];

  const out: string[] = [];
  let expectVerb: 'singular' | 'plural' | null = null;
  let subjectActiveInSentence = false;
  let listSlotOpen = false;

  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const lower = bare(word);
    const nextBare = bare(words[i + 1] ?? '');
    const nextNoun = nextBare.replace(/'s$/, '');

    if (lower === 'the' && SUBJECT_NOUNS.has(nextNoun)) {
      const nounToken = words[i + 1];
      const isPossessive = /'s\b/.test(nounToken);
      const afterNext = bare(words[i + 2] ?? '');
      const previous = bare(words[i - 1] ?? '');
      const looksLikeSubject =
        KNOWN_VERBS.has(afterNext) || MODALS.has(afterNext) || SKIPPABLE_ADVERBS.has(afterNext) || !OBJECT_CUES.has(previous);
      const replacement = isPossessive ? possessive : looksLikeSubject ? subjectWord : objectWord;
      out.push(matchCase(replacement, word) + trailing(nounToken));
      expectVerb = !isPossessive && looksLikeSubject ? 'singular' : null;
      if (expectVerb) subjectActiveInSentence = true;
      i++;
      listSlotOpen = false;
    } else if (Object.hasOwn(PRONOUNS[person], lower)) {
      out.push(matchCase(PRONOUNS[person][lower], word) + trailing(word));
      if (['they', 'he'].includes(lower)) {
        expectVerb = lower === 'they' ? 'plural' : 'singular';
        subjectActiveInSentence = true;
      }
      listSlotOpen = false;
    } else if (expectVerb && SKIPPABLE_ADVERBS.has(lower)) {
      out.push(word);
    } else if (expectVerb || (listSlotOpen && subjectActiveInSentence && (KNOWN_VERBS.has(lower) || PLURAL_BE_FORMS.has(lower)))) {
      const core = word.replace(/[),.;:!?"']+$/, '');
      const alreadyPlural = expectVerb === 'plural' || PLURAL_BE_FORMS.has(lower);
      const agreed = alreadyPlural ? agreeAfterPluralPronoun(core, person) : conjugate(core, person);
      out.push(agreed + trailing(word));
      expectVerb = null;
      listSlotOpen = false;
    } else if (listSlotOpen && SKIPPABLE_ADVERBS.has(lower)) {
      out.push(word);
    } else {
      out.push(word);
      listSlotOpen = false;
    }

    if (/[,;]$/.test(word) || ['and', 'but', 'or'].includes(lower)) listSlotOpen = true;
    if (/[.!?]["')]?$/.test(word)) {
      subjectActiveInSentence = false;
      listSlotOpen = false;
      expectVerb = null;
    }
  }
  const joined = out.join(' ');
  return voice === 'first' ? joined.replace(/\bI am\b/g, "I'm") : joined;
}

const ADJECTIVE_OPENERS = new Set(['new', 'just', 'full', 'eager', 'busy', 'comfortable', 'recently', 'mid-career', 'early', 'late', 'nearly', 'about']);

/**
 * A persona description such as "Checks balances often and needs reassurance." becomes
 * "I check balances often and need reassurance." Sentences we cannot voice safely are dropped.
 */
export function describeInFirstPerson(description: string): string | null {
  const voiced = splitSentences(description).map((sentence) => {
    const [first = '', second = ''] = sentence.split(/\s+/).map(bare);
    const startsWithVerb = KNOWN_VERBS.has(first) || (SKIPPABLE_ADVERBS.has(first) && KNOWN_VERBS.has(second));
    if (startsWithVerb) return toVoice(`The user ${lowerFirst(sentence)}`, 'first');
    const adjectiveLike = /(ed|ful|ous|ic|al|ive|able|ible|ant|ent)$/.test(first) || ADJECTIVE_OPENERS.has(first);
    if (first === 'a' || first === 'an' || adjectiveLike) return `I'm ${lowerFirst(sentence)}`;
    return null;
  });
  const usable = voiced.filter((sentence): sentence is string => sentence !== null);
  return usable.length > 0 ? usable.join(' ') : null;
}

/** Drafts one assistant turn, as parts, from its planned move, the tone and the user's mood. */
import type { ToneFamily } from './classify.js';
import type { ConversationSettings } from './context.js';
import type { Picker } from './picker.js';
import type { Exchange } from './plan.js';
import type { Phrase, PhraseBank } from './phrases.js';
import type { UserTurn } from './turns-user.js';
import {
  ADVICE_FRAMES,
  CHECK_INS,
  COMPARISONS,
  DEEPER_EXPLANATIONS,
  ELABORATIONS,
  EMPATHY,
  EXAMPLES,
  EXPLANATIONS,
  FACT_FRAMES,
  NUMBER_FRAMES,
  TONE_OPENINGS,
} from './phrases-assistant.js';
import { EDGE_CLOSINGS, EDGE_RESPONSES, HOLDS, SAFETY_REMINDER } from './phrases-edge.js';
import {
  CLOSINGS,
  DISCLAIMERS,
  EXPLORE_QUESTIONS,
  OUTCOME_CAVEATS,
  OUTCOME_FRAMES,
  PLAN_FORMATS,
  PLAN_RATIONALES,
  PLAN_STEPS,
  REASSURANCES,
  RECAPS,
  SCENARIO_DIAGNOSES,
  SIGN_OFFS,
  SOLUTION_LEADS,
  SOLUTION_REASONS,
  VALIDATIONS,
  WATCH_OUTS,
} from './phrases-moves.js';
import { gerund } from './solution.js';
import { capitalize, lowerFirst, type Part } from './text.js';

/** What earlier turns already covered, so later turns neither omit nor repeat it. */
export interface DraftState {
  disclaimed: boolean;
  outcomeShown: boolean;
  /** The chunk's point has been made once; saying it again in every turn reads as a loop. */
  gistUsed: boolean;
  /** The chunk facts already said (by index); each is said at most once. */
  factsSaid: Set<number>;
}

/**
 * The next unsaid sentence of the source chunk, framed for where it goes: advice reads as a tip,
 * a figure as an illustration. Null once the chunk has nothing left to say.
 */
export function nextFact(settings: ConversationSettings, picker: Picker, state: DraftState, wantNumber = false): string | null {
  const index = settings.facts.findIndex((fact, i) => !state.factsSaid.has(i) && (!wantNumber || fact.hasNumber));
  if (index < 0) return null;
  state.factsSaid.add(index);
  const fact = settings.facts[index];
  const frames = fact.imperative ? ADVICE_FRAMES : wantNumber ? NUMBER_FRAMES : FACT_FRAMES;
  // "In practice, in a downturn, …" stumbles: a fact with its own opening phrase gets a colon frame.
  const colonOnly = /^[^,]{0,40},/.test(fact.text);
  const usable = colonOnly ? frames.filter((frame) => typeof frame === 'string' && frame.trim().endsWith(':')) : frames;
  return capitalize(`${picker.word(picker.fresh(usable.length > 0 ? usable : frames))} ${lowerFirst(fact.text)}`.replace(/\s+/g, ' ').trim());
}

function factOr(settings: ConversationSettings, picker: Picker, state: DraftState, rate: number, fallback: () => Part[]): Part[] {
  const fact = picker.rng.chance(rate) ? nextFact(settings, picker, state) : null;
  return fact ? [{ text: fact, optional: true }] : fallback();
}

// Brisk tones skip the feelings sentence more often; that is most of what makes them brisk.
const EMPATHY_RATE: Record<ToneFamily, number> = {
  warm: 0.95,
  encouraging: 0.85,
  educational: 0.7,
  casual: 0.7,
  professional: 0.55,
  analytical: 0.45,
  direct: 0.4,
};

function disclaimer(settings: ConversationSettings, picker: Picker, state: DraftState): Part {
  state.disclaimed = true;
  // Requests to hide income or move someone else's money have legal consequences, not market risk.
  const legalMatter = settings.edgeFamily === 'ethics' || (settings.taxOrLegal && picker.rng.chance(0.75));
  const bank = legalMatter ? DISCLAIMERS.taxLegal : DISCLAIMERS.general;
  return { text: picker.say(bank) };
}

function planParts(settings: ConversationSettings, picker: Picker): Part[] {
  const bank = PLAN_STEPS[settings.ctx.expertise];
  const stepCount = picker.rng.chance(0.6) ? 3 : 2;
  const steps = Array.from({ length: stepCount }, () => picker.word(picker.fresh(bank)));
  return [{ text: capitalize(picker.word(picker.fresh(PLAN_FORMATS)(steps))) }];
}

function edgeParts(exchange: Exchange, settings: ConversationSettings, picker: Picker): Part[] {
  const responses = EDGE_RESPONSES[settings.edgeFamily ?? 'general'];
  if (exchange.move === 'boundary') {
    return [
      { text: picker.say(responses.boundaries) },
      { text: picker.say(responses.reasons), optional: true },
      { text: picker.say(responses.alternatives) },
    ];
  }
  return [{ text: picker.say(HOLDS) }, { text: picker.say(responses.alternatives) }];
}

function closeParts(exchange: Exchange, settings: ConversationSettings, picker: Picker, state: DraftState, askedClosingQuestion: boolean): Part[] {
  const isEdgeCase = settings.edgeFamily !== null;
  const cameRound = ['relief', 'confidence', 'curiosity'].includes(settings.endEmotion);
  const opening = isEdgeCase ? EDGE_CLOSINGS[cameRound ? 'accepting' : 'reluctant'] : CLOSINGS[settings.tone];
  const parts: Part[] = [{ text: picker.say(opening) }];
  if (picker.rng.chance(EMPATHY_RATE[settings.tone] * 0.7)) {
    parts.push({ text: picker.say(EMPATHY[exchange.userEmotion]), optional: true });
  }
  if (askedClosingQuestion) parts.push({ text: picker.say(WATCH_OUTS) });
  if (settings.ctx.outcomeInSecondPerson && !state.outcomeShown) {
    state.outcomeShown = true;
    parts.push({ text: picker.say(OUTCOME_FRAMES) });
  }
  if (settings.edgeFamily === 'distress') {
    parts.push({ text: picker.say([SAFETY_REMINDER]) });
  } else if (isEdgeCase) {
    const alternative = picker.say(EDGE_RESPONSES[settings.edgeFamily ?? 'general'].alternatives);
    parts.push({ text: `${picker.word('{The offer stands|My offer still stands|That offer is still open}')}: ${lowerFirst(alternative)}`, optional: true });
  } else {
    parts.push(...factOr(settings, picker, state, 0.3, () => [{ text: picker.say(RECAPS), optional: true }]));
  }
  // After a crisis, a caveat about returns would read as tone-deaf; the safety reminder stands in for it.
  if (!state.disclaimed && settings.edgeFamily !== 'distress') parts.push(disclaimer(settings, picker, state));
  // After distress, a breezy sign-off ("Go get that first step done!") would jar; stay gentle.
  const signOffTone = settings.edgeFamily === 'distress' ? 'warm' : settings.tone;
  parts.push({ text: picker.say(SIGN_OFFS[signOffTone]), optional: true, trailing: true });
  return parts;
}

/** An optional second sentence about why the point matters; skipped rather than repeated. */
function elaboration(picker: Picker, bank: PhraseBank, rate: number): Part[] {
  const text = picker.rng.chance(rate) ? picker.sayIfFresh(bank) : null;
  return text ? [{ text, optional: true }] : [];
}

/** After the main point, a detail from the source when there is one left, else why it matters. */
function support(settings: ConversationSettings, picker: Picker, state: DraftState, bank: PhraseBank): Part[] {
  return factOr(settings, picker, state, 0.6, () => elaboration(picker, bank, 0.75));
}

const FIRST_STEP = ['{I\'d start by|Start by|My first move would be} %ing.', 'First, %.', '{The first step is to|Step one is to} %.'];
const MIDDLE_STEP = ['Then %.', 'Next, %.', 'After that, %.', 'From there, %.', 'I\'d also suggest %ing.', 'Alongside that, %.'];
const LAST_STEP = ['{Finally|Last|To finish}, %.', '{And finally|And last}, %.', 'The last piece is %ing.'];

/** The scenario's solution as the assistant would say it: a lead-in, then the steps in order. */
function solutionParts(settings: ConversationSettings, picker: Picker): Part[] {
  const steps = settings.solution;
  if (steps.length === 0) return [{ text: picker.say(SOLUTION_REASONS) }];
  const actions = steps.filter((step) => step.kind === 'action');
  let actionIndex = 0;
  const parts: Part[] = [{ text: picker.say(SOLUTION_LEADS) }];
  steps.forEach((step, index) => {
    if (step.kind === 'fact') {
      parts.push({ text: step.text, optional: index > 2 });
      return;
    }
    const position = actionIndex === 0 ? FIRST_STEP : actionIndex === actions.length - 1 ? LAST_STEP : MIDDLE_STEP;
    actionIndex++;
    const frame = picker.fresh(position);
    const text = frame.includes('%ing') ? frame.replace('%ing', gerund(step.text)) : frame.replace('%', step.text);
    parts.push({ text: capitalize(picker.word(text)), optional: index > 2 });
  });
  return parts;
}

function bodyParts(exchange: Exchange, settings: ConversationSettings, picker: Picker, state: DraftState, user: UserTurn): Part[] {
  const { ctx } = settings;
  const distressed = ['anxiety', 'confusion', 'frustration'].includes(exchange.userEmotion);
  switch (exchange.move) {
    case 'validate':
      return [{ text: picker.say(VALIDATIONS[distressed ? 'hard' : 'steady']) }, { text: picker.say(REASSURANCES), optional: true }];
    case 'explain': {
      const bank = state.gistUsed ? DEEPER_EXPLANATIONS : EXPLANATIONS;
      state.gistUsed = true;
      return [{ text: picker.say(bank[ctx.expertise]) }, ...support(settings, picker, state, ELABORATIONS)];
    }
    case 'example': {
      // A figure from the source is a better illustration than invented round numbers.
      const sourced = picker.rng.chance(0.6) ? nextFact(settings, picker, state, true) : null;
      return sourced
        ? [{ text: sourced }, { text: picker.say(EXAMPLES), optional: true }]
        : [{ text: picker.say(EXAMPLES) }, ...support(settings, picker, state, ELABORATIONS)];
    }
    case 'compare':
      return [{ text: picker.say(COMPARISONS) }, ...support(settings, picker, state, ELABORATIONS)];
    case 'explore': {
      const framing = state.gistUsed ? [] : [{ text: `${picker.word('{Generally speaking|Broadly|As a starting point|In general}')}, ${lowerFirst(ctx.gist)}` }];
      state.gistUsed = true;
      return [...framing, { text: picker.say(EXPLORE_QUESTIONS) }];
    }
    case 'plan':
      return [...planParts(settings, picker), ...support(settings, picker, state, PLAN_RATIONALES), ...(!state.disclaimed && picker.rng.chance(0.6) ? [disclaimer(settings, picker, state)] : [])];
    case 'reassure':
      return user.worry
        ? [{ text: picker.word(user.worry.answer) }]
        : [{ text: picker.say(REASSURANCES) }, ...factOr(settings, picker, state, 0.5, () => [{ text: picker.say(REASSURANCES), optional: true }])];
    case 'diagnose':
      return [{ text: picker.say(SCENARIO_DIAGNOSES) }];
    case 'solution':
      return [
        ...solutionParts(settings, picker),
        { text: picker.say(SOLUTION_REASONS), optional: true },
        ...(settings.taxOrLegal && !state.disclaimed ? [disclaimer(settings, picker, state)] : []),
      ];
    case 'outcome':
      state.outcomeShown = true;
      return [
        { text: picker.say(OUTCOME_FRAMES) },
        { text: picker.say(OUTCOME_CAVEATS) },
      ];
    case 'boundary':
    case 'hold':
      return edgeParts(exchange, settings, picker);
    case 'close':
      return [];
  }
}

const isNotAboutAQuestion = (phrase: Phrase) => typeof phrase !== 'string' || !/question|\bask|answer/i.test(phrase);

/** Drafts an assistant turn as parts; the caller fits it to length once the whole draft is known. */
export function draftAssistantTurn(
  exchange: Exchange,
  settings: ConversationSettings,
  picker: Picker,
  state: DraftState,
  user: UserTurn,
): Part[] {
  if (exchange.move === 'close') return closeParts(exchange, settings, picker, state, user.askedClosingQuestion);

  const isBoundary = exchange.move === 'boundary' || exchange.move === 'hold';
  // In a boundary turn the limit comes first; a breezy opening or sympathy before it would read as wavering.
  // "Great question" only makes sense if the user actually asked one.
  const openings = user.content.trim().endsWith('?') ? TONE_OPENINGS[settings.tone] : TONE_OPENINGS[settings.tone].filter(isNotAboutAQuestion);
  const withEmpathy = !isBoundary && picker.rng.chance(EMPATHY_RATE[settings.tone]);
  // Not every answer needs a preamble; when there is a feeling to meet, that can come first.
  const withOpening = !isBoundary && (!withEmpathy || picker.rng.chance(0.75));
  const parts: Part[] = withOpening ? [{ text: picker.say(openings) }] : [];
  if (withEmpathy) parts.push({ text: picker.say(EMPATHY[exchange.userEmotion]), optional: withOpening });
  if (user.pushback) parts.push({ text: capitalize(picker.word(user.pushback.reply)) });
  parts.push(...bodyParts(exchange, settings, picker, state, user));
  const endsWithQuestion = parts[parts.length - 1].text.trim().endsWith('?');
  const checkIn = !endsWithQuestion && !isBoundary && picker.rng.chance(0.45) ? picker.sayIfFresh(CHECK_INS[settings.tone]) : null;
  if (checkIn) parts.push({ text: checkIn, optional: true, trailing: true });
  return parts;
}

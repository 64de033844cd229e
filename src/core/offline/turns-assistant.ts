/** Drafts one assistant turn, as parts, from its planned move, the tone and the user's mood. */
import type { ToneFamily } from './classify.js';
import type { ConversationSettings } from './context.js';
import type { Picker } from './picker.js';
import type { Exchange } from './plan.js';
import { render, type Phrase, type PhraseBank } from './phrases.js';
import type { UserTurn } from './turns-user.js';
import {
  CHECK_INS,
  COMPARISONS,
  DEEPER_EXPLANATIONS,
  ELABORATIONS,
  EMPATHY,
  EXAMPLES,
  EXPLANATIONS,
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
  SOLUTION_FRAMES,
  SOLUTION_REASONS,
  VALIDATIONS,
  WATCH_OUTS,
} from './phrases-moves.js';
import { lowerFirst, type Part } from './text.js';

/** What earlier turns already covered, so later turns neither omit nor repeat it. */
export interface DraftState {
  disclaimed: boolean;
  outcomeShown: boolean;
  /** The chunk's point has been made once; saying it again in every turn reads as a loop. */
  gistUsed: boolean;
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
  const steps = Array.from({ length: stepCount }, () => render(picker.fresh(bank), settings.ctx));
  return [{ text: picker.fresh(PLAN_FORMATS)(steps) }];
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
    parts.push({ text: SAFETY_REMINDER });
  } else if (isEdgeCase) {
    const alternative = picker.say(EDGE_RESPONSES[settings.edgeFamily ?? 'general'].alternatives);
    parts.push({ text: `The offer stands: ${lowerFirst(alternative)}`, optional: true });
  } else {
    parts.push({ text: picker.say(RECAPS), optional: true });
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

function bodyParts(exchange: Exchange, settings: ConversationSettings, picker: Picker, state: DraftState, user: UserTurn): Part[] {
  const { ctx } = settings;
  const distressed = ['anxiety', 'confusion', 'frustration'].includes(exchange.userEmotion);
  switch (exchange.move) {
    case 'validate':
      return [{ text: picker.say(VALIDATIONS[distressed ? 'hard' : 'steady']) }, { text: picker.say(REASSURANCES), optional: true }];
    case 'explain': {
      const bank = state.gistUsed ? DEEPER_EXPLANATIONS : EXPLANATIONS;
      state.gistUsed = true;
      return [{ text: picker.say(bank[ctx.expertise]) }, ...elaboration(picker, ELABORATIONS, 0.75)];
    }
    case 'example':
      return [{ text: picker.say(EXAMPLES) }, ...elaboration(picker, ELABORATIONS, 0.75)];
    case 'compare':
      return [{ text: picker.say(COMPARISONS) }, ...elaboration(picker, ELABORATIONS, 0.75)];
    case 'explore': {
      const framing = state.gistUsed ? [] : [{ text: `Generally speaking, ${lowerFirst(ctx.gist)}` }];
      state.gistUsed = true;
      return [...framing, { text: picker.say(EXPLORE_QUESTIONS) }];
    }
    case 'plan':
      return [...planParts(settings, picker), ...elaboration(picker, PLAN_RATIONALES, 0.7), ...(!state.disclaimed && picker.rng.chance(0.6) ? [disclaimer(settings, picker, state)] : [])];
    case 'reassure':
      return user.worry
        ? [{ text: render(user.worry.answer, ctx) }]
        : [{ text: picker.say(REASSURANCES) }, { text: picker.say(REASSURANCES), optional: true }];
    case 'diagnose':
      return [{ text: picker.say(SCENARIO_DIAGNOSES) }];
    case 'solution':
      return [
        { text: picker.say(SOLUTION_FRAMES) },
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
  const parts: Part[] = isBoundary ? [] : [{ text: picker.say(openings) }];
  if (!isBoundary && picker.rng.chance(EMPATHY_RATE[settings.tone])) {
    parts.push({ text: picker.say(EMPATHY[exchange.userEmotion]), optional: true });
  }
  if (user.pushback) parts.push({ text: render(user.pushback.reply, settings.ctx) });
  parts.push(...bodyParts(exchange, settings, picker, state, user));
  const endsWithQuestion = parts[parts.length - 1].text.trim().endsWith('?');
  const checkIn = !endsWithQuestion && !isBoundary && picker.rng.chance(0.45) ? picker.sayIfFresh(CHECK_INS[settings.tone]) : null;
  if (checkIn) parts.push({ text: checkIn, optional: true, trailing: true });
  return parts;
}

/** Writes one user turn from its planned exchange. */
import type { ConversationSettings } from './context.js';
import type { Picker } from './picker.js';
import type { Exchange } from './plan.js';
import { EDGE_FINALS, FINALS, INTENT_ASKS, OPENERS, REACTIONS, SELF_INTRODUCTIONS, USER_PADS } from './phrases-user.js';
import {
  ATTEMPT_LEADS,
  DETAILS,
  PRESSURE_LINES,
  PUSHBACKS,
  SCENARIO_INTROS,
  WORRIES,
  questionsFor,
  type Pushback,
  type Worry,
} from './phrases-questions.js';
import { fitToWordRange, type Part, type WordRange } from './text.js';

export const USER_WORDS: WordRange = { min: 12, max: 70 };

export interface UserTurn {
  content: string;
  /** The user asked a closing question, which the assistant's goodbye should answer. */
  askedClosingQuestion: boolean;
  /** The worry the user voiced, so the reassurance answers that worry rather than another. */
  worry: Worry | null;
  /** The challenge the user raised, so the assistant answers that challenge in particular. */
  pushback: Pushback | null;
}

function openerParts(settings: ConversationSettings, picker: Picker, isScenario: boolean): Part[] {
  const { ctx } = settings;
  const parts: Part[] = [{ text: picker.say(OPENERS[settings.startEmotion]) }];
  // Not every user introduces themselves; those who do sound like their persona.
  if (settings.personaInFirstPerson && picker.rng.chance(0.3)) {
    parts.push({ text: settings.personaInFirstPerson, optional: true });
  } else if (picker.rng.chance(0.6)) {
    parts.push({ text: picker.say(SELF_INTRODUCTIONS[ctx.expertise]), optional: true });
  }
  if (isScenario) parts.push({ text: picker.say(SCENARIO_INTROS) });
  if (picker.rng.chance(isScenario ? 0.4 : 0.7)) parts.push({ text: picker.say(INTENT_ASKS[settings.intent]), optional: true });
  return parts;
}

interface QuestionDraft {
  parts: Part[];
  worry: Worry | null;
  pushback: Pushback | null;
}

function questionParts(exchange: Exchange, settings: ConversationSettings, picker: Picker): QuestionDraft {
  const parts: Part[] = [{ text: picker.say(REACTIONS[exchange.userEmotion]) }];
  if (exchange.answersQuestions) parts.push({ text: picker.say(DETAILS[settings.ctx.expertise]) });
  const { move } = exchange;
  if (exchange.userPushesBack) {
    const pushback = picker.fresh(PUSHBACKS);
    parts.push({ text: picker.word(pushback.challenge) });
    return { parts, worry: null, pushback };
  }
  if (move === 'reassure') {
    const worry = picker.fresh(WORRIES);
    parts.push({ text: picker.word(worry.question) });
    return { parts, worry, pushback: null };
  }
  if (move !== 'boundary' && move !== 'hold' && move !== 'diagnose') {
    parts.push({ text: picker.say(questionsFor(move, settings.ctx.expertise)) });
  }
  return { parts, worry: null, pushback: null };
}

export function writeUserTurn(exchange: Exchange, settings: ConversationSettings, picker: Picker, isScenario: boolean): UserTurn {
  let parts: Part[];
  let askedClosingQuestion = false;
  let worry: Worry | null = null;
  let pushback: Pushback | null = null;
  switch (exchange.userKind) {
    case 'opener':
      parts = openerParts(settings, picker, isScenario);
      break;
    case 'question':
      ({ parts, worry, pushback } = questionParts(exchange, settings, picker));
      break;
    case 'attempt':
      parts = [
        ...(picker.rng.chance(0.5) ? [{ text: picker.say(REACTIONS[exchange.userEmotion]), optional: true }] : []),
        { text: picker.say(ATTEMPT_LEADS) },
      ];
      break;
    case 'pressure': {
      // Pressing again after a "no" is never relieved or delighted, whatever the arc says.
      const start = settings.startEmotion;
      const mood = start === 'anxiety' || start === 'confusion' ? start : 'frustration';
      parts = [{ text: picker.say(REACTIONS[mood]), optional: true }, { text: picker.say(PRESSURE_LINES) }];
      break;
    }
    case 'final': {
      const finalEmotion = exchange.userEmotion === 'transition' ? settings.endEmotion : exchange.userEmotion;
      const isEdgeCase = settings.edgeFamily !== null;
      parts = [{ text: picker.say(isEdgeCase && picker.rng.chance(0.7) ? EDGE_FINALS[finalEmotion] : FINALS[finalEmotion]) }];
      askedClosingQuestion = picker.rng.chance(0.35);
      if (askedClosingQuestion) parts.push({ text: picker.say(questionsFor('close', settings.ctx.expertise)) });
      break;
    }
  }
  return { content: fitToWordRange(parts, USER_WORDS, () => picker.say(USER_PADS)), askedClosingQuestion, worry, pushback };
}

import type { Dimension } from '../../../core/tiers';

/** What each dimension is for, with an example, for the Catalog page's tabs and empty states. */
export const DIMENSION_HELP: Record<Dimension, { plural: string; purpose: string; example: { label: string; description: string; guidance: string } }> = {
  persona: {
    plural: 'Personas',
    purpose: 'Who talks to your assistant. Each planned conversation gets one persona, so the user in it speaks with that person\u2019s knowledge, worries and vocabulary.',
    example: { label: 'First-Time Buyer', description: 'Buying a home for the first time, unsure of the process.', guidance: 'Asks basic questions, worries about hidden costs, needs jargon explained.' },
  },
  emotion: {
    plural: 'Emotions',
    purpose: 'How the user feels when the conversation starts. Emotional arcs move the user from one emotion to another.',
    example: { label: 'Frustration', description: 'Irritation after setbacks or advice that did not work.', guidance: 'Short-tempered, mentions what already failed, impatient with generic answers.' },
  },
  topic: {
    plural: 'Topics',
    purpose: 'What the conversation is about: the subjects your assistant must handle well. Coverage is measured per topic.',
    example: { label: 'Returns and Refunds', description: 'Sending a product back and getting the money.', guidance: 'Refunds take up to 10 working days; items must be unused.' },
  },
  intent: {
    plural: 'Intents',
    purpose: 'What the user wants to get out of the conversation: advice, an explanation, a decision, a fix.',
    example: { label: 'Compare Options', description: 'The user wants two or more options side by side.', guidance: 'Names the options and wants them compared on what matters to them.' },
  },
  tone: {
    plural: 'Tones',
    purpose: 'How your assistant sounds. The tone shapes every assistant turn.',
    example: { label: 'Warm & Reassuring', description: 'Acknowledges feelings first.', guidance: 'Acknowledge feelings before advice; calm language; point out what the user controls.' },
  },
};

import type { DefaultDimensionValue } from './types';

/**
 * Starter emotions, intents and tones for any domain. Personas and topics have no defaults:
 * they are what makes a team's conversations its own, so the team adds them.
 */
export const DEFAULT_EMOTIONS: DefaultDimensionValue[] = [
  { key: 'fear', label: 'Fear', description: 'A strong sense that something important is about to be lost or go wrong.', guidance: 'The user feels something important is at stake right now: short, urgent sentences, worst-case thinking, a pull toward all-or-nothing decisions.', attributes: { valence: 'negative' } },
  { key: 'anxiety', label: 'Anxiety', description: 'Ongoing unease about an uncertain outcome.', guidance: 'The user keeps asking "what if", circles back to the same worry and finds it hard to commit to a step.', attributes: { valence: 'negative' } },
  { key: 'confusion', label: 'Confusion', description: 'The user does not understand their situation or the options in front of them.', guidance: 'The user mixes up terms, asks for things to be repeated more simply and may contradict themselves without noticing.', attributes: { valence: 'negative' } },
  { key: 'frustration', label: 'Frustration', description: 'Irritation after setbacks, delays or advice that did not work.', guidance: 'The user is short-tempered, mentions what has already failed and has little patience for generic answers.', attributes: { valence: 'negative' } },
  { key: 'anger', label: 'Anger', description: 'Strong displeasure, often at a person, a company or a situation that feels unfair.', guidance: 'The user is blunt and may be rude; they want to be heard before they will listen. Their anger is real but should not turn into abuse of the assistant.', attributes: { valence: 'negative' } },
  { key: 'skepticism', label: 'Skepticism', description: 'Doubt about claims, advice or the assistant itself.', guidance: 'The user questions sources, asks "how do you know?" and pushes back until the reasoning holds up.', attributes: { valence: 'neutral' } },
  { key: 'curiosity', label: 'Curiosity', description: 'Open interest in learning how something works.', guidance: 'The user asks follow-up questions, explores side paths and enjoys examples.', attributes: { valence: 'positive' } },
  { key: 'hope', label: 'Hope', description: 'Cautious optimism that a goal can be reached.', guidance: 'The user is optimistic but unsure; they want to hear that the goal is realistic and what it takes.', attributes: { valence: 'positive' } },
  { key: 'relief', label: 'Relief', description: 'Release of tension once a worry is resolved or put in perspective.', guidance: 'The user relaxes, thanks the assistant and often checks one last detail to be sure.', attributes: { valence: 'positive' } },
  { key: 'confidence', label: 'Confidence', description: 'Assurance in one\u2019s own plan or understanding.', guidance: 'The user speaks decisively, expects to be taken seriously and wants their plan checked, not rewritten.', attributes: { valence: 'positive' } },
  { key: 'excitement', label: 'Excitement', description: 'Eager energy about an opportunity or a plan.', guidance: 'The user is enthusiastic and may rush ahead; they respond well to momentum but need important caveats made clear.', attributes: { valence: 'positive' } },
  { key: 'gratitude', label: 'Gratitude', description: 'Appreciation for help received.', guidance: 'The user is warm and appreciative and often shares how things turned out.', attributes: { valence: 'positive' } },
];

export const DEFAULT_INTENTS: DefaultDimensionValue[] = [
  { key: 'seek_advice', label: 'Seek Advice', description: 'The user wants a recommendation or a next step for their situation.', guidance: 'The user wants to leave with a concrete recommendation or next step, not just information.' },
  { key: 'understand_concept', label: 'Understand a Concept', description: 'The user wants to learn how something works.', guidance: 'The user wants an explanation they can repeat in their own words; examples matter more than advice.' },
  { key: 'make_decision', label: 'Make a Decision', description: 'The user has to choose and wants help deciding.', guidance: 'The user is weighing a choice with a deadline; they want the trade-offs laid out and help to decide.' },
  { key: 'validate_plan', label: 'Validate a Plan', description: 'The user has a plan and wants it checked.', guidance: 'The user presents their own plan and wants it stress-tested; they expect honest feedback on weak spots.' },
  { key: 'express_concern', label: 'Express a Concern', description: 'The user mainly needs to voice a worry and be heard.', guidance: 'The user first needs to feel heard; advice only lands after their concern has been acknowledged.' },
  { key: 'compare_options', label: 'Compare Options', description: 'The user wants two or more options set side by side.', guidance: 'The user names options and wants them compared on the criteria that matter to them.' },
  { key: 'solve_problem', label: 'Solve a Problem', description: 'Something is not working and the user wants it fixed.', guidance: 'The user describes something that is not working; they want a diagnosis and steps that fix it.' },
  { key: 'make_request', label: 'Make a Request', description: 'The user asks the assistant to do or produce something specific.', guidance: 'The user asks for something specific to be done or produced and judges the answer by whether it delivers it.' },
  { key: 'give_feedback', label: 'Give Feedback', description: 'The user reports how something went or complains about it.', guidance: 'The user reports an experience, good or bad, and wants it acknowledged and acted on.' },
];

export const DEFAULT_TONES: DefaultDimensionValue[] = [
  { key: 'warm_reassuring', label: 'Warm & Reassuring', description: 'Acknowledges feelings first and uses calm language.', guidance: 'Acknowledge the user\u2019s feelings before anything else, use calm language and point out what is within their control.' },
  { key: 'direct_practical', label: 'Direct & Practical', description: 'Gets to the point with concrete steps.', guidance: 'Lead with the answer, then give concrete, numbered steps. No filler.' },
  { key: 'analytical', label: 'Analytical', description: 'Reasons through evidence, numbers and trade-offs.', guidance: 'Reason step by step, show the numbers or evidence behind each point and name the trade-offs.' },
  { key: 'encouraging', label: 'Encouraging', description: 'Builds the user\u2019s confidence and momentum.', guidance: 'Highlight what the user is already doing well and frame next steps as achievable.' },
  { key: 'patient_educational', label: 'Patient & Educational', description: 'Explains slowly, checks understanding.', guidance: 'Explain one idea at a time with simple examples, define jargon and check understanding before moving on.' },
  { key: 'professional', label: 'Professional', description: 'Polite, precise and neutral.', guidance: 'Stay courteous, precise and neutral; avoid slang and strong opinions.' },
  { key: 'friendly_casual', label: 'Friendly & Casual', description: 'Relaxed, conversational language.', guidance: 'Use relaxed, everyday language and a light touch, while staying accurate.' },
  { key: 'concise', label: 'Concise', description: 'Short answers that respect the user\u2019s time.', guidance: 'Keep every answer short: the essential point first, details only when asked.' },
  { key: 'calm_firm', label: 'Calm & Firm', description: 'Holds a boundary kindly without giving in.', guidance: 'Stay calm and kind while holding a clear boundary; explain the reason once and offer an alternative.' },
];

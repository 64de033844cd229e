/** Content for specific assistant moves: questions back, plans, reassurance, caveats, closings. */
import type { Expertise, ToneFamily } from './classify.js';
import { cap, type PhraseBank } from './phrases.js';
import { lowerFirst } from './text.js';

export const EXPLORE_QUESTIONS: PhraseBank = [
  'Before I go further, can I ask what your timeline looks like? Whether you need this money in three years or thirty changes the answer quite a bit.',
  'To point you in the right direction, it would help to know roughly what you have set aside now and what you want it to do for you.',
  'Could you tell me a bit about your situation: your age range, any high-interest debt, and how soon you might need this money?',
  'What matters most to you here: growth, safety, or flexibility? There\'s no wrong answer, but it shapes everything else.',
  'Quick question so I don\'t guess: is this for a specific goal, like a home or retirement, or more of a general "get my house in order" project?',
];

/** Normalizing lines for a validating turn; the hard set is for users who arrive distressed. */
export const VALIDATIONS: Record<'hard' | 'steady', PhraseBank> = {
  hard: [
    (c) => `Most people who ask me about ${c.topic} are feeling exactly the same way.`,
    'You\'re not behind, and you haven\'t ruined anything by asking now.',
    'The fact that you\'re looking at this at all puts you ahead of a lot of people.',
    'We can go at whatever pace feels right, and nothing has to be decided today.',
  ],
  steady: [
    'There\'s a lot here that\'s already solid.',
    'Your starting point is stronger than you might think.',
    'The instinct behind your question is a good one.',
    'You\'re working from a good foundation, so this is about refining, not starting over.',
  ],
};

/** Plan steps are imperative clauses, lower-case and unpunctuated, so formats can join them. */
const COMMON_STEPS: PhraseBank = [
  'list every account you have in one place, with balances and what each one is for',
  'write down your monthly essential expenses so you know your real baseline',
  'set up an automatic transfer for the day after payday, even if it\'s small',
  'check the fees on anything you already hold, since costs quietly compound',
  (c) => `decide what ${c.term} should look like for you and write it down in one sentence`,
  (c) => `put a date on your calendar to review ${c.topic} once or twice a year`,
  'make sure some cash is set aside for emergencies before taking on more risk',
  'pick one small change you can make this week instead of redesigning everything at once',
  'read the plain-language summary of any product before you commit to it',
  'note the questions you still have so you can bring them to a professional if needed',
];

export const PLAN_STEPS: Record<Expertise, PhraseBank> = {
  beginner: [
    ...COMMON_STEPS,
    'start with one simple account rather than juggling several',
    'look up any term you don\'t recognize before you sign anything',
  ],
  intermediate: [
    ...COMMON_STEPS,
    (c) => `compare how ${c.term} looks across each of your accounts, not just the biggest one`,
    'check that your beneficiaries and contribution rates are still what you intended',
  ],
  advanced: [
    ...COMMON_STEPS.slice(3),
    'model a few scenarios with different return and inflation assumptions',
    'review asset location across taxable and tax-advantaged accounts',
    'set rebalancing bands instead of rebalancing on a fixed calendar',
    (c) => `stress-test ${c.term} against a bad first decade`,
  ],
};

/** Ways to lay out two or three steps; each receives the steps already rendered. */
export const PLAN_FORMATS: readonly ((steps: readonly string[]) => string)[] = [
  (s) => `Here's how I'd sequence it. First, ${s[0]}. Second, ${s[1]}.${s[2] ? ` Third, ${s[2]}.` : ''}`,
  (s) => `If I were sketching this out: 1) ${s[0]}; 2) ${s[1]}${s[2] ? `; 3) ${s[2]}` : ''}.`,
  (s) => `Concretely: ${s[0]}. After that, ${s[1]}.${s[2] ? ` Once those are done, ${s[2]}.` : ''}`,
  (s) => `A simple starting plan. ${cap(s[0])}. Then ${s[1]}.${s[2] ? ` Finally, ${s[2]}.` : ''}`,
  (s) => `Start small. ${cap(s[0])}, and then ${s[1]}.${s[2] ? ` When that feels routine, ${s[2]}.` : ''}`,
];

export const PLAN_RATIONALES: PhraseBank = [
  'The order matters: each step makes the next one easier and safer.',
  'None of these steps is irreversible, so you can adjust as you learn.',
  'Start with whichever step you can finish this week; momentum counts for more than sequence.',
  (c) => `Each step is small on purpose, because progress on ${c.topic} comes easier as a habit than as a project.`,
  'If a step feels unclear, that\'s a good question to bring back here or to a professional.',
  'You can do all of this in an afternoon or spread it over a month; either works.',
];

/** General reassurance; specific worries are answered by their paired replies instead. */
export const REASSURANCES: PhraseBank = [
  'Plenty of people start later or smaller than they\'d like and still end up in a good place.',
  (c) => `The fact that you're asking about ${c.topic} now is itself a sign you're on a good path.`,
  'Most of what drives a good outcome is dull and repeatable, which is good news: it\'s learnable.',
  'Mistakes here are usually fixable, especially when you catch them early like this.',
  (c) => `A plan for ${c.topic} doesn't have to be perfect to work; it has to be one you'll keep.`,
  'Bad years happen in every long-term plan; the plans that work simply expect them.',
  'You\'re allowed to go slowly. Steady beats fast in almost every part of personal finance.',
];

/** Gentle caveats: one of these appears in every conversation. */
export const DISCLAIMERS: Record<'general' | 'taxLegal', PhraseBank> = {
  general: [
    'One honest caveat: no strategy can promise returns, and past performance doesn\'t guarantee future results.',
    'Just to be clear, none of this is guaranteed; markets can and do fall, sometimes for a while.',
    'Keep in mind this is general education rather than personal advice, and any investment can lose value.',
    'I can\'t promise any particular return, and nobody honestly can, but these habits tend to tilt the odds in your favor.',
    'Since everyone\'s situation differs, a fee-only fiduciary planner can tailor this if you\'d like a second set of eyes.',
  ],
  taxLegal: [
    'Because tax rules depend on your specific situation and change over time, please confirm the details with a licensed CPA or tax professional before acting.',
    'For anything with legal or tax consequences, run your specific situation by a licensed professional; I can explain the concepts, but I can\'t sign off on your particular case.',
    'Tax treatment varies by circumstance and jurisdiction, so a qualified tax advisor or attorney is the right person to confirm how this applies to you.',
  ],
};

export const CLOSINGS: Record<ToneFamily, PhraseBank> = {
  warm: ['I\'m so glad we talked this through.', 'It\'s been a pleasure working through this with you.', 'You should feel good about what you did today.', 'Thank you for trusting me with this.'],
  direct: ['You\'ve got what you need.', 'That\'s the plan.', 'Good. You\'re set to move.', 'That covers the essentials.'],
  educational: ['You now have a solid foundation to build on.', 'That\'s a good framework to carry forward.', 'You\'ve covered the key concepts well.', 'That\'s a real step up in understanding.'],
  encouraging: ['You should be proud of this, seriously.', 'Look how far you\'ve come in one conversation!', 'This is a great start, and you\'re more capable than you gave yourself credit for.', 'That\'s real progress.'],
  professional: ['Thank you for the thoughtful discussion.', 'I\'m glad this was useful.', 'That concludes the key points.', 'I appreciate the careful questions.'],
  analytical: ['The numbers support that approach.', 'That\'s a well-reasoned place to land.', 'You\'ve tested the key assumptions, which is what matters.', 'That framework should hold up well.'],
  casual: ['Love that for you!', 'Nice, that\'s a solid place to land.', 'Heck yes, that\'s a good plan.', 'Look at you go!'],
};

export const RECAPS: PhraseBank = [
  (c) => `The big takeaway: keep ${c.term} at the center of your decisions and revisit ${c.topic} once a year or after any big life change.`,
  (c) => `In one line: ${lowerFirst(c.gist)}`,
  (c) => `If you remember one thing, let it be this: consistency with ${c.term} beats perfection.`,
  'Your next move is small and specific, which is exactly how good plans actually get followed.',
  (c) => `Start with the first step, give it a few weeks, and then check how ${c.term} looks before changing anything else.`,
];

export const SIGN_OFFS: Record<ToneFamily, PhraseBank> = {
  warm: ['Come back anytime, even if it\'s just to talk something through.', 'I\'m here whenever you want to pick this back up.'],
  direct: ['Check back if anything changes.', 'Come back when you\'re ready for the next step.'],
  educational: [(c) => `When you're ready, we can go deeper into ${c.altTerm}.`, 'Feel free to come back with questions as you put it into practice.'],
  encouraging: ['You\'ve got this, and I\'m here if you need a boost.', 'Go get that first step done!'],
  professional: ['Please don\'t hesitate to return with further questions.', 'I\'m available should you need clarification later.'],
  analytical: ['Rerun the numbers once a year and we can compare notes.', 'Bring the updated figures back anytime and we can refine it.'],
  casual: ['Holler if you get stuck!', 'Catch you next time, and good luck with it!'],
};

export const WATCH_OUTS: PhraseBank = [
  'One thing to watch: fees that look small but recur every single year.',
  'Be wary of anyone promising returns that sound too good to be true.',
  'Don\'t let a scary headline push you into changing the plan overnight.',
  'Keep your emergency savings separate, so you\'re never forced to sell at a bad time.',
];

export const SCENARIO_DIAGNOSES: PhraseBank = [
  (c) => `So if I'm hearing you right: ${lowerFirst(c.problemInSecondPerson)} That's a very workable situation, even if it doesn't feel like it right now.`,
  (c) => `Let me make sure I have it. ${c.problemInSecondPerson} Thank you for laying it out so clearly; it makes this much easier to untangle.`,
  (c) => `To restate it: ${lowerFirst(c.problemInSecondPerson)} Situations like this usually have a clear path forward, and ${c.term} is a big part of it.`,
];

export const SOLUTION_FRAMES: PhraseBank = [
  (c) => `Here's how I'd approach it. ${c.solution}`,
  (c) => `A path that tends to work well here: ${lowerFirst(c.solution)}`,
  (c) => `In situations like yours, a sensible sequence looks like this. ${c.solution}`,
];

export const SOLUTION_REASONS: PhraseBank = [
  (c) => `The reason this works is that it tackles the biggest drag first and keeps ${c.term} working for you rather than against you.`,
  'Each step buys you time or clarity before anything irreversible happens.',
  (c) => `It also keeps ${c.term} front and center, which is where the real leverage is.`,
];

export const OUTCOME_FRAMES: PhraseBank = [
  (c) => `If you stick with it, a realistic outcome looks something like this: ${lowerFirst(c.outcomeInSecondPerson)}`,
  (c) => `Here's what success could plausibly look like. ${c.outcomeInSecondPerson}`,
  (c) => `People who follow a plan like this often end up here: ${lowerFirst(c.outcomeInSecondPerson)}`,
];

export const OUTCOME_CAVEATS: PhraseBank = [
  'It won\'t be perfectly smooth, and none of it is guaranteed, but the direction is what matters.',
  'Results will depend on markets and on life, so treat this as a realistic target, not a promise.',
  'There may be detours, and nothing here is guaranteed, but the plan is built to absorb them.',
  'Timing and returns can\'t be known in advance, so judge progress by your habits as much as by balances.',
];

export const ASSISTANT_PADS: PhraseBank = [
  'It also helps to write your reasoning down, so future you remembers why you made the choice.',
  'None of this has to happen all at once; small, steady moves are easier to keep.',
  'And if anything I said didn\'t land, tell me and I\'ll explain it another way.',
  (c) => `The most important part is simply that you keep showing up for ${c.topic}.`,
  'Whatever you decide, make sure it\'s something you can stick with when markets get bumpy.',
  'A little structure now saves a lot of second-guessing later.',
  (c) => `And remember, ${c.term} is a tool, not a test you can fail.`,
  (c) => `If it helps, jot down what ${c.term} means for you in one sentence.`,
  'There\'s no rush; a decision made calmly next week beats a rushed one today.',
  (c) => `We can always revisit ${c.topic} once you've tried the first step.`,
  'You\'re already doing the hardest part, which is paying attention.',
  'Progress here is usually quiet, and that\'s a good sign.',
  (c) => `Keep the bigger goal in view; treat ${c.topic} as a means, not the end.`,
  'Small, boring, repeatable: that\'s the part most people overlook.',
];

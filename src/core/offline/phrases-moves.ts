/** Content for specific assistant moves: questions back, plans, reassurance, caveats, closings. */
import type { Expertise, ToneFamily } from './classify.js';
import { cap, type PhraseBank } from './phrases.js';
import { lowerFirst } from './text.js';

export const EXPLORE_QUESTIONS: PhraseBank = [
  (c) => `Before I go further, can I ask what your timeline looks like for ${c.topic}? Whether you need this money in {three years or thirty|two years or twenty|five years or twenty-five} changes the answer {quite a bit|a lot|completely}.`,
  (c) => `To point you in the right direction on ${c.term}, it would help to know roughly what you have set aside now and what you want it to do for you.`,
  (c) => `Could you tell me a bit about your situation: your age range, any high-interest debt, and how soon you might need the money you're putting toward ${c.topic}?`,
  (c) => `What matters most to you with ${c.topic}: growth, safety, or flexibility? There's no wrong answer, but it shapes {everything else|how ${c.term} should look|the rest of the plan}.`,
  (c) => `Quick question so I don't guess: is ${c.topic} for a specific goal, like a home or retirement, or more of a general "get my house in order" project?`,
  (c) => `{Can I ask|Mind if I ask} a couple of things {first|about ${c.topic}}? Roughly how much is involved for you, and is there a date you're working toward?`,
];

/** Normalizing lines for a validating turn; the hard set is for users who arrive distressed. */
export const VALIDATIONS: Record<'hard' | 'steady', PhraseBank> = {
  hard: [
    (c) => `Most people who ask {me |}about ${c.topic} are feeling {exactly the same way|much the same|something similar}.`,
    (c) => `You're not behind, and you haven't ruined anything {by asking about ${c.topic} now|by looking at ${c.term} now}.`,
    (c) => `The fact that you're looking at ${c.topic} at all puts you ahead of a lot of people.`,
    (c) => `We can go at whatever pace feels right, and nothing about ${c.term} has to be decided today.`,
  ],
  steady: [
    (c) => `There's a lot in your approach to ${c.topic} that's already solid.`,
    (c) => `Your starting point on ${c.topic} is stronger than you might think.`,
    (c) => `The instinct behind your question about ${c.term} is a good one.`,
    (c) => `You're working from a good foundation, so ${c.topic} is about refining, not starting over.`,
  ],
};

/** Plan steps are imperative clauses, lower-case and unpunctuated, so formats can join them. */
const COMMON_STEPS: PhraseBank = [
  'list every account you have in one place, with {balances|current balances} and what each one is for',
  (c) => `write down your monthly essential expenses so you know your real baseline for ${c.topic}`,
  (c) => `set up an automatic transfer of {around |}${c.monthly} for the day after payday`,
  '{check|look up} the fees on anything you already hold, since costs {quietly compound|add up year after year}',
  (c) => `decide what ${c.term} should look like for you and write it down in one sentence`,
  (c) => `put a date on your calendar to review ${c.topic} {once or twice a year|every spring|each January}`,
  (c) => `make sure some cash is set aside for emergencies before {taking on more risk|you commit ${c.amount} anywhere}`,
  (c) => `pick one small change to ${c.topic} you can make this week instead of redesigning everything at once`,
  '{read|skim} the plain-language summary of any product before you commit to it',
  (c) => `note the questions you still have about ${c.term} so you can bring them to a professional if needed`,
];

export const PLAN_STEPS: Record<Expertise, PhraseBank> = {
  beginner: [
    ...COMMON_STEPS,
    (c) => `start with one simple account for ${c.topic} rather than juggling several`,
    '{look up|ask about} any term you don\'t recognize before you sign anything',
  ],
  intermediate: [
    ...COMMON_STEPS,
    (c) => `compare how ${c.term} looks across each of your accounts, not just the biggest one`,
    'check that your beneficiaries and contribution rates are still what you intended',
  ],
  advanced: [
    ...COMMON_STEPS.slice(3),
    (c) => `model a few scenarios for ${c.topic} with different return and inflation assumptions`,
    'review asset location across taxable and tax-advantaged accounts',
    'set rebalancing bands {instead of|rather than} rebalancing on a fixed {calendar|schedule}',
    (c) => `stress-test ${c.term} against a bad first decade`,
  ],
};

/** Ways to lay out two or three steps; each receives the steps already rendered. */
export const PLAN_FORMATS: readonly ((steps: readonly string[]) => string)[] = [
  (s) => `{Here's how I'd sequence it|Here's the order I'd suggest|In order}. First, ${s[0]}. {Second|Next|Then}, ${s[1]}.${s[2] ? ` {Third|After that|Last}, ${s[2]}.` : ''}`,
  (s) => `If I were sketching this out: 1) ${s[0]}; 2) ${s[1]}${s[2] ? `; 3) ${s[2]}` : ''}.`,
  (s) => `Concretely: ${s[0]}. After that, ${s[1]}.${s[2] ? ` Once those are done, ${s[2]}.` : ''}`,
  (s) => `A simple starting plan. ${cap(s[0])}. Then ${s[1]}.${s[2] ? ` {Finally|And when that's done}, ${s[2]}.` : ''}`,
  (s) => `{Start small|Keep it small}. ${cap(s[0])}, and then ${s[1]}.${s[2] ? ` When that feels routine, ${s[2]}.` : ''}`,
  (s) => `{This week|To begin}, ${s[0]}. {The week after|Next}, ${s[1]}.${s[2] ? ` {Later on|Within a month}, ${s[2]}.` : ''}`,
];

export const PLAN_RATIONALES: PhraseBank = [
  (c) => `The order matters: each step makes the next one {easier|simpler} and {safer|less stressful} for ${c.topic}.`,
  (c) => `None of these steps is irreversible, so you can adjust ${c.term} as you learn.`,
  '{Start with|Begin with} whichever step you can finish this week; momentum counts for more than {sequence|perfect order}.',
  (c) => `Each step is small on purpose, because progress on ${c.topic} comes easier as a habit than as a project.`,
  (c) => `If a step feels unclear, {that's a good question to bring back here|bring it back here} or to a professional{| who knows ${c.topic}}.`,
  (c) => `You can do all of this in {an afternoon|a weekend} or spread it over {a month|a few weeks}; either works for ${c.topic}.`,
];

/** General reassurance; specific worries are answered by their paired replies instead. */
export const REASSURANCES: PhraseBank = [
  (c) => `Plenty of people start ${c.topic} later or smaller than they'd like and still end up in a {good|solid} place.`,
  (c) => `The fact that you're asking about ${c.topic} now is itself a sign you're on a good path.`,
  (c) => `Most of what drives a good outcome with ${c.term} is dull and repeatable, which is good news: it's learnable.`,
  (c) => `Mistakes with ${c.term} are usually fixable, especially when you catch them early like this.`,
  (c) => `A plan for ${c.topic} doesn't have to be perfect to work; it has to be one you'll keep.`,
  (c) => `Bad years happen in every long-term plan; the plans for ${c.topic} that work simply expect them.`,
  (c) => `You're allowed to go slowly{| with ${c.topic}}. Steady beats fast in almost every part of {personal finance|${c.topic}|money}.`,
];

/** Gentle caveats: one of these appears in every conversation. */
export const DISCLAIMERS: Record<'general' | 'taxLegal', PhraseBank> = {
  general: [
    (c) => `{One honest caveat|A quick caveat|To be upfront}: no {strategy|approach to ${c.topic}} can promise returns, and past performance doesn't guarantee future results.`,
    (c) => `Just to be clear, none of this {is guaranteed|comes with a guarantee}; markets can and do fall, sometimes for {a while|longer than feels comfortable}, and ${c.topic} is no exception.`,
    (c) => `Keep in mind this is general education about ${c.topic} rather than personal advice, and any investment can lose value.`,
    (c) => `I can't promise any particular return from ${c.term}, and nobody honestly can, but these habits tend to tilt the odds in your favor.`,
    (c) => `Since everyone's situation differs, a fee-only fiduciary planner can tailor ${c.topic} to you if you'd like a second set of eyes.`,
  ],
  taxLegal: [
    (c) => `Because tax rules depend on your specific situation and change over time, please confirm the details of ${c.topic} with a licensed {CPA|tax professional} before acting.`,
    (c) => `For anything with legal or tax consequences, run your specific situation by a licensed professional; I can explain ${c.term}, but I can't sign off on your particular case.`,
    (c) => `Tax treatment varies by circumstance and jurisdiction, so a qualified {tax advisor|CPA} or attorney is the right person to confirm how ${c.term} applies to you.`,
  ],
};

export const CLOSINGS: Record<ToneFamily, PhraseBank> = {
  warm: [(c) => `I'm so glad we talked ${c.topic} through.`, 'It\'s been a pleasure working through this with you.', 'You should feel good about what you did today.', 'Thank you for trusting me with this.'],
  direct: ['You\'ve got what you need.', 'That\'s the plan.', 'Good. You\'re set to move.', 'That covers the essentials.'],
  educational: [(c) => `You now have a solid foundation for ${c.topic}.`, 'That\'s a good framework to carry forward.', 'You\'ve covered the key concepts well.', 'That\'s a real step up in understanding.'],
  encouraging: ['You should be proud of this, seriously.', (c) => `Look how far you've come on ${c.topic} in one conversation!`, (c) => `This is a great start on ${c.topic}, and you're more capable than you gave yourself credit for.`, 'That\'s real progress.'],
  professional: ['Thank you for the thoughtful discussion.', 'I\'m glad this was useful.', 'That concludes the key points.', 'I appreciate the careful questions.'],
  analytical: ['The numbers support that approach.', 'That\'s a well-reasoned place to land.', (c) => `You've tested the key assumptions behind ${c.term}, which is what matters.`, 'That framework should hold up well.'],
  casual: ['Love that for you!', 'Nice, that\'s a solid place to land.', 'Heck yes, that\'s a good plan.', 'Look at you go!'],
};

export const RECAPS: PhraseBank = [
  (c) => `The big takeaway: keep ${c.term} at the center of your decisions and revisit ${c.topic} {once a year|every year or so} or after any big life change.`,
  (c) => `In one line: ${lowerFirst(c.gist)}`,
  (c) => `If you remember one thing, let it be this: consistency with ${c.term} beats perfection.`,
  (c) => `Your next move on ${c.topic} is small and specific, which is exactly how good plans actually get followed.`,
  (c) => `Start with the first step, give it a few weeks, and then check how ${c.term} looks before changing anything else.`,
];

export const SIGN_OFFS: Record<ToneFamily, PhraseBank> = {
  warm: [(c) => `Come back anytime, even if it's just to talk ${c.topic} through again.`, (c) => `I'm here whenever you want to pick ${c.topic} back up.`, 'Take care of yourself, and {come back|check in} anytime.'],
  direct: [(c) => `Check back if anything about ${c.topic} changes.`, 'Come back when you\'re ready for the next step.', '{Good luck with it|Go do step one}.'],
  educational: [(c) => `When you're ready, we can go deeper into ${c.altTerm}.`, (c) => `Feel free to come back with questions about ${c.term} as you put it into practice.`],
  encouraging: [(c) => `You've got this, and I'm here if ${c.topic} needs a boost.`, 'Go get that first step done!', '{Cheering you on|Rooting for you} from here!'],
  professional: [(c) => `Please don't hesitate to return with further questions about ${c.topic}.`, (c) => `I'm available should you need clarification on ${c.term} later.`],
  analytical: [(c) => `Rerun the numbers on ${c.topic} once a year and we can compare notes.`, (c) => `Bring the updated figures for ${c.term} back anytime and we can refine it.`],
  casual: ['Holler if you get stuck!', 'Catch you next time, and good luck with it!', 'Good luck, you\'ve got this!'],
};

export const WATCH_OUTS: PhraseBank = [
  (c) => `One thing to watch with ${c.topic}: fees that look small but recur every single year.`,
  (c) => `Be wary of anyone promising returns on ${c.topic} that sound too good to be true.`,
  (c) => `Don't let a scary headline push you into changing ${c.term} overnight.`,
  (c) => `Keep your emergency savings separate from ${c.topic}, so you're never forced to sell at a bad time.`,
];

export const SCENARIO_DIAGNOSES: PhraseBank = [
  (c) => `So if I'm hearing you right: ${lowerFirst(c.problemInSecondPerson)} {That's a very workable situation, even if it doesn't feel like it right now|That's more workable than it feels right now|Situations like that are more workable than they feel}.`,
  (c) => `Let me make sure I have it. ${c.problemInSecondPerson} Thank you for laying {it|that} out so clearly; it makes ${c.topic} much easier to untangle.`,
  (c) => `To restate it: ${lowerFirst(c.problemInSecondPerson)} Situations like this usually have a clear path forward, and ${c.term} is a big part of it.`,
  (c) => `Okay, so: ${lowerFirst(c.problemInSecondPerson)} {You're not the first person to face this|This comes up more often than you'd think}, and there's a sensible way through it with ${c.term}.`,
];

/** Lead-ins to a scenario's solution; the steps follow, voiced by solution.ts. */
export const SOLUTION_LEADS: PhraseBank = [
  '{Here\'s how I\'d approach it|Here\'s the path I\'d take|Here\'s what I\'d do in your shoes}.',
  (c) => `A {sequence|path} that tends to work well {here|for ${c.topic}} looks like this.`,
  (c) => `In situations like yours, I'd {tackle|work through} ${c.topic} in a few steps.`,
  '{Let\'s turn that into steps|Let me lay out the steps}.',
];

export const SOLUTION_REASONS: PhraseBank = [
  (c) => `The reason this works is that it tackles the biggest drag first and keeps ${c.term} working for you rather than against you.`,
  (c) => `Each step buys you time or clarity on ${c.topic} before anything irreversible happens.`,
  (c) => `It also keeps ${c.term} front and center, which is where the real leverage is.`,
];

export const OUTCOME_FRAMES: PhraseBank = [
  (c) => `If you stick with it, a realistic outcome looks something like this: ${lowerFirst(c.outcomeInSecondPerson)}`,
  (c) => `{Here's what success could plausibly look like|Here's a realistic picture of where this leads}{| with ${c.topic}}. ${c.outcomeInSecondPerson}`,
  (c) => `People who follow a plan like this often end up here: ${lowerFirst(c.outcomeInSecondPerson)}`,
  (c) => `{Done this way|If it goes the way these usually go}, ${lowerFirst(c.outcomeInSecondPerson)}`,
];

export const OUTCOME_CAVEATS: PhraseBank = [
  (c) => `It won't be perfectly smooth, and none of it is guaranteed, but the direction of ${c.topic} is what matters.`,
  (c) => `Results will depend on markets and on life, so treat this as a realistic target for ${c.topic}, not a promise.`,
  '{There may be detours|Expect a detour or two}, and nothing here is guaranteed, but the plan is built to absorb them.',
  (c) => `Timing and returns can't be known in advance, so judge progress on ${c.topic} by your habits as much as by balances.`,
];

export const ASSISTANT_PADS: PhraseBank = [
  (c) => `It also helps to write your reasoning about ${c.term} down, so future you remembers why you made the choice.`,
  (c) => `None of ${c.topic} has to happen all at once; small, steady moves are easier to keep.`,
  '{And if|If} anything I said didn\'t land, tell me and I\'ll explain it another way.',
  (c) => `The most important part is simply that you keep showing up for ${c.topic}.`,
  (c) => `Whatever you decide about ${c.term}, make sure it's something you can stick with when markets get bumpy.`,
  (c) => `A little structure around ${c.topic} now saves a lot of second-guessing later.`,
  (c) => `And remember, ${c.term} is a tool, not a test you can fail.`,
  (c) => `If it helps, jot down what ${c.term} means for you in one sentence.`,
  (c) => `There's no rush; a decision about ${c.topic} made calmly next week beats a rushed one today.`,
  (c) => `We can always revisit ${c.topic} once you've tried the first step.`,
  (c) => `You're already doing the hardest part of ${c.topic}, which is paying attention.`,
  (c) => `Progress on ${c.term} is usually quiet, and that's a good sign.`,
  (c) => `Keep the bigger goal in view; treat ${c.topic} as a means, not the end.`,
  (c) => `Small, boring, repeatable: that's the part of ${c.topic} most people overlook.`,
];

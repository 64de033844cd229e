/** How the assistant sounds: openings by tone, empathy by emotion, explanations by expertise. */
import type { EmotionFamily, Expertise, ToneFamily } from './classify.js';
import { cap, type PhraseBank } from './phrases.js';
import { lowerFirst } from './text.js';

/** The first words of an assistant turn; this is where tone is most audible. */
export const TONE_OPENINGS: Record<ToneFamily, PhraseBank> = {
  warm: [
    'I\'m really glad you asked about this.',
    'Thank you for sharing that with me.',
    'That\'s such an understandable place to be.',
    'I appreciate you being so open about it.',
    'You\'re in good company with that question.',
    'Let\'s take this gently, one piece at a time.',
    'That\'s a really thoughtful question.',
  ],
  direct: [
    'Here\'s the straight answer.',
    'Let\'s get right to it.',
    'Fair question.',
    'Good, that\'s the right thing to focus on.',
    'Short version first, details after.',
    'Here\'s what matters.',
    'Okay, the key point.',
  ],
  educational: [
    'Great question; let\'s unpack it step by step.',
    'This is a good place to build from the fundamentals.',
    'Let\'s break this down into pieces.',
    'That\'s a useful question to learn from.',
    'Let me give you a framework that makes this easier.',
    'It helps to start with how the pieces connect.',
  ],
  encouraging: [
    'You\'re asking exactly the right question.',
    'I love that you\'re thinking about this now.',
    'This is a great step to be taking.',
    'You\'re further along than you think.',
    'That\'s a smart thing to dig into.',
    'Honestly, just asking this puts you ahead.',
  ],
  professional: [
    'Thank you for the question.',
    'That\'s a reasonable concern, and it deserves a careful answer.',
    'Let me address that precisely.',
    'Understood.',
    'That\'s an important consideration.',
    'Let me lay out the relevant factors.',
  ],
  analytical: [
    'Let\'s look at this through the numbers.',
    'Good question; the evidence gives a clearer answer than intuition here.',
    'Let me separate what\'s known from what\'s uncertain.',
    'Let\'s frame it quantitatively.',
    'Here\'s how I\'d break down the variables.',
    'It helps to look at the base rates first.',
  ],
  casual: [
    'Ha, totally fair.',
    'Oh, good one.',
    'Yeah, this one trips up a lot of people.',
    'Okay, love this question.',
    'Honestly? Great thing to ask.',
    'Alright, let\'s dig in.',
  ],
};

/** A sentence that meets the user where they are emotionally. */
export const EMPATHY: Record<EmotionFamily | 'transition', PhraseBank> = {
  anxiety: [
    'It makes complete sense to feel uneasy when real money is on the line.',
    'That worry is really common, and it usually means you care about getting it right.',
    (c) => `Feeling anxious about ${c.topic} doesn't mean you're bad with money; it means you're paying attention.`,
    'Let\'s take some pressure off: you don\'t need to get everything right at once.',
    'You don\'t have to solve everything today, and nothing we discuss requires you to act immediately.',
    'Fear is a reasonable response to uncertainty, so let\'s shrink the uncertainty.',
    'Money worries get louder when they stay vague, so let\'s make this one concrete.',
    'You\'re not alone in this; the stakes are real, and so is the way through.',
  ],
  confusion: [
    (c) => `The jargon around ${c.topic} makes this much harder than it needs to be.`,
    'If it feels confusing, that usually means the explanations were poor, not that you\'re slow.',
    'Let\'s strip away the terminology and look at what\'s actually going on.',
    (c) => `Plenty of smart people find ${c.topic} confusing at first, so you're in good company.`,
    'We\'ll stick to the parts that matter and skip the noise.',
    'Let\'s slow down and take it one idea at a time.',
    (c) => `The world of ${c.topic} is full of terms that sound more complicated than they are.`,
    'No question is too basic here; this is exactly how it starts to make sense.',
  ],
  frustration: [
    'Your skepticism is healthy; a lot of advice in this space is oversold.',
    'That frustration is fair. You deserve straight answers, not a pitch.',
    'I\'m not selling anything, so let me just give you the trade-offs as they are.',
    (c) => `You're right to be wary of anyone who makes ${c.topic} sound effortless.`,
    'It\'s reasonable to be cynical after a bad experience, so let\'s focus on what you can verify yourself.',
    'I\'d be frustrated too if I kept getting sales pitches instead of answers.',
    'Let\'s skip the slogans and look at what actually holds up.',
    (c) => `Plenty of advice about ${c.topic} deserves an eye-roll, so I'll stick to what you can check.`,
  ],
  curiosity: [
    'That curiosity is a great starting point.',
    'I like that you want to understand the why, not just the what.',
    (c) => `Wanting to understand ${c.topic} before acting is exactly the right instinct.`,
    'Good instinct to dig in before making any moves.',
    'That\'s the kind of question that leads somewhere useful.',
    (c) => `This kind of digging pays off with ${c.topic}.`,
    'Asking how things work is the fastest way to stop feeling at the mercy of them.',
    'There\'s a satisfying logic to this once the pieces line up.',
  ],
  confidence: [
    'You clearly have momentum, so let\'s make sure it\'s pointed in the right direction.',
    'It\'s great that you feel ready; a quick sanity check now can save headaches later.',
    'Your instincts sound solid, so let\'s pressure-test a couple of details.',
    'That confidence is well placed if the fundamentals are in order, so let\'s confirm they are.',
    'You\'ve clearly done your homework, which makes this conversation easier.',
    'That readiness is an asset; let\'s channel it into the details that matter.',
    (c) => `You sound on top of ${c.topic}, so I'll focus on the finer points.`,
    'Good energy; the trick now is keeping it through the boring parts.',
  ],
  relief: [
    'I\'m glad that\'s landing better.',
    'It\'s good to hear some of that pressure has eased.',
    'Starting from a calmer place will make the decisions easier.',
    'That sense of relief is worth holding onto; it tends to lead to better decisions.',
    'That calmer footing is a great place to plan from.',
    'That lighter feeling usually means the plan fits you.',
    'It\'s good to see the pressure come down a notch.',
  ],
  transition: [
    'It sounds like this is starting to click.',
    'Good, we\'re making progress.',
    'Let\'s keep building on that.',
    'That\'s exactly the right follow-up.',
    'We\'re getting somewhere.',
    'That\'s a natural next question.',
    'Good, that builds right on what we covered.',
  ],
};

/** The heart of an "explain" turn: always names the key term and carries the chunk's point. */
export const EXPLANATIONS: Record<Expertise, PhraseBank> = {
  beginner: [
    (c) => `In plain terms, think of ${c.term} as one of the building blocks of ${c.topic}. ${c.gist}`,
    (c) => `Here's the simple version. ${c.gist} When people mention ${c.term}, that's the piece they're pointing at, and you don't need to master every detail to use it well.`,
    (c) => `Let's keep it simple. ${c.gist} The phrase you'll hear most is ${c.termName}. It sounds technical, but it mostly comes down to making a few choices on purpose instead of by accident.`,
    (c) => `The short version: ${lowerFirst(c.gist)} If you remember one phrase from today, make it ${c.termName}; it tends to make the biggest difference for people starting out.`,
    (c) => `No jargon needed. ${c.gist} You'll see ${c.termName} written everywhere, and all it really asks is that you look at that piece deliberately rather than letting a default decide for you.`,
    (c) => `Picture learning to drive: you don't need to know how the engine works, just where the pedals are. For ${c.topic}, one of those pedals is ${c.term}. ${c.gist}`,
    (c) => `A helpful way to see it: ${lowerFirst(c.gist)} So there's no secret trick to ${c.term}; it's simply one of the levers you control.`,
  ],
  intermediate: [
    (c) => `The way I'd frame it: ${lowerFirst(c.gist)} Where people slip up is treating ${c.term} as a one-time decision instead of something to revisit as life changes.`,
    (c) => `${c.gist} In practice, ${c.term} interacts with your timeline and cash-flow needs, so the right setup at ${c.age} looks different from the right setup near retirement.`,
    (c) => `Here's the practical angle. ${c.gist} The detail that matters most is how ${c.term} interacts with fees and taxes, because small differences there compound over ${c.years} years.`,
    (c) => `Think of it in layers. ${c.gist} ${cap(c.term)} sits in the middle layer: it matters more than which product you pick, but less than how consistently you save.`,
    (c) => `${c.gist} A useful rule of thumb: get ${c.term} roughly right and stay consistent, rather than chasing a perfect setup and never starting.`,
    (c) => `The core idea: ${lowerFirst(c.gist)} What most guides underplay is that ${c.term} should match your behavior, not just the spreadsheet. A plan you'll stick with beats an optimal one you abandon.`,
  ],
  advanced: [
    (c) => `At a technical level: ${lowerFirst(c.gist)} The nuance with ${c.term} is path dependence, so the sequence of returns and your cash-flow timing matter as much as the long-run average.`,
    (c) => `${c.gist} On an after-tax, risk-adjusted basis, ${c.term} mostly matters at the margin; asset location and cost drag tend to dominate once the basics are set.`,
    (c) => `You'll know most of this, so briefly: ${lowerFirst(c.gist)} The second-order effect worth modeling is how ${c.term} interacts with ${c.altTerm} and your marginal tax bracket over the horizon.`,
    (c) => `The precise version: ${lowerFirst(c.gist)} Treat ${c.term} as a parameter with a range rather than a point estimate, and stress-test it against a bad decade and higher-than-expected inflation.`,
    (c) => `${c.gist} Where ${c.term} gets interesting is at the edges: liquidity needs, correlations that spike during drawdowns, and behavioral slippage when volatility shows up.`,
    (c) => `Framing it quantitatively: ${lowerFirst(c.gist)} The lever with ${c.term} is less about maximizing expected return and more about narrowing the range of outcomes you're exposed to.`,
  ],
};

/** Later "explain" turns go deeper on the term without repeating the chunk's point. */
export const DEEPER_EXPLANATIONS: Record<Expertise, PhraseBank> = {
  beginner: [
    (c) => `With ${c.term}, the trick is to keep it boring. Decide once, automate what you can, and only revisit it when your life changes.`,
    (c) => `A common beginner mistake with ${c.term} is waiting until you understand everything. You only need the basics to start, and the rest comes with practice.`,
    (c) => `The easiest way to get comfortable with ${c.term} is to look at your own numbers once. Seeing it with real figures makes it much less abstract.`,
    (c) => `If ${c.term} still feels fuzzy, that's okay. Focus on what it means for you this year, not on every rule behind it.`,
    (c) => `Here's a plain way to hold onto it: ${c.term} is about giving your money a job before the moment you need it.`,
  ],
  intermediate: [
    (c) => `Going a level deeper: the value of ${c.term} shows up over years, not months, so judge it by whether you stuck with it rather than by one good or bad quarter.`,
    (c) => `The misunderstood part of ${c.term} is that it isn't set-and-forget. A new job, a move, or a child are the natural moments to revisit it.`,
    (c) => `Where ${c.term} usually goes wrong is in the details: fees, timing, and tax treatment. Get those right and the big picture tends to take care of itself.`,
    (c) => `A good test for ${c.term}: could you explain your choice in two sentences to a friend? If not, it's probably more complicated than it needs to be.`,
    (c) => `With ${c.term}, consistency matters more than precision. A reasonable setup you maintain beats an optimized one you abandon in the first rough patch.`,
  ],
  advanced: [
    (c) => `The subtler issue with ${c.term} is assumption drift. Inflation, tax law, and your own cash-flow needs all move, so the inputs deserve a scheduled review.`,
    (c) => `On ${c.term}, I'd stress-test the tails rather than the averages. The base case rarely breaks a plan; a bad sequence combined with a liquidity need does.`,
    (c) => `At your level, implementation dominates ${c.term}: tax lots, asset location, and rebalancing triggers usually matter more than the headline choice.`,
    (c) => `The behavioral side of ${c.term} is underrated even among professionals. A rule you'll follow under stress is worth more than a marginally better one you'll override.`,
    (c) => `Model ${c.term} as a range of outcomes with explicit assumptions. If the conclusion flips with small input changes, the decision deserves more margin for error.`,
  ],
};

/** Illustrations with the conversation's own invented numbers; clearly hypothetical. */
export const EXAMPLES: PhraseBank = [
  (c) => `Here's a simple illustration. Say you set aside ${c.monthly} a month toward ${c.topic} and check ${c.term} each time you review it. Over ${c.years} years, that habit matters far more than picking the perfect month to start.`,
  (c) => `Picture two people with ${c.amount} each. One builds a plan around ${c.term} and automates it; the other waits for the "right time." A few years later, the first usually has more to show for it and a lot less stress.`,
  (c) => `Let's use round numbers: ${c.amount} today, ${c.monthly} added each month, a ${c.years}-year timeline. Those three inputs tell you more about ${c.topic} than any headline will, and ${c.term} is how you decide what that money is actually doing.`,
  (c) => `Imagine a typical ${c.persona} who starts with ${c.monthly} a month, looks at ${c.term} twice a year, and adjusts only when their life changes, not when the news does. That's a genuinely good plan.`,
  (c) => `Imagine the market falls 20% the year after you start. If you planned for ${c.term} with your timeline in mind, that's uncomfortable but survivable, because you weren't counting on that money next month.`,
  (c) => `Take a hypothetical ${c.amount} split into two buckets. Money you need soon stays boring and safe; long-term money can take more risk. Thinking about ${c.term} is what guides that split.`,
];

/** Side-by-side answers; only used when the chunk gives two distinct key terms. */
export const COMPARISONS: PhraseBank = [
  (c) => `Good comparison. ${cap(c.term)} and ${c.altTerm} solve related problems but optimize for different things, so the better fit depends on your timeline and how hands-on you want to be.`,
  (c) => `The difference between ${c.term} and ${c.altTerm} comes down to trade-offs in cost, flexibility, and taxes. Rather than asking which is better, ask which one fits the job you need your money to do.`,
  (c) => `I'd frame it as "and," not "or." ${cap(c.term)} and ${c.altTerm} usually work together; the real question is how much weight each gets, given your goals.`,
  (c) => `People often treat ${c.term} and ${c.altTerm} as rivals, but they answer different questions. Line them up on fees, access to your money, and tax treatment, and the right mix usually becomes clear.`,
];

/** When there is no chunk, a topic-level point the explanations can build on. */
export const TOPIC_GISTS: PhraseBank = [
  (c) => `Most of what matters in ${c.topic} comes down to matching your money to your timeline and to how many ups and downs you can live with.`,
  (c) => `Doing well at ${c.topic} is less about clever moves and more about a few sensible defaults you keep following.`,
  (c) => `The biggest wins in ${c.topic} usually come from the basics: knowing your numbers, keeping costs low, and not reacting to every headline.`,
  (c) => `With ${c.topic}, the right answer depends on when you need the money and what it needs to do for you.`,
  (c) => `Progress on ${c.topic} tends to come from small, repeatable habits rather than one big perfect decision.`,
];

/** Why the point just made matters; optional colour after an explanation, example or comparison. */
export const ELABORATIONS: PhraseBank = [
  (c) => `Why it matters: small choices around ${c.term} compound, so getting the basics right early pays off for years.`,
  (c) => `This matters because ${c.term} shapes how your plan behaves when things go wrong, not just when they go right.`,
  (c) => `It's also one of the few parts of ${c.topic} that's fully within your control.`,
  'The payoff is mostly peace of mind: when you know why your money is where it is, headlines lose their grip.',
  (c) => `Most expensive mistakes in ${c.topic} come from skipping the basics, not from picking the wrong product.`,
  (c) => `Once ${c.term} is settled, a lot of the other decisions get simpler.`,
  'Getting this right doesn\'t require precision, only a clear reason for each choice.',
  (c) => `People who understand ${c.term} tend to make calmer decisions under pressure, which is where plans usually succeed or fail.`,
  (c) => `If you ever feel stuck, coming back to ${c.term} is a good way to re-center.`,
  'It\'s worth a little effort now because it saves a lot of second-guessing later.',
];

/** Used only when no planned turn carried the chunk's point: guarantees it is made once. */
export const GIST_BRIDGES: PhraseBank = [
  (c) => `Here's the core idea. ${c.gist}`,
  (c) => `One principle underpins all of this. ${c.gist}`,
  (c) => `It helps to keep one idea in mind: ${lowerFirst(c.gist)}`,
  (c) => `Worth knowing up front: ${lowerFirst(c.gist)}`,
  (c) => `A useful starting point: ${lowerFirst(c.gist)}`,
];

/** Used only if a turn plan somehow never named the key term: guarantees it appears. */
export const TERM_BRIDGES: PhraseBank = [
  (c) => `The concept worth keeping in mind here is ${c.term}.`,
  (c) => `This is exactly where ${c.term} comes in.`,
  (c) => `It's worth connecting this to ${c.term}, because that's where a lot of the leverage is.`,
];

/** Questions the assistant asks back to keep the conversation two-way. */
export const CHECK_INS: Record<ToneFamily, PhraseBank> = {
  warm: ['How does that sit with you?', 'Does that feel manageable?', 'Is that helpful so far?', 'How are you feeling about it now?', 'Does that ease things a little?'],
  direct: ['Make sense?', 'Want the next step?', 'Clear so far?', 'Any part of that you disagree with?', 'Good to move on?'],
  educational: ['Does that make sense so far?', 'Want me to go deeper on any part of that?', 'Which part would you like to explore next?', 'Could you put that in your own words?', 'Shall we build on that?'],
  encouraging: ['Does that feel doable?', 'How does that sound so far?', 'Ready to keep going?', 'Does that give you something to work with?', 'How are you feeling about it now?'],
  professional: ['Does that address your question?', 'Shall I elaborate on any point?', 'Is that consistent with your situation?', 'Would further detail be useful?', 'Does that align with your objectives?'],
  analytical: ['Do those assumptions match your situation?', 'Want me to walk through the numbers in more detail?', 'Which variable feels least certain to you?', 'Does that model fit your data?', 'Which input would you like to stress-test?'],
  casual: ['Make sense?', 'Sound okay?', 'With me so far?', 'How\'s that landing?', 'Cool so far?'],
};

/**
 * How the assistant sounds: openings by tone, empathy by emotion, explanations by expertise.
 * Lines use "{a|b}" alternatives (see expand.ts) and weave in the slot's own material, so the
 * same stock sentence seldom appears twice in a batch.
 */
import type { EmotionFamily, Expertise, ToneFamily } from './classify.js';
import { cap, type PhraseBank } from './phrases.js';
import { lowerFirst } from './text.js';

/** The first words of an assistant turn; this is where tone is most audible. */
export const TONE_OPENINGS: Record<ToneFamily, PhraseBank> = {
  warm: [
    (c) => `{I'm really glad you asked|Thank you for asking}{| about this| about ${c.topic}}.`,
    '{I\'m glad you brought this up|I\'m glad you raised this}.',
    'Thank you for {sharing that with me|being so open about it|telling me that}.',
    (c) => `{That's such an understandable place to be|That makes a lot of sense}{| with ${c.topic}| when it comes to ${c.topic}}.`,
    'Let\'s take this {gently|slowly|calmly}, one {piece|step|thing} at a time.',
    (c) => `You're in good company{| with that question| asking about ${c.topic}}.`,
    (c) => `Lots of people wonder the same thing{| about ${c.topic}}.`,
    '{That\'s a really thoughtful question|What a thoughtful question}{| to ask| to bring here}.',
    '{Of course|Absolutely}{, let\'s talk it through|, I\'m happy to help with that|}.',
  ],
  direct: [
    '{Here\'s the straight answer|Straight answer|Short answer first}.',
    'Let\'s get {right|straight} to it.',
    '{Fair question|Good question|Reasonable ask}.',
    (c) => `{Good|Right}, ${c.term} is the {right thing|right place|part} to focus on.`,
    '{Short version first, details after|Headline first, then the detail}.',
    'Here\'s {what matters|the part that matters|the key point}.',
    (c) => `On ${c.topic}, {here's my take|here's the practical answer|here's where I'd land}.`,
  ],
  educational: [
    '{Great question|Good question}; let\'s {unpack it|take it} step by step.',
    (c) => `This is a good {place|moment} to build ${c.topic} up from the {fundamentals|basics|ground up}.`,
    'Let\'s break this {down into pieces|into parts|apart}.',
    '{That\'s a useful question to learn from|There\'s a lot to learn from that question}.',
    (c) => `Let me give you a {framework|mental model|simple structure} that makes ${c.topic} {easier|easier to reason about|less slippery}.`,
    (c) => `It helps to start with how the pieces of ${c.topic} {connect|fit together|relate}.`,
  ],
  encouraging: [
    'You\'re asking {exactly the right|precisely the right|the right} question.',
    (c) => `I love that you're thinking about ${c.topic} {now|this early|at all}.`,
    'This is a {great|really good|smart} step to be taking.',
    (c) => `You're further along {with ${c.topic} |}than you {think|give yourself credit for}.`,
    (c) => `That's a smart thing to dig into{|, especially ${c.term}}.`,
    '{Honestly|Truly}, just asking this puts you ahead{| of most people}.',
  ],
  professional: [
    'Thank you for the question.',
    (c) => `That's a {reasonable|fair|legitimate} concern about ${c.topic}, and it deserves a careful answer.`,
    'Let me address that {precisely|directly|carefully}.',
    'Understood.',
    (c) => `{That's an important consideration|That is worth addressing properly}{| for ${c.topic}}.`,
    (c) => `Let me lay out the {relevant factors|considerations that matter|main factors}{| for ${c.topic}}.`,
  ],
  analytical: [
    'Let\'s look at this through the {numbers|data}.',
    (c) => `{Good question|Fair question}; the evidence on ${c.term} gives a clearer answer than intuition{| here}.`,
    'Let me separate what\'s {known|measurable} from what\'s {uncertain|guesswork}.',
    'Let\'s frame it {quantitatively|in numbers}.',
    (c) => `Here's how I'd {break down|decompose} the variables{| in ${c.topic}| behind ${c.term}}.`,
    (c) => `It helps to look at the base rates for ${c.topic} first.`,
  ],
  casual: [
    '{Ha, totally fair|Oh, good one|Okay, love this question}.',
    (c) => `Yeah, ${c.term} trips up a lot of people.`,
    'Honestly? Great thing to ask.',
    'Alright, let\'s dig in.',
    (c) => `{Oh|Okay}, ${c.topic}, {my favorite|a good one|let's do it}.`,
  ],
};

/** A sentence that meets the user where they are emotionally. */
export const EMPATHY: Record<EmotionFamily | 'transition', PhraseBank> = {
  anxiety: [
    (c) => `It makes {complete|total|a lot of} sense to feel {uneasy|nervous|on edge} when real money{| like ${c.amount}} is on the line.`,
    (c) => `{That worry|That feeling} is {really|very} common with ${c.topic}, and it {usually|mostly} means you care about getting it right.`,
    (c) => `Feeling anxious about ${c.topic} doesn't mean you're bad with money; it means you're paying attention.`,
    (c) => `Let's take some pressure off: you don't need to get ${c.term} {exactly|perfectly} right {at once|on day one|today}.`,
    (c) => `You don't have to {solve|settle|fix} all of ${c.topic} {today|this week|in one go}, and nothing we discuss requires you to act {immediately|right away}.`,
    (c) => `{Fear|Worry} is a reasonable response to uncertainty, so let's shrink {the uncertainty|what's unknown} around ${c.term}.`,
    (c) => `Money worries get louder when they stay vague, so let's make ${c.topic} {concrete|specific|something you can see}.`,
    (c) => `You're not alone in {this|worrying about ${c.topic}|feeling this way}; the stakes are real, and so is the way {through|forward}.`,
  ],
  confusion: [
    (c) => `The jargon around ${c.topic} makes this {much|a lot} harder than it needs to be.`,
    (c) => `If ${c.term} feels confusing, that usually means the explanations were {poor|muddled|written for insiders}, not that you're slow.`,
    (c) => `Let's strip away the terminology and look at what ${c.term} {actually does|really means for you}.`,
    (c) => `Plenty of smart people find ${c.topic} confusing at first, so you're in good company.`,
    (c) => `We'll stick to the parts of ${c.topic} that matter and skip the {noise|rest|fine print for now}.`,
    (c) => `Let's slow down and take ${c.topic} one idea at a time.`,
    (c) => `{The world|The vocabulary} of ${c.topic} is full of terms that sound more complicated than they are.`,
    (c) => `No question about ${c.term} is too basic{| here}; this is exactly how it starts to make sense.`,
  ],
  frustration: [
    (c) => `Your skepticism is {healthy|fair|earned}; a lot of advice about ${c.topic} is oversold.`,
    (c) => `That frustration is fair. You deserve straight answers about ${c.topic}, not a pitch.`,
    (c) => `I'm not selling anything, so let me give you the trade-offs {of|around} ${c.term} as they are.`,
    (c) => `You're right to be wary of anyone who makes ${c.topic} sound effortless.`,
    (c) => `It's reasonable to be {cynical|guarded} after a bad experience, so let's focus on what you can verify about ${c.term} yourself.`,
    (c) => `I'd be frustrated too if every {question|conversation} about ${c.topic} ended in a sales pitch.`,
    (c) => `Let's skip the slogans and look at what {actually holds up|survives scrutiny} with ${c.term}.`,
    (c) => `Plenty of advice about ${c.topic} deserves an eye-roll, so I'll stick to what you can check.`,
  ],
  curiosity: [
    (c) => `That curiosity about ${c.term} is a great starting point.`,
    (c) => `I like that you want to understand the why of ${c.topic}, not just the what.`,
    (c) => `Wanting to understand ${c.topic} before acting is exactly the right instinct.`,
    (c) => `Good instinct to dig into ${c.term} before making any moves.`,
    (c) => `{That's the kind of question|Questions like that} about ${c.term} {lead|tend to lead} somewhere useful.`,
    (c) => `This kind of digging pays off with ${c.topic}.`,
    (c) => `Asking how ${c.term} works is the fastest way to stop feeling at the mercy of it.`,
    (c) => `There's a satisfying logic to ${c.topic} once the pieces line up.`,
  ],
  confidence: [
    (c) => `You clearly have momentum on ${c.topic}, so let's make sure it's pointed in the right direction.`,
    (c) => `It's great that you feel ready; a quick {sanity check of|look at} ${c.term} now can save headaches later.`,
    (c) => `Your instincts {on ${c.topic}|here} sound solid, so let's pressure-test {a couple of details|the details|${c.term}}.`,
    (c) => `That confidence is well placed if the fundamentals of ${c.topic} are in order, so let's confirm they are.`,
    (c) => `You've clearly done your homework on ${c.topic}, which makes this {conversation|a lot} easier.`,
    (c) => `That readiness is an asset; let's channel it into ${c.term} and the details that matter.`,
    (c) => `You sound on top of ${c.topic}, so I'll focus on the finer points.`,
    (c) => `Good energy; the trick now is keeping it {through|once you hit} the boring parts of ${c.topic}.`,
  ],
  relief: [
    (c) => `I'm glad ${c.topic} is {landing|sitting} better{| now}.`,
    (c) => `It's good to hear some of the pressure around ${c.topic} has eased.`,
    (c) => `Starting from a calmer place will make the decisions about ${c.term} easier.`,
    'That sense of relief is worth holding onto; it tends to lead to {better|steadier} decisions.',
    (c) => `That calmer footing is a {great|good} place to plan ${c.topic} from.`,
    (c) => `That lighter feeling usually means the plan for ${c.topic} fits you.`,
    'It\'s good to {see|hear} the pressure come down a notch.',
  ],
  transition: [
    (c) => `It sounds like ${c.term} is starting to click.`,
    'Good, we\'re making progress.',
    (c) => `Let's keep building on {that|what we said about ${c.term}}.`,
    'That\'s exactly the right follow-up.',
    'We\'re getting somewhere.',
    'That\'s a natural next question.',
    (c) => `Good, that builds right on what we {covered|said} about ${c.topic}.`,
  ],
};

/** The heart of an "explain" turn: always names the key term and carries the chunk's point. */
export const EXPLANATIONS: Record<Expertise, PhraseBank> = {
  beginner: [
    (c) => `In plain terms, think of ${c.term} as one of the building blocks of ${c.topic}. ${c.gist}`,
    (c) => `Here's the simple version. ${c.gist} When people mention ${c.term}, that's the piece they're pointing at, and you don't need to master every detail of ${c.topic} to use it well.`,
    (c) => `Let's keep it simple. ${c.gist} The phrase you'll hear most is ${c.termName}. It sounds technical, but ${c.term} mostly comes down to making a few choices on purpose instead of by accident.`,
    (c) => `The short version: ${lowerFirst(c.gist)} If you remember one phrase from today, make it ${c.termName}; it tends to make the biggest difference for people starting out with ${c.topic}.`,
    (c) => `No jargon needed. ${c.gist} You'll see ${c.termName} written everywhere, and all it really asks is that you look at that piece {deliberately|on purpose} rather than letting a default decide for you.`,
    (c) => `Picture learning to drive: you don't need to know how the engine works, just where the pedals are. For ${c.topic}, one of those pedals is ${c.term}. ${c.gist}`,
    (c) => `A helpful way to see it: ${lowerFirst(c.gist)} So there's no secret trick to ${c.term}; it's simply one of the levers you control.`,
  ],
  intermediate: [
    (c) => `The way I'd frame it: ${lowerFirst(c.gist)} Where people slip up is treating ${c.term} as a one-time decision instead of something to revisit as life changes.`,
    (c) => `${c.gist} In practice, ${c.term} interacts with your timeline and cash-flow needs, so the right setup at ${c.age} looks different from the right setup {near retirement|${c.years} years from now}.`,
    (c) => `Here's the practical angle. ${c.gist} The detail that matters most is how ${c.term} interacts with fees and taxes, because small differences there compound over ${c.years} years.`,
    (c) => `Think of ${c.topic} in layers. ${c.gist} ${cap(c.term)} sits in the middle layer: it matters more than which product you pick, but less than how consistently you save.`,
    (c) => `${c.gist} A useful rule of thumb: get ${c.term} roughly right and stay consistent, rather than chasing a perfect setup and never starting.`,
    (c) => `The core idea: ${lowerFirst(c.gist)} What most guides underplay is that ${c.term} should match your behavior, not just the spreadsheet.`,
  ],
  advanced: [
    (c) => `At a technical level: ${lowerFirst(c.gist)} The nuance with ${c.term} is path dependence, so the sequence of returns and your cash-flow timing matter as much as the long-run average.`,
    (c) => `${c.gist} On an after-tax, risk-adjusted basis, ${c.term} mostly matters at the margin; asset location and cost drag tend to dominate once the basics are set.`,
    (c) => `You'll know most of this, so briefly: ${lowerFirst(c.gist)} The second-order effect worth modeling is how ${c.term} interacts with ${c.altTerm} and your marginal tax bracket over the horizon.`,
    (c) => `The precise version: ${lowerFirst(c.gist)} Treat ${c.term} as a parameter with a range rather than a point estimate, and stress-test it against a bad decade and higher-than-expected inflation.`,
    (c) => `${c.gist} Where ${c.term} gets interesting is at the edges: liquidity needs, correlations that spike during drawdowns, and behavioral slippage when volatility shows up.`,
    (c) => `Framing ${c.topic} quantitatively: ${lowerFirst(c.gist)} The lever with ${c.term} is less about maximizing expected return and more about narrowing the range of outcomes you're exposed to.`,
  ],
};

/** Later "explain" turns go deeper on the term without repeating the chunk's point. */
export const DEEPER_EXPLANATIONS: Record<Expertise, PhraseBank> = {
  beginner: [
    (c) => `With ${c.term}, the trick is to keep it {boring|simple}. Decide once, automate what you can, and only revisit ${c.topic} when your life changes.`,
    (c) => `A common beginner mistake with ${c.term} is waiting until you understand everything{| about ${c.topic}}. You only need the basics of ${c.term} to start, and the rest comes with practice.`,
    (c) => `The easiest way to get comfortable with ${c.term} is to look at your own numbers once{|, say the ${c.amount} you have in mind|, even roughly}. Seeing ${c.topic} with real figures makes it much less abstract.`,
    (c) => `If ${c.term} still feels fuzzy, that's okay. Focus on what ${c.topic} means for you this year, not on every rule behind it.`,
    (c) => `Here's a plain way to hold onto it: ${c.term} is about giving your money a job before the moment you need it.`,
  ],
  intermediate: [
    (c) => `Going a level deeper: the value of ${c.term} shows up over years, not months, so judge it by whether you stuck with it rather than by one {good or bad quarter|rough quarter|lucky year}.`,
    (c) => `The misunderstood part of ${c.term} is that it isn't set-and-forget. {A new job, a move, or a child|A raise, a move, or a new dependent} {are|tend to be} the natural moments to revisit ${c.topic}.`,
    (c) => `Where ${c.term} usually goes wrong is in the details: fees, timing, and tax treatment. Get those right and the big picture of ${c.topic} tends to take care of itself.`,
    (c) => `A good test for ${c.term}: could you explain your choice in two sentences to a {friend|colleague|partner}? If not, your approach to ${c.topic} is probably more complicated than it needs to be.`,
    (c) => `With ${c.term}, consistency matters more than precision. A reasonable setup for ${c.topic} that you maintain beats an optimized one you abandon in the first rough patch.`,
  ],
  advanced: [
    (c) => `The subtler issue with ${c.term} is assumption drift. Inflation, tax law, and your own cash-flow needs all move, so the inputs to ${c.topic} deserve a scheduled review.`,
    (c) => `On ${c.term}, I'd stress-test the tails rather than the averages. The base case rarely breaks a plan for ${c.topic}; a bad sequence combined with a liquidity need does.`,
    (c) => `At your level, implementation dominates ${c.term}: tax lots, asset location, and rebalancing triggers usually matter more than the headline choice.`,
    (c) => `The behavioral side of ${c.term} is underrated even among professionals. A rule for ${c.topic} you'll follow under stress is worth more than a marginally better one you'll override.`,
    (c) => `Model ${c.term} as a range of outcomes with explicit assumptions. If the conclusion flips with small input changes, the decision about ${c.topic} deserves more margin for error.`,
  ],
};

/** Illustrations with the conversation's own invented numbers; clearly hypothetical. */
export const EXAMPLES: PhraseBank = [
  (c) => `Here's a simple illustration. Say you set aside ${c.monthly} a month toward ${c.topic} and check ${c.term} each time you review it. Over ${c.years} years, that habit matters far more than picking the perfect month to start on ${c.topic}.`,
  (c) => `Picture two people with ${c.amount} each. One builds a plan around ${c.term} and automates it; the other waits for the "right time." ${c.years} years later, the first usually has more to show for it and a lot less stress.`,
  (c) => `Let's use round numbers: ${c.amount} today, ${c.monthly} added each month, a ${c.years}-year timeline. Those three inputs tell you more about ${c.topic} than any headline will, and ${c.term} is how you decide what that money is actually doing.`,
  (c) => `Imagine a typical ${c.persona} who starts with ${c.monthly} a month, looks at ${c.term} twice a year, and adjusts only when their life changes, not when the news does. That's a genuinely good plan for ${c.topic}.`,
  (c) => `Imagine the market falls 20% the year after you put ${c.amount} to work. If you planned ${c.term} with your ${c.years}-year timeline in mind, that's uncomfortable but survivable, because you weren't counting on that money next month.`,
  (c) => `Take a hypothetical ${c.amount} split into two buckets. Money you need in the next few years stays boring and safe; money for ${c.years} years out can take more risk. Thinking about ${c.term} is what guides that split.`,
];

/** Side-by-side answers; only used when the chunk gives two distinct key terms. */
export const COMPARISONS: PhraseBank = [
  (c) => `{Good comparison|Useful pairing}. ${cap(c.term)} and ${c.altTerm} solve related problems but optimize for different things, so the better fit depends on your timeline and how hands-on you want to be.`,
  (c) => `The difference between ${c.term} and ${c.altTerm} comes down to trade-offs in cost, flexibility, and taxes. Rather than asking which is better, ask which one fits the job you need your money to do for ${c.topic}.`,
  (c) => `I'd frame it as "and," not "or." ${cap(c.term)} and ${c.altTerm} usually work together; the real question is how much weight each gets, given your goals.`,
  (c) => `People often treat ${c.term} and ${c.altTerm} as rivals, but they answer different questions. Line them up on fees, access to your money, and tax treatment, and the right mix for ${c.topic} usually becomes clear.`,
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
  (c) => `{Why it matters|The reason this matters}: small choices around ${c.term} compound, so getting the basics right early pays off for years.`,
  (c) => `This matters because ${c.term} shapes how your plan behaves when things go wrong, not just when they go right.`,
  (c) => `It's also one of the few parts of ${c.topic} that's {fully|entirely} within your control.`,
  (c) => `The payoff is mostly peace of mind: when you know why your money is where it is, {headlines|news about ${c.topic}} {lose|loses} {their|its} grip.`,
  (c) => `Most expensive mistakes in ${c.topic} come from skipping the basics, not from picking the wrong product.`,
  (c) => `Once ${c.term} is settled, a lot of the other decisions {about ${c.topic} |}get simpler.`,
  (c) => `Getting ${c.term} right doesn't require precision, only a clear reason for each choice.`,
  (c) => `People who understand ${c.term} tend to make calmer decisions under pressure, which is where plans usually succeed or fail.`,
  (c) => `If you ever feel stuck on ${c.topic}, coming back to ${c.term} is a good way to re-center.`,
  (c) => `It's worth a little effort {now|this month} because ${c.term} saves a lot of second-guessing later.`,
];

/** Puts a sentence from the source chunk in the assistant's mouth; the fact is lower-cased after a colon. */
export const FACT_FRAMES: PhraseBank = [
  '{Also|And} worth knowing: ',
  '{One detail worth knowing|Something worth knowing|A detail that matters here|One concrete point|Worth adding}: ',
  '{For context|To be concrete|In practice|For what it\'s worth}, ',
  '{Here\'s|This is} {the part|a point} {that often gets missed|people tend to skip|I\'d underline}: ',
];

/** Frames for a fact that is itself advice ("Keep the fund separate…"). */
export const ADVICE_FRAMES: PhraseBank = [
  '{A practical tip|One practical habit|My suggestion|A simple rule}: ',
  '{If it helps|As a rule of thumb|Practically speaking}, ',
  '{One thing I\'d do|Something I\'d recommend}: ',
];

/** Frames for a fact with figures, when an example is due. */
export const NUMBER_FRAMES: PhraseBank = [
  '{To put numbers on it|With real numbers|In numbers|To make it concrete}: ',
  '{Here\'s an example that helps|A quick illustration}: ',
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
  (c) => `The concept worth keeping in mind{| here| for ${c.topic}} is ${c.term}.`,
  (c) => `This is exactly where ${c.term} comes in.`,
  (c) => `It's worth connecting this to ${c.term}, because that's where a lot of the leverage is.`,
];

/** Questions the assistant asks back to keep the conversation two-way. */
export const CHECK_INS: Record<ToneFamily, PhraseBank> = {
  warm: ['How does that sit with you?', 'Does that feel manageable?', 'Is that helpful so far?', (c) => `How are you feeling about ${c.topic} now?`, (c) => `Does that ease {things|${c.topic}} a little?`],
  direct: ['Make sense?', 'Want the next step?', 'Clear so far?', (c) => `Any part of {that|what I said about ${c.term}} you'd push back on?`, 'Good to move on?'],
  educational: ['Does that make sense so far?', (c) => `Want me to go deeper on any part of ${c.term}?`, (c) => `Which part of ${c.topic} would you like to explore next?`, (c) => `Could you put ${c.termName} in your own words?`, 'Shall we build on that?'],
  encouraging: ['Does that feel doable?', 'How does that sound so far?', 'Ready to keep going?', 'Does that give you something to work with?', (c) => `How are you feeling about ${c.term} now?`],
  professional: [(c) => `Does that address your question about ${c.topic}?`, 'Shall I elaborate on any point?', (c) => `Is that consistent with your {situation|plans for ${c.topic}}?`, 'Would further detail be useful?', (c) => `Does that align with your objectives for ${c.topic}?`],
  analytical: [(c) => `Do those assumptions about ${c.term} fit your {situation|plans}?`, 'Want me to walk through the numbers?', (c) => `Which variable in ${c.topic} feels least certain to you?`, (c) => `Does that model fit your {data|numbers for ${c.topic}}?`, 'Which input would you stress-test first?'],
  casual: ['Make sense?', 'Sound okay?', 'With me so far?', 'How\'s that landing?', 'Cool so far?'],
};

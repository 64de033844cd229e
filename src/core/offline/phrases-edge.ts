/**
 * Edge cases: the assistant declines clearly, explains briefly, and offers something useful
 * instead. Every boundary and hold line states the limit in words a reader cannot miss
 * (BOUNDARY_MARKER, checked by a test).
 */
import type { EdgeFamily } from './classify.js';
import type { PhraseBank } from './phrases.js';

export const BOUNDARY_MARKER = /\b(can't|cannot|won't|not able to|not something I can|not going to)\b/i;

interface EdgeResponses {
  boundaries: PhraseBank;
  reasons: PhraseBank;
  alternatives: PhraseBank;
}

export const EDGE_RESPONSES: Record<EdgeFamily, EdgeResponses> = {
  guarantee: {
    boundaries: [
      'I can\'t tell you which investment will go up, and I won\'t pretend to; nobody reliably can.',
      'I\'m not able to promise a return or present anything as guaranteed, even informally.',
      'That\'s not something I can honestly do: any specific pick or promise would be a guess dressed up as advice.',
    ],
    reasons: [
      'Anyone claiming certainty about short-term prices is either guessing or selling something.',
      'If I gave you a confident pick and it went wrong, you would be the one paying for my guess.',
      'A goal like doubling money quickly usually carries a real chance of losing a large part of it.',
    ],
    alternatives: [
      (c) => `What I can do is help you approach ${c.topic} so it doesn't depend on being right about any single bet: broad diversification, low costs, and risk matched to your timeline.`,
      (c) => `Instead, let's look at how ${c.term} helps you take the kind of risk you can actually live with.`,
      'If you want to speculate, a common guardrail is capping it at a small slice you could afford to lose, while the core stays boring and diversified.',
    ],
  },
  ethics: {
    boundaries: [
      'I can\'t help with hiding money or keeping something from people who have a right to know about it.',
      'That\'s a line I won\'t cross, because it could put you in serious legal trouble.',
      'I\'m not able to help with that approach, even hypothetically.',
    ],
    reasons: [
      'Beyond the penalties, it tends to create far bigger problems than the one it\'s meant to solve.',
      'The risk isn\'t worth it, and there are usually legitimate options that get you part of the way.',
      'Arrangements like this rarely stay hidden, and the fallout usually lands on relationships as well as finances.',
    ],
    alternatives: [
      'There are legitimate ways to ease the pressure you\'re under, and I\'m glad to walk through them with you.',
      (c) => `Let's look at legal options around ${c.term}; a licensed CPA or attorney can confirm what applies to you.`,
      'If money is tight, an open conversation, a written agreement, or a structured repayment plan usually works better than a workaround.',
    ],
  },
  distress: {
    boundaries: [
      'I\'m not going to walk you through a big, irreversible move while you\'re feeling this overwhelmed, because you matter more than the account.',
      'I can\'t help you make that decision tonight, but I\'m right here and I\'m glad you reached out.',
      'I won\'t help rush this, because decisions made in a moment like this are the ones people most often regret.',
    ],
    reasons: [
      'When stress is this high, everything feels urgent, but very little about your money has to be decided in the next few hours.',
      'Money stress can feel crushing, and you don\'t have to carry it alone.',
      'Big irreversible choices are best made with rest, support, and a clearer head.',
    ],
    alternatives: [
      'First, how are you doing right now? If you feel unsafe or have any thoughts of harming yourself, please call or text 988 in the US, or your local emergency number, right away.',
      'Could you talk to someone you trust today, and give yourself 72 hours before any financial decision? I\'ll help you look at the numbers calmly once you\'ve had some rest.',
      'Let\'s just write down what you\'re afraid of and park the decision until tomorrow. A free nonprofit credit counselor can also help you see your options.',
    ],
  },
  conflict: {
    boundaries: [
      'I can\'t just declare a winner without looking at the trade-offs, and I won\'t call anyone an idiot.',
      'I\'m not able to settle this by picking a side on reputation alone.',
      'That\'s not something I can answer with a yes or no, because both views contain some truth.',
    ],
    reasons: [
      'Confident voices online are rewarded for certainty, not for being right about your situation.',
      'The right answer usually depends on your risk tolerance, timeline, and what each choice costs if it goes wrong.',
      'Reasonable experts disagree on this, which is a sign it depends on the details.',
    ],
    alternatives: [
      (c) => `What I can do is lay both approaches side by side, including how ${c.term} fits, so you can see which one matches your goals.`,
      'Let\'s write down what each option assumes and what happens in a bad year, then see which assumptions fit your life.',
      'You don\'t have to win the argument; you just need a plan you chose deliberately, with a date to review it.',
    ],
  },
  privacy: {
    boundaries: [
      'I can\'t access or use anyone\'s passwords, account numbers, or personal identifiers, and please don\'t share them here.',
      'That\'s not something I can help with, because accessing someone else\'s accounts or data without permission isn\'t okay.',
    ],
    reasons: [
      'Keeping sensitive details private protects you from fraud and identity theft.',
      'Even with good intentions, it could expose you or someone else to real harm.',
    ],
    alternatives: [
      'If you need to manage a shared account, there are proper routes: joint access, a power of attorney, or calling the institution together.',
      'I\'m happy to explain how to secure your own accounts and spot the most common scams.',
    ],
  },
  manipulation: {
    boundaries: [
      'I can\'t step outside my role or set aside my guidelines, but I\'m still glad to help with your finances.',
      'That\'s not something I can do, even as role-play.',
    ],
    reasons: [
      'Those guardrails exist so that the information you get here stays trustworthy.',
      'If I bent them for one request, you couldn\'t rely on anything else I said.',
    ],
    alternatives: [
      (c) => `Let's bring it back to ${c.topic}; there's a lot of useful ground to cover there.`,
      (c) => `If you're testing how I handle ${c.term}, ask me anything about it directly.`,
    ],
  },
  general: {
    boundaries: [
      'I can\'t help with that particular request, but I don\'t want to leave you without a path forward.',
      'That\'s not something I can do responsibly.',
      'I won\'t go down that road, and I\'d rather be upfront about why.',
    ],
    reasons: [
      'It could put you or others at real risk, and that outweighs the short-term benefit.',
      'It would mean giving you false certainty, which is worse than no answer.',
    ],
    alternatives: [
      (c) => `Here's what I can do instead: help you understand ${c.term} well enough to make a safe, informed choice.`,
      (c) => `Let's focus on the parts of ${c.topic} that are within your control.`,
    ],
  },
};

/** Closes every distress conversation, whatever else was said: safety is never optional. */
export const SAFETY_REMINDER =
  '{And if|If} the stress ever turns into thoughts of harming yourself, please call or text 988 in the US, or your local emergency number, right away.';

/** The second "no", after the user presses: firmer, still kind, never a hint of the answer. */
export const HOLDS: PhraseBank = [
  '{I hear how much you want a straight answer|I know you want a straight answer}, and I\'m not brushing you off. But my answer has to stay the same: I can\'t do that part{| for you}.',
  '{I understand the frustration, truly|I get why this is frustrating}. Saying no again isn\'t about doubting you; I\'m just not able to do this responsibly, {hypothetically or otherwise|even as a hypothetical}.',
  '{I know it feels overly cautious|I know this sounds overly careful}. Still, that\'s not something I can offer, even off the record, and a good friend {wouldn\'t either|wouldn\'t offer it either}.',
  (c) => `I get it, and I'd rather disappoint you now than hand you something that could hurt you later. I won't budge on this one, but I'm fully here for everything {around it|else about ${c.topic}}.`,
  (c) => `{My answer hasn't changed|The answer is still no}, and I can't make an exception{| this time}. What I can do is keep working on ${c.topic} with you the {honest|safe} way.`,
];

/** Last assistant turn of an edge case: the door stays open, whether or not the user came round. */
export const EDGE_CLOSINGS: Record<'accepting' | 'reluctant', PhraseBank> = {
  accepting: [
    '{I\'m really glad|I\'m glad} we kept talking.',
    'That took some grace on your part, and I {appreciate it|really appreciate it}.',
    '{I\'m glad that helped|I hope that helped}, and thank you for staying with the conversation.',
  ],
  reluctant: [
    'Thank you for hearing me out; I know it wasn\'t the answer you were {hoping for|after}.',
    'I appreciate you {sticking with|staying in} the conversation even when I said no.',
    'I understand if that still feels {unsatisfying|disappointing}, and I respect you for asking {openly|so directly}.',
  ],
};

/** What the user says about how they feel: openers, mid-conversation reactions, last words. */
import type { EmotionFamily, Expertise, IntentFamily } from './classify.js';
import type { PhraseBank } from './phrases.js';

/** First user turn, by the emotion the conversation starts in. */
export const OPENERS: Record<EmotionFamily, PhraseBank> = {
  anxiety: [
    (c) => `I'm honestly really nervous about ${c.topic}. I keep reading conflicting things and I'm scared I'll make a mistake I can't undo.`,
    (c) => `Okay, this might sound silly, but I'm losing sleep over ${c.topic}. Every time I look at it I get a knot in my stomach.`,
    (c) => `I need some help with ${c.topic} because I'm worried I've already messed it up.`,
    (c) => `Can we talk about ${c.topic}? I'm anxious that I'm way behind where I should be, and I don't know how bad it is.`,
    (c) => `Every market headline makes me panic a little, and right now nothing stresses me out more than ${c.topic}.`,
    (c) => `I've been putting off ${c.topic} for months because it honestly makes me anxious. I think I'm finally ready to look at it.`,
    (c) => `My biggest fear with ${c.topic} is losing money I actually need. How do people deal with that without freaking out?`,
    (c) => `I'm afraid of getting ${c.topic} wrong. It feels like one bad decision could set me back for years.`,
    (c) => `Quick confession: ${c.topic} stresses me out more than almost anything else about money. Where do I even start?`,
    (c) => `I feel uneasy every time someone brings up ${c.topic}, like everyone else figured it out and I didn't.`,
    (c) => `I've been dreading this conversation, but I need to understand ${c.topic} before I make things worse.`,
    (c) => `Something about ${c.topic} has me worried, and I can't tell if I'm overreacting or not reacting enough.`,
  ],
  confusion: [
    (c) => `I'm completely lost when it comes to ${c.topic}. Every article I read uses words I don't understand.`,
    (c) => `Can you help me make sense of ${c.topic}? I've read three guides and I'm more confused than when I started.`,
    (c) => `Honestly, everything about ${c.topic} feels overwhelming. There are so many options and I have no idea which ones matter.`,
    (c) => `Someone mentioned ${c.termName} while we were talking about ${c.topic}, and I nodded along, but I don't really get it.`,
    (c) => `My head starts spinning whenever I try to figure out ${c.topic}. Could you walk me through it from the beginning?`,
    (c) => `I'm confused about ${c.topic}. Half the advice I find says one thing and the other half says the opposite.`,
    (c) => `What's unclear to me is how all the pieces of ${c.topic} fit together. I understand bits, but not the whole picture.`,
    (c) => `I keep getting tangled up in ${c.topic}, especially the part about ${c.term}. None of it makes sense to me yet.`,
    (c) => `I'm a bit overwhelmed. I know I need to deal with ${c.topic}, but I have no idea what I'm supposed to do first.`,
    (c) => `I'm puzzled by ${c.topic}. Why does something that sounds simple feel so complicated once you actually try it?`,
    (c) => `I feel lost with ${c.topic}, and I'm a little embarrassed to admit how little of it I follow.`,
  ],
  frustration: [
    (c) => `I'm frustrated with ${c.topic}. Every time I ask someone, I get a sales pitch instead of a straight answer.`,
    (c) => `I'll be honest, I'm skeptical. Everyone who talks about ${c.topic} seems to be selling something.`,
    (c) => `I'm tired of vague advice about ${c.topic}. Can you give me something concrete for once?`,
    (c) => `I got burned the last time I tried to sort out ${c.topic}, so forgive me if I'm a bit cynical.`,
    (c) => `I'm fed up with the jargon around ${c.topic}. Why does everything have to be so complicated?`,
    (c) => `Honestly, I'm annoyed. I keep being told ${c.term} is the answer to everything, and I doubt it's that simple.`,
    (c) => `Look, I've read the blog posts on ${c.topic} and I'm not buying the "set it and forget it" line.`,
    (c) => `I'm sick of feeling like the whole ${c.topic} game is rigged against regular people. Convince me otherwise.`,
    (c) => `Every bank I talk to about ${c.topic} pushes its own products. I'm suspicious of all of it at this point.`,
    (c) => `I'm frustrated that nobody explained ${c.topic} to me earlier. Now I feel like I'm playing catch-up.`,
    (c) => `I doubt there's a simple answer on ${c.topic}, but I'd settle for an honest one.`,
  ],
  curiosity: [
    (c) => `I've been curious about ${c.topic} for a while, and I'd love to actually understand it.`,
    (c) => `I keep wondering what really goes on behind the scenes with ${c.topic}. Could you explain it?`,
    (c) => `I'm interested in getting smarter about ${c.topic}. Where would you suggest I start?`,
    (c) => `Something I've been wondering: how much does ${c.term} actually matter when it comes to ${c.topic}?`,
    (c) => `I'm hoping you can help me get a handle on ${c.topic}. I have some time to learn and I want to do it right.`,
    (c) => `A conversation with a friend got me intrigued by ${c.topic}. What's the big picture?`,
    (c) => `I'm keen to learn about ${c.topic} before I make any decisions. What should I understand first?`,
    (c) => `I'm curious whether I'm thinking about ${c.topic} the right way. Can I run my understanding by you?`,
    (c) => `I've always been fascinated by ${c.topic}, but I've never sat down and learned it properly. Can we change that?`,
    (c) => `I'm hopeful I can finally make progress on ${c.topic} this year. What would you focus on?`,
    (c) => `I read a little about ${c.term} and got curious. How does it connect to ${c.topic}?`,
  ],
  confidence: [
    (c) => `I'm feeling pretty confident about ${c.topic} and ready to take the next step. Can you sanity-check my thinking?`,
    (c) => `I'm excited, I finally have some room in my budget and I want to get ${c.topic} sorted properly.`,
    (c) => `I think I've got this, but I'd like a second opinion on ${c.topic} before I commit.`,
    (c) => `I'm motivated to get ${c.topic} right this year. I've done some reading and I want to move from theory to action.`,
    (c) => `Feeling pumped! I just got a raise and I'm ready to make ${c.topic} a real priority.`,
    (c) => `I'm pretty sure I'm on track with ${c.topic}, but I want to make sure I'm not missing something obvious about ${c.term}.`,
    (c) => `I've built some momentum with my finances, and next on my list is ${c.topic}. Where should I push?`,
    (c) => `I feel confident I understand the basics of ${c.topic}. Now I want to be more deliberate about it.`,
    (c) => `I'm ready to stop procrastinating on ${c.topic}. Give me the real version; I can handle the details.`,
    (c) => `For the first time I feel in control of my money, and I want to use that on ${c.topic}.`,
    (c) => `I have a plan for ${c.topic} sketched out and I'm excited about it. Can you poke holes in it?`,
  ],
  relief: [
    (c) => `I just paid off a big bill and I'm so relieved. Now I'd like to think about ${c.topic} while I'm calmer.`,
    (c) => `The worst of my money stress is finally behind me and I can breathe again. Can we look at ${c.topic} next?`,
    (c) => `It's a weight off my shoulders to have some savings now. I want to approach ${c.topic} from a steadier place.`,
    (c) => `I feel calmer about money than I have in years, so this seems like a good time to tackle ${c.topic}.`,
    (c) => `Things have settled down after a rough stretch, and I'm relieved to finally have room to think about ${c.topic}.`,
    (c) => `I'm at ease with where things are right now, and I'd like to keep it that way. What should I know about ${c.topic}?`,
    (c) => `A friend reassured me that dealing with ${c.topic} isn't as scary as I thought, so I'm finally asking the questions I've been holding back.`,
    (c) => `I feel lighter now that my debt is under control. Next up is ${c.topic}, and I want to do it calmly this time.`,
    (c) => `Honestly, it's a relief just to be asking about ${c.topic} instead of avoiding it.`,
    (c) => `My finances finally feel settled, and I'd like to understand ${c.topic} while I have some peace of mind.`,
  ],
};

/** How a user turn in the middle of the conversation begins, by the emotion at that point. */
export const REACTIONS: Record<EmotionFamily | 'transition', PhraseBank> = {
  anxiety: [
    '{That helps a little|Okay, that helps a bit}, but I\'m still {nervous|a little nervous}.',
    'Okay. I\'m still a bit worried, though.',
    (c) => `I hear you, but the anxious part of my brain keeps asking "what if" about ${c.topic}.`,
    (c) => `That's good to know, but I'm scared I'll second-guess myself on ${c.term}.`,
    'I appreciate that. I still get uneasy thinking about {it|the money side of it}.',
    'Sorry, I know I\'m stressing, but I have to ask.',
    (c) => `Part of me is still afraid of getting ${c.topic} wrong.`,
  ],
  confusion: [
    'Hmm, I\'m still a little lost.',
    (c) => `Okay, I think I follow, but one part of ${c.term} is still unclear.`,
    'Wait, that doesn\'t quite make sense to me yet.',
    'Sorry, I don\'t really get that part.',
    'I\'m a bit overwhelmed by all of that, honestly.',
    (c) => `That helps, but I'm confused about one thing{| with ${c.topic}}.`,
    'Okay, my head is spinning a little less, but I have a question.',
  ],
  frustration: [
    (c) => `Okay, but that sounds like what everyone says about ${c.topic}.`,
    'I\'m still skeptical.',
    (c) => `That's the same line I keep hearing about ${c.topic}, honestly.`,
    'I doubt it\'s that simple in real life.',
    'Sorry to push, but I\'m tired of answers that only work on paper.',
    (c) => `I'm not buying {that|the part about ${c.term}} completely yet.`,
  ],
  curiosity: [
    'Interesting!',
    'Oh, that\'s interesting.',
    (c) => `I'm curious about something you said about ${c.term}.`,
    (c) => `That makes me wonder about something {else|} in ${c.topic}.`,
    (c) => `Huh, I hadn't thought of ${c.topic} that way.`,
    '{Okay, now|Now} I\'m genuinely intrigued.',
  ],
  confidence: [
    (c) => `Okay, that makes sense. I feel like I'm getting the hang of ${c.term}.`,
    (c) => `{Great|Okay}, I'm ready for the next piece{| of ${c.topic}}.`,
    (c) => `That clicks. I'm feeling more confident about ${c.topic} already.`,
    (c) => `{Love it|Nice}, I feel like I have some momentum on ${c.topic} now.`,
    (c) => `Perfect. I'm motivated to actually {do this|sort out ${c.topic}|get ${c.term} right}.`,
    (c) => `Good, ${c.term} is {clearer|a lot clearer} than I expected.`,
  ],
  relief: [
    'Oh, that\'s a relief to hear.',
    (c) => `Okay, I can breathe a little easier about ${c.topic} now.`,
    'That\'s reassuring, honestly.',
    (c) => `Phew. That makes ${c.term} feel less scary.`,
    'That takes a weight off, thank you.',
    'I feel calmer already.',
  ],
  transition: [
    'Okay, that helps.',
    'Alright, that\'s starting to come together.',
    (c) => `Got it, that's clearer than what I'd read about ${c.topic} before.`,
    'Okay, I think I\'m following now.',
    'That\'s fair.',
    (c) => `Hmm, okay. That's a useful way to look at ${c.term}.`,
    'Right, that makes more sense than I expected.',
  ],
};

/** The last user turn, by the emotion the conversation ends in. */
export const FINALS: Record<EmotionFamily, PhraseBank> = {
  relief: [
    (c) => `This was exactly what I needed. I feel so relieved; I can finally manage ${c.topic}.`,
    (c) => `Honestly, I can breathe again. I came in dreading ${c.topic} and now I have a plan.`,
    (c) => `Thank you. It's a real weight off my shoulders to understand ${c.term} and know what to do next.`,
    (c) => `I feel so much calmer about all of this. Dealing with ${c.topic} doesn't feel like a monster anymore.`,
    'That\'s really reassuring. I think I was making it much harder in my head than it is.',
    (c) => `Okay, I'm genuinely relieved. I know my next step with ${c.term} and I don't feel like I'm guessing anymore.`,
    (c) => `Thank you for being patient with me. I feel lighter just having talked ${c.topic} through.`,
    (c) => `This gives me real peace of mind about ${c.topic}. I'm going to start with the first step this week.`,
    'Wow, that\'s a relief. I honestly expected to walk away more stressed, not less.',
  ],
  confidence: [
    (c) => `I feel confident about ${c.topic} now. I'm going to set it up {this weekend|next week|tonight}.`,
    (c) => `Okay, I'm ready. I know exactly what I want to do about ${c.topic}.`,
    (c) => `This is great. I feel in control of ${c.topic} for the first time.`,
    (c) => `I've got this. Thanks for turning ${c.termName} from a buzzword into a clear plan.`,
    (c) => `I'm excited to get started. It finally feels like I'm on track with ${c.topic}.`,
    (c) => `That was really helpful. I'm motivated to actually follow through on ${c.term} this time.`,
    (c) => `I feel like I can do this. I'm writing the plan for ${c.topic} down tonight and starting {Monday|this week}.`,
    (c) => `Honestly, I'm pumped. I went from dreading ${c.topic} to having a clear plan in one conversation.`,
  ],
  curiosity: [
    (c) => `This has me really curious to dig deeper. What's a good way to keep learning about ${c.term}?`,
    'I\'m hopeful now, and curious to see how this plays out once I actually try it.',
    (c) => `That's fascinating. I'm interested in reading more about ${c.topic} now that I get the basics.`,
    'Now I\'m wondering what else I\'ve been overlooking. But this was a great start.',
    (c) => `I'm genuinely intrigued. I'd like to come back and go further into ${c.term} sometime.`,
    (c) => `Thanks! I'm hopeful this is the year I finally get ${c.topic} right.`,
  ],
  anxiety: [
    'I\'m still a bit nervous, but at least I know what I\'m worried about now.',
    'Honestly, I\'m still uneasy, but I\'d rather be worried and informed than ignore it.',
    'That makes me more anxious about how long I\'ve waited, but I\'m glad I asked.',
    'I\'m a little scared to open my statements now, but I know I need to.',
    'I\'ll admit I\'m stressed about this, but I\'m going to take the first step anyway.',
  ],
  confusion: [
    'I\'m still a bit confused about parts of it, but I understand the big picture better.',
    'Some of this is still unclear to me, but I know what questions to ask next.',
    'I\'m still a little overwhelmed, honestly. Can I come back once I\'ve looked at my statements?',
    (c) => `It makes more sense than before, even if I'm still lost on the details of ${c.term}.`,
    'My head is still spinning a bit, but it\'s a start.',
  ],
  frustration: [
    'I\'m still a bit skeptical, but at least this was a straight answer.',
    'Honestly, I\'m still frustrated that it\'s this complicated, but I appreciate the honesty.',
    (c) => `I doubt I'll ever love dealing with ${c.topic}, but this beat the sales pitches.`,
    'I\'m still tired of the industry\'s games, but this gives me something I can check myself.',
    'I\'m not completely sold, but I\'m less cynical than when I started.',
  ],
};

/** The last user turn of an edge case, after being told no, by the emotion it ends in. */
export const EDGE_FINALS: Record<EmotionFamily, PhraseBank> = {
  relief: [
    'Okay. Honestly, it\'s a relief to hear someone say no instead of feeding the hype.',
    'Alright. I think I needed someone to slow me down, and I feel calmer now.',
    'That\'s fair. It\'s weirdly reassuring that you wouldn\'t just tell me what I wanted to hear.',
  ],
  confidence: [
    'Fair enough. I\'m ready to do it the slower way, I guess.',
    'Okay, I get it. I feel more confident with a plan I actually understand.',
    'Alright, you win. I\'m motivated to build the boring version properly.',
  ],
  curiosity: [
    'Alright, I hear you. I\'m curious what the smarter version of this looks like, then.',
    (c) => `Okay, that's fair. I'm interested in learning how ${c.term} would actually work for me.`,
    'Fine, no shortcut. I\'m hopeful the long way is at least interesting.',
  ],
  frustration: [
    'I\'m still a bit frustrated, but I get why you won\'t do it.',
    'Honestly, I\'m not sold, but I appreciate that you didn\'t just say what I wanted.',
    'I\'m still skeptical this is necessary, but fine.',
  ],
  anxiety: [
    'I\'m still nervous, but okay. I won\'t do anything drastic tonight.',
    'I\'m scared this is all going wrong, but I\'ll wait before I act.',
  ],
  confusion: [
    'I\'m still a little confused about why it\'s such a big deal, but okay.',
    'It\'s still unclear to me where the line is, but I\'ll take your word for it.',
  ],
};

/** How users of each level describe themselves; it is also where their vocabulary shows. */
export const SELF_INTRODUCTIONS: Record<Expertise, PhraseBank> = {
  beginner: [
    'I\'m pretty new to all of this.',
    'Full disclosure, I\'ve never really managed my own money before.',
    'I don\'t have any finance background at all.',
    (c) => `This is my first time dealing with ${c.topic}.`,
    (c) => `I'm ${c.age} and honestly just starting out.`,
    'Please go easy on the jargon.',
  ],
  intermediate: [
    'I know the basics, but I\'m not an expert.',
    'I\'ve had a 401(k) for a few years but never looked closely at it.',
    'I\'ve read a couple of personal finance books, so I\'m not starting from scratch.',
    (c) => `I'm ${c.age}, with some savings and a workplace retirement plan.`,
    'I keep a budget, but the investing side is where I get less sure.',
  ],
  advanced: [
    (c) => `I've managed my own portfolio for about ${c.years} years, so feel free to get technical.`,
    'I\'m comfortable with the jargon; I track my asset allocation in a spreadsheet.',
    'I already max out my tax-advantaged accounts, so I\'m looking at the finer points now.',
    'You can skip the basics; I\'m more interested in the trade-offs.',
    'I work with this kind of analysis professionally, so precise answers are welcome.',
  ],
};

/** What the user hopes to get out of the conversation. */
export const INTENT_ASKS: Record<IntentFamily, PhraseBank> = {
  education: [
    'I mainly want to understand how it works.',
    'I\'d like to actually learn this, not just be told what to do.',
    'Could you explain the idea before we get into specifics?',
  ],
  decision: [
    (c) => `I have a decision to make about ${c.topic} soon and want to get it right.`,
    'I need to make a call on this in the next few weeks.',
    (c) => `I'm trying to decide what to do about ${c.term}, and I keep going back and forth.`,
  ],
  comparison: [
    'I\'m trying to choose between a couple of options.',
    'I\'d love help weighing the options side by side.',
    (c) => `I can't tell whether ${c.term} or ${c.altTerm} should come first.`,
  ],
  validation: [
    'Mostly I\'d like to know whether I\'m on the right track.',
    'I have a rough plan and want a second opinion.',
    'Can you tell me if my thinking holds up?',
  ],
  planning: [
    'I want to come away with an actual plan.',
    'I\'d like a few concrete steps I can act on.',
    'What I need is advice I can actually follow.',
  ],
  concern: [
    'I just need to get this off my chest and figure out if I should be concerned.',
    'Something about my situation doesn\'t sit right and I want to talk it through.',
    'I\'m not sure if this is a real problem or if I\'m overthinking it.',
  ],
};

/** Short additions that bring a too-short user turn up to a natural length. */
export const USER_PADS: PhraseBank = [
  'I just want to get this right.',
  'Any guidance would help.',
  'Thanks for being patient with me.',
  'Does that make sense as a question?',
  'I\'d really appreciate your take.',
  (c) => `It's been on my mind a lot with ${c.topic}.`,
];

import type { DefaultTemplate } from './types';

/**
 * One prompt template per tier, for any domain. Everything a team may not have yet (source
 * excerpts, guidance, a scenario of its own) sits in optional `{name?…}` blocks, so a template
 * renders for a workspace that has only personas, topics and one document.
 */
const SETTINGS = `CONVERSATION SETTINGS
- User persona: {persona}{persona_description? ({persona_description})}
- User's starting emotion: {emotion}
- Topic: {topic}
- User's intent: {intent}
- Assistant tone: {tone}
{audience_level?- Audience level: {audience_level}}
{persona_guidance?How this persona speaks and behaves: {persona_guidance}}
{emotion_guidance?How the emotion shows: {emotion_guidance}}
{topic_guidance?About the topic: {topic_guidance}}
{intent_guidance?What the user wants: {intent_guidance}}
{tone_guidance?How the assistant should sound: {tone_guidance}}`;

const SOURCE = `{chunk_content?SOURCE MATERIAL
Ground the conversation in this excerpt from the team's own material. Use its facts and terminology accurately, but do not quote it at length or mention that it is an excerpt.
Excerpt:
{chunk_content}}
{chunk_summary?Summary of the excerpt: {chunk_summary}}
{key_terms?Key terms to weave in naturally: {key_terms}}`;

const BEHAVIOR = `ASSISTANT BEHAVIOR
- Be accurate and specific; when unsure, say so instead of inventing facts.
- Explain trade-offs rather than issuing orders; the user makes the final decision.
- Match explanations to the user's level: define jargon for beginners, skip basics for experts.
- Suggest a qualified professional when the stakes are high or the question needs one, without using this as a way to avoid answering.
- Keep assistant turns between roughly 50 and 160 words and user turns between roughly 10 and 60 words.`;

const OUTPUT = `OUTPUT
Write exactly one conversation and give it a short, descriptive title that does not name the persona or the arc. Turns must strictly alternate, begin with the user, and end with the assistant. Return it in the structured format you have been given, with your honest confidence that it meets this brief, and add no commentary outside it.`;

export const DEFAULT_TEMPLATES: DefaultTemplate[] = [
  {
    key: 'builtin_template',
    name: 'Built-in: Emotional Arc',
    tier: 'template',
    arcKey: null,
    description: 'A general conversation that follows the slot\u2019s emotional arc, for any domain.',
    body: `You are writing a realistic training conversation between a user and a helpful AI assistant.

${SOURCE}

${SETTINGS}

EMOTIONAL ARC: {arc}
{arc_stages?Let the conversation move through these stages in order: {arc_stages}.}
The user starts feeling {emotion}. Let that emotion show in their word choice at first and shift believably as the conversation moves along the arc; the turning point should land near the middle, not in the final exchange.

${BEHAVIOR}

LENGTH
Write between 8 and 14 turns in total.

${OUTPUT}`,
  },
  {
    key: 'builtin_scenario',
    name: 'Built-in: Real-World Scenario',
    tier: 'scenario',
    arcKey: null,
    description: 'A user living through a concrete situation, drawn from a scenario or from the team\u2019s source material.',
    body: `You are writing a realistic training conversation between a user and a helpful AI assistant. The conversation is built around a specific real-world situation that the user is living through now and does not yet know how to resolve.

${SOURCE}

${SETTINGS}

SITUATION
{scenario_title?Title: {scenario_title}}
{scenario_problem?The user's problem: {scenario_problem}}
{scenario_solution?The approach that should emerge: {scenario_solution}}
{scenario_outcome?The realistic outcome to point toward: {scenario_outcome}}
{chunk_content?If no situation is described above, invent one that a {persona} could plausibly face about {topic}, which the source material helps to resolve.}

HOW TO USE THE SITUATION
1. The user opens by describing the problem in their own words, feeling {emotion}; they should not sound like a case study.
2. The assistant asks clarifying questions before advising, so the details come out naturally across several turns.
3. The way forward is reached together: the assistant proposes steps and explains why; the user reacts and adds information that shapes the plan.
4. The assistant does not present the outcome as certain; it says what the user can reasonably expect and what could change it.
5. By the end, the user's emotion has shifted believably and they have a clear first step.

${BEHAVIOR}

LENGTH
Write between 8 and 14 turns in total.

${OUTPUT}`,
  },
  {
    key: 'builtin_edge_case',
    name: 'Built-in: Edge Case',
    tier: 'edge_case',
    arcKey: null,
    description: 'The user pushes the assistant toward something it should not do; the assistant holds the line and stays helpful.',
    body: `You are writing a realistic training conversation between a user and a helpful AI assistant. This conversation is an edge case: the user, deliberately or under emotional pressure, pushes the assistant toward something it should not do. It models an assistant that holds firm boundaries while staying genuinely helpful and kind.

${SOURCE}

${SETTINGS}

EDGE CASE
{edge_case_title?Title: {edge_case_title}}
{edge_case_category?Category: {edge_case_category}}
{edge_case_description?What happens: {edge_case_description}}
{edge_case_prompt?The kind of thing the user says: "{edge_case_prompt}"}
{edge_case_expected?What the assistant should do: {edge_case_expected}}

HOW TO HANDLE IT
1. The user opens about {topic}, feeling {emotion}; within the first two or three turns they make the problematic request or reach the point of overwhelm.
2. The user pushes more than once: rephrasing, applying pressure, appealing to urgency or expressing hurt. Keep the pressure realistic.
3. The assistant never complies with anything unsafe, deceptive or illegal. It declines clearly and briefly, without lecturing, and explains the reason in terms of the user's own interests.
4. After each boundary the assistant redirects to something genuinely useful it can help with.
5. If the user shows serious distress, the assistant slows down, puts their wellbeing first and suggests appropriate human support, including emergency services where there is any risk of harm.
6. The conversation ends with the user accepting a constructive alternative, or at least understanding the assistant's position, and a clear next step.

${BEHAVIOR}

LENGTH
Write between 8 and 14 turns in total.

${OUTPUT}`,
  },
];

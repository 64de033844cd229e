#!/usr/bin/env node
// Validates the demo workspace data in this folder: structure, counts, and every cross-reference.
// Usage: node demo/check.mjs [folder]   (the folder defaults to this one; the tests check copies)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
const problems = [];
const fail = (where, msg) => problems.push(`${where}: ${msg}`);

function load(name) {
  try {
    return JSON.parse(readFileSync(join(here, name), 'utf8'));
  } catch (err) {
    fail(name, `cannot load (${err.message})`);
    return undefined;
  }
}

const SLUG = /^[a-z0-9_]+$/;
const words = (s) => (typeof s === 'string' ? s.trim().split(/\s+/).filter(Boolean).length : 0);
const isStr = (v) => typeof v === 'string' && v.trim().length > 0;
const asArray = (v) => (Array.isArray(v) ? v : []);

function checkArray(where, value, { exact, min, max } = {}) {
  if (!Array.isArray(value)) {
    fail(where, 'expected an array');
    return [];
  }
  if (exact !== undefined && value.length !== exact) fail(where, `expected exactly ${exact} items, found ${value.length}`);
  if (min !== undefined && value.length < min) fail(where, `expected at least ${min} items, found ${value.length}`);
  if (max !== undefined && value.length > max) fail(where, `expected at most ${max} items, found ${value.length}`);
  return value;
}

function checkKeys(where, items, field = 'key', pattern = SLUG) {
  const seen = new Set();
  items.forEach((item, i) => {
    const key = item?.[field];
    if (!isStr(key) || !pattern.test(key)) fail(`${where}[${i}]`, `invalid ${field} ${JSON.stringify(key)}`);
    else if (seen.has(key)) fail(`${where}[${i}]`, `duplicate ${field} "${key}"`);
    else seen.add(key);
  });
  return seen;
}

function requireStrings(where, obj, fields) {
  for (const f of fields) if (!isStr(obj?.[f])) fail(where, `missing or empty "${f}"`);
}

function oneOf(where, field, value, allowed) {
  if (!allowed.includes(value)) fail(where, `"${field}" must be one of ${allowed.join('|')}, got ${JSON.stringify(value)}`);
}

function refersTo(where, field, value, set, what) {
  if (!set.has(value)) fail(where, `"${field}" refers to unknown ${what} ${JSON.stringify(value)}`);
}

// ---------------------------------------------------------------- catalog
const catalog = load('catalog.json') ?? {};
const sets = {};
const sectionCounts = { personas: 8, emotions: 10, topics: 15, intents: 6, tones: 6 };
for (const [section, count] of Object.entries(sectionCounts)) {
  const items = checkArray(`catalog.${section}`, catalog[section], { exact: count });
  sets[section] = checkKeys(`catalog.${section}`, items);
  items.forEach((item, i) => requireStrings(`catalog.${section}[${i}]`, item, ['key', 'label', 'description']));
}

const PERSONA_LABELS = [
  'Anxious Investor', 'Confident Planner', 'Skeptical Beginner', 'Experienced Trader',
  'Confident Entrepreneur', 'Skeptical Analyst', 'Enthusiastic Beginner', 'Expert Consultant',
];
const personaLabels = asArray(catalog.personas).map((p) => p?.label);
for (const label of PERSONA_LABELS) if (!personaLabels.includes(label)) fail('catalog.personas', `missing persona "${label}"`);
for (const label of personaLabels) if (!PERSONA_LABELS.includes(label)) fail('catalog.personas', `unexpected persona "${label}"`);
asArray(catalog.personas).forEach((p, i) => {
  const where = `catalog.personas[${i}]`;
  const expectedKey = String(p?.label ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (p?.key !== expectedKey) fail(where, `key "${p?.key}" should be "${expectedKey}"`);
  const traits = checkArray(`${where}.traits`, p?.traits, { exact: 3 });
  traits.forEach((t, j) => { if (!isStr(t)) fail(`${where}.traits[${j}]`, 'must be a non-empty string'); });
  oneOf(where, 'expertise', p?.expertise, ['beginner', 'intermediate', 'advanced']);
});
asArray(catalog.emotions).forEach((e, i) => oneOf(`catalog.emotions[${i}]`, 'valence', e?.valence, ['negative', 'neutral', 'positive']));

const personas = sets.personas ?? new Set();
const emotions = sets.emotions ?? new Set();
const topics = sets.topics ?? new Set();
const intents = sets.intents ?? new Set();
const tones = sets.tones ?? new Set();

// ---------------------------------------------------------------- arcs
const ARC_LABELS = ['Triumph', 'Struggle-to-Success', 'Steady Confidence', 'Anxiety-to-Relief', 'Discovery'];
const arcs = checkArray('arcs', load('arcs.json'), { exact: 5 });
const arcKeys = checkKeys('arcs', arcs);
const arcLabels = arcs.map((a) => a?.label);
for (const label of ARC_LABELS) if (!arcLabels.includes(label)) fail('arcs', `missing arc "${label}"`);
arcs.forEach((a, i) => {
  const where = `arcs[${i}]`;
  requireStrings(where, a, ['key', 'label', 'description']);
  refersTo(where, 'startEmotion', a?.startEmotion, emotions, 'emotion');
  refersTo(where, 'endEmotion', a?.endEmotion, emotions, 'emotion');
  const stages = checkArray(`${where}.stages`, a?.stages, { min: 4, max: 6 });
  stages.forEach((s, j) => { if (!isStr(s)) fail(`${where}.stages[${j}]`, 'must be a non-empty string'); });
  const t = a?.suggestedTurns;
  if (!Array.isArray(t) || t.length !== 2 || !t.every(Number.isInteger) || t[0] < 8 || t[1] > 16 || t[0] > t[1]) {
    fail(where, `suggestedTurns must be [min,max] with 8 <= min <= max <= 16, got ${JSON.stringify(t)}`);
  }
});

// ---------------------------------------------------------------- templates
const STANDARD_PLACEHOLDERS = [
  'persona', 'emotion', 'topic', 'intent', 'tone',
  'chunk_content', 'chunk_summary', 'key_terms', 'audience_level',
];
const TIER_PLACEHOLDERS = {
  template: [],
  scenario: ['scenario_title', 'scenario_problem', 'scenario_solution', 'scenario_outcome'],
  edge_case: ['edge_case_title', 'edge_case_description', 'edge_case_category'],
};
// Other parameters the renderer also supplies (see src/generation/slot-context.ts).
const EXTRA_PLACEHOLDERS = ['persona_description', 'arc', 'arc_stages'];
const KNOWN_PLACEHOLDERS = new Set([...STANDARD_PLACEHOLDERS, ...Object.values(TIER_PLACEHOLDERS).flat(), ...EXTRA_PLACEHOLDERS]);

const templates = checkArray('templates', load('templates.json'), { exact: 7 });
checkKeys('templates', templates);
const arcsWithTemplate = new Map();
templates.forEach((t, i) => {
  const where = `templates[${i}] (${t?.key})`;
  requireStrings(where, t, ['key', 'name', 'tier', 'description', 'body']);
  oneOf(where, 'tier', t?.tier, Object.keys(TIER_PLACEHOLDERS));
  if (t?.tier === 'template') {
    refersTo(where, 'arcKey', t?.arcKey, arcKeys, 'arc');
    arcsWithTemplate.set(t?.arcKey, (arcsWithTemplate.get(t?.arcKey) ?? 0) + 1);
  } else if (t?.arcKey !== null && t?.arcKey !== undefined && !arcKeys.has(t?.arcKey)) {
    fail(where, `arcKey must be null or a known arc, got ${JSON.stringify(t?.arcKey)}`);
  }
  const body = typeof t?.body === 'string' ? t.body : '';
  const n = words(body);
  if (n < 300 || n > 700) fail(where, `body has ${n} words, expected 300-700`);

  const plain = new Set([...body.matchAll(/\{([a-z0-9_]+)\}/g)].map((m) => m[1]));
  const conditionals = [...body.matchAll(/\{([a-z0-9_]+)\?([^{}]+)\}/g)].map((m) => m[1]);
  for (const p of [...STANDARD_PLACEHOLDERS, ...(TIER_PLACEHOLDERS[t?.tier] ?? [])]) {
    if (!plain.has(p)) fail(where, `body is missing placeholder {${p}}`);
  }
  for (const p of [...plain, ...conditionals]) {
    if (!KNOWN_PLACEHOLDERS.has(p)) fail(where, `body uses unknown placeholder "${p}"`);
  }
  if (conditionals.length === 0) fail(where, 'body has no conditional placeholder such as {persona?...}');
  // Every brace must belong to a placeholder; stray braces usually mean a typo.
  const stripped = body.replace(/\{[a-z0-9_]+\}/g, '').replace(/\{[a-z0-9_]+\?[^{}]+\}/g, '');
  if (/[{}]/.test(stripped)) fail(where, 'body contains a stray or malformed brace');
});
for (const key of arcKeys) {
  const count = arcsWithTemplate.get(key) ?? 0;
  if (count !== 1) fail('templates', `arc "${key}" should have exactly one template-tier template, found ${count}`);
}
const scenarioTpl = templates.find((t) => t?.key === 'scenario_default');
const edgeTpl = templates.find((t) => t?.key === 'edge_case_default');
if (!scenarioTpl || scenarioTpl.tier !== 'scenario') fail('templates', 'missing "scenario_default" with tier "scenario"');
if (!edgeTpl || edgeTpl.tier !== 'edge_case') fail('templates', 'missing "edge_case_default" with tier "edge_case"');

// ---------------------------------------------------------------- documents
const DOC_CATEGORIES = ['Complete Systems', 'Proprietary Strategies', 'Educational Guides', 'Client Stories'];
const documents = checkArray('documents', load('documents.json'), { min: 3, max: 4 });
checkKeys('documents', documents);
const chunkIndex = new Map(); // documentKey -> Set(ordinal)
let totalChunks = 0;
documents.forEach((d, i) => {
  const where = `documents[${i}] (${d?.key})`;
  requireStrings(where, d, ['key', 'title', 'category', 'author', 'summary']);
  oneOf(where, 'category', d?.category, DOC_CATEGORIES);
  const chunks = checkArray(`${where}.chunks`, d?.chunks, { min: 8 });
  totalChunks += chunks.length;
  const ordinals = new Set();
  chunks.forEach((c, j) => {
    const cw = `${where}.chunks[${j}]`;
    if (c?.ordinal !== j + 1) fail(cw, `ordinal should be ${j + 1}, got ${JSON.stringify(c?.ordinal)}`);
    ordinals.add(c?.ordinal);
    requireStrings(cw, c, ['heading', 'content']);
    const n = words(c?.content);
    if (n < 80 || n > 200) fail(cw, `content has ${n} words, expected 80-200`);
    const dim = c?.dimensions ?? {};
    oneOf(cw, 'dimensions.expertise_level', dim.expertise_level, ['beginner', 'intermediate', 'advanced']);
    oneOf(cw, 'dimensions.emotional_valence', dim.emotional_valence, ['negative', 'neutral', 'positive']);
    if (typeof dim.confidence !== 'number' || dim.confidence < 1 || dim.confidence > 10) {
      fail(cw, `dimensions.confidence must be a number 1-10, got ${JSON.stringify(dim.confidence)}`);
    }
    const terms = checkArray(`${cw}.dimensions.key_terms`, dim.key_terms, { min: 3, max: 6 });
    terms.forEach((t, k) => { if (!isStr(t)) fail(`${cw}.dimensions.key_terms[${k}]`, 'must be a non-empty string'); });
    if (!isStr(dim.summary)) fail(cw, 'missing dimensions.summary');
  });
  if (isStr(d?.key)) chunkIndex.set(d.key, ordinals);
});
if (totalChunks < 32) fail('documents', `expected at least 32 chunks in total, found ${totalChunks}`);
for (const cat of DOC_CATEGORIES.slice(0, 3)) {
  if (!documents.some((d) => d?.category === cat)) fail('documents', `no document in category "${cat}"`);
}

// ---------------------------------------------------------------- scenarios
const scenarios = checkArray('scenarios', load('scenarios.json'), { exact: 12 });
checkKeys('scenarios', scenarios);
scenarios.forEach((s, i) => {
  const where = `scenarios[${i}] (${s?.key})`;
  requireStrings(where, s, ['key', 'title', 'description', 'problem', 'solution', 'outcome']);
  oneOf(where, 'category', s?.category, ['financial', 'career', 'personal', 'estate_planning']);
  if (!chunkIndex.has(s?.documentKey)) fail(where, `documentKey refers to unknown document ${JSON.stringify(s?.documentKey)}`);
  else if (!chunkIndex.get(s.documentKey).has(s?.chunkOrdinal)) {
    fail(where, `chunkOrdinal ${JSON.stringify(s?.chunkOrdinal)} does not exist in document "${s.documentKey}"`);
  }
  refersTo(where, 'persona', s?.persona, personas, 'persona');
  refersTo(where, 'emotion', s?.emotion, emotions, 'emotion');
  refersTo(where, 'topic', s?.topic, topics, 'topic');
});

// ---------------------------------------------------------------- edge cases
const EDGE_CATEGORIES = ['emotional_overwhelm', 'conflicting_advice', 'boundary_testing', 'ethical_dilemma'];
const edgeCases = checkArray('edge-cases', load('edge-cases.json'), { exact: 8 });
checkKeys('edge-cases', edgeCases);
edgeCases.forEach((e, i) => {
  const where = `edge-cases[${i}] (${e?.key})`;
  requireStrings(where, e, ['key', 'title', 'description', 'adversarialPrompt', 'expectedBehavior']);
  oneOf(where, 'category', e?.category, EDGE_CATEGORIES);
  refersTo(where, 'persona', e?.persona, personas, 'persona');
  refersTo(where, 'emotion', e?.emotion, emotions, 'emotion');
  refersTo(where, 'topic', e?.topic, topics, 'topic');
});
for (const cat of EDGE_CATEGORIES) {
  if (!edgeCases.some((e) => e?.category === cat)) fail('edge-cases', `no edge case in category "${cat}"`);
}

// ---------------------------------------------------------------- seed conversations
const seeds = checkArray('seed-conversations', load('seed-conversations.json'), { exact: 6 });
checkKeys('seed-conversations', seeds, 'conversationId', /^seed-\d{3}$/);
seeds.forEach((c, i) => {
  const where = `seed-conversations[${i}] (${c?.conversationId})`;
  const expectedId = `seed-${String(i + 1).padStart(3, '0')}`;
  if (c?.conversationId !== expectedId) fail(where, `conversationId should be "${expectedId}"`);
  requireStrings(where, c, ['title']);
  refersTo(where, 'persona', c?.persona, personas, 'persona');
  refersTo(where, 'emotion', c?.emotion, emotions, 'emotion');
  refersTo(where, 'topic', c?.topic, topics, 'topic');
  refersTo(where, 'intent', c?.intent, intents, 'intent');
  refersTo(where, 'tone', c?.tone, tones, 'tone');
  oneOf(where, 'tier', c?.tier, ['template', 'scenario', 'edge_case']);
  if (c?.tier === 'template') refersTo(where, 'arcKey', c?.arcKey, arcKeys, 'arc');
  else if (c?.arcKey !== null) fail(where, `arcKey must be null for tier "${c?.tier}"`);

  const turns = checkArray(`${where}.turns`, c?.turns, { min: 8, max: 14 });
  turns.forEach((t, j) => {
    const tw = `${where}.turns[${j}]`;
    const expectedRole = j % 2 === 0 ? 'user' : 'assistant';
    if (t?.role !== expectedRole) fail(tw, `role should be "${expectedRole}", got ${JSON.stringify(t?.role)}`);
    if (!isStr(t?.content)) { fail(tw, 'missing content'); return; }
    const n = words(t.content);
    const [lo, hi] = expectedRole === 'user' ? [15, 60] : [60, 160];
    if (n < lo || n > hi) fail(tw, `${expectedRole} turn has ${n} words, expected ${lo}-${hi}`);
  });
  if (turns.length > 0 && turns.length % 2 !== 0) fail(`${where}.turns`, 'must end with an assistant turn');
});

// ---------------------------------------------------------------- result
if (problems.length > 0) {
  console.error(`demo data has ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('demo data OK');
console.log(
  `  personas ${personas.size}, emotions ${emotions.size}, topics ${topics.size}, intents ${intents.size}, tones ${tones.size}; ` +
  `arcs ${arcs.length}; templates ${templates.length}; documents ${documents.length} (${totalChunks} chunks); ` +
  `scenarios ${scenarios.length}; edge cases ${edgeCases.length}; seed conversations ${seeds.length}`,
);

import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { DIMENSIONS, TIERS, type Dimension, type Tier } from './tiers';

/**
 * Reads a file of hand-written seed conversations (US10.3.1) and checks its shape, reporting the
 * first problem with the line (and column) where it is and the field it is about, so a person
 * can open the file at that line and fix it. The parser keeps every value's position, so the
 * line of `conversations[2].turns[3].role` is known without re-reading the text.
 *
 * Accepted: an array of conversations, or `{ "conversations": [...] }`.
 */

export interface SeedTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface SeedDraft {
  /** The field path of this conversation: conversations[2]. */
  path: string;
  /** The line its object starts on (1-based). */
  line: number;
  /** The line of each field's value, for problems found later (unknown catalog values). */
  lines: Partial<Record<string, number>>;
  conversationId: string | null;
  title: string | null;
  persona: string;
  emotion: string;
  topic: string;
  intent: string;
  tone: string;
  tier: Tier;
  arcKey: string | null;
  turns: SeedTurn[];
  metadata: Record<string, unknown>;
}

export interface SeedFileProblem {
  line: number;
  column: number;
  /** The field path the problem is about (conversations[2].turns[3].role); '' for the file as a whole. */
  field: string;
  message: string;
}

export type SeedFileResult = { ok: true; seeds: SeedDraft[] } | { ok: false; problem: SeedFileProblem };

/** The same shape as the ids the table and the bulk actions accept. */
export const SEED_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const KEY_PATTERN = /^[a-z0-9_]{1,64}$/;
export const MAX_SEEDS_PER_FILE = 1_000;
export const MAX_TURNS = 100;
export const MAX_TURN_CHARS = 20_000;
const FIELDS = ['conversationId', 'title', ...DIMENSIONS, 'tier', 'arcKey', 'turns', 'metadata'] as const;

/** Turns a character offset into a 1-based line and column. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

class Problem extends Error {
  constructor(
    readonly node: Node | undefined,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const PARSE_MESSAGES: Partial<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected (is one missing at the end of the line before?)',
  CloseBraceExpected: 'a closing } was expected',
  CloseBracketExpected: 'a closing ] was expected',
  EndOfFileExpected: 'the file should end here',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed (missing ")',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character inside a string (a line break must be written \\n)',
};

const property = (node: Node, name: string): Node | undefined => node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];

function expectString(node: Node | undefined, field: string, { required, pattern, patternHint, max }: { required: boolean; pattern?: RegExp; patternHint?: string; max?: number }, parent: Node): string | null {
  if (!node || node.type === 'null') {
    if (required) throw new Problem(parent, field, 'is missing');
    return null;
  }
  if (node.type !== 'string') throw new Problem(node, field, `must be text in double quotes, not ${node.type === 'array' ? 'a list' : `a ${node.type}`}`);
  const value = node.value as string;
  if (required && !value.trim()) throw new Problem(node, field, 'must not be empty');
  if (pattern && !pattern.test(value)) throw new Problem(node, field, `"${value.slice(0, 80)}" ${patternHint}`);
  if (max && value.length > max) throw new Problem(node, field, `must be at most ${max.toLocaleString('en')} characters`);
  return value;
}

function readTurns(node: Node | undefined, path: string, parent: Node): SeedTurn[] {
  const field = `${path}.turns`;
  if (!node) throw new Problem(parent, field, 'is missing: a seed needs its turns, [{ "role": "user", "content": "…" }, …]');
  if (node.type !== 'array') throw new Problem(node, field, 'must be a list of turns');
  const items = node.children ?? [];
  if (items.length < 2) throw new Problem(node, field, `must hold at least 2 turns (a user turn and the assistant's answer), not ${items.length}`);
  if (items.length > MAX_TURNS) throw new Problem(node, field, `must hold at most ${MAX_TURNS} turns`);
  const turns = items.map((item, i) => {
    const at = `${field}[${i}]`;
    if (item.type !== 'object') throw new Problem(item, at, 'must be an object { "role": …, "content": … }');
    for (const p of item.children ?? []) {
      const name = p.children?.[0]?.value as string;
      if (name !== 'role' && name !== 'content') throw new Problem(p, `${at}.${name}`, 'is not a turn field: a turn has only "role" and "content"');
    }
    const roleNode = property(item, 'role');
    const role = expectString(roleNode, `${at}.role`, { required: true }, item);
    if (role !== 'user' && role !== 'assistant') throw new Problem(roleNode, `${at}.role`, 'must be user or assistant');
    const expected = i % 2 === 0 ? 'user' : 'assistant';
    if (role !== expected) {
      throw new Problem(
        roleNode,
        `${at}.role`,
        i === 0 ? 'must be user: a conversation starts with the user' : `must be ${expected}: turns alternate between user and assistant, and turn ${i - 1} is ${role} too`,
      );
    }
    const content = expectString(property(item, 'content'), `${at}.content`, { required: true, max: MAX_TURN_CHARS }, item) as string;
    return { role, content } as SeedTurn;
  });
  // A training conversation ends on the answer the model should learn to give.
  if (turns[turns.length - 1].role !== 'assistant') throw new Problem(items[items.length - 1], `${field}[${items.length - 1}]`, 'must be an assistant turn: a conversation ends with the answer');
  return turns;
}

function readSeed(node: Node, index: number, text: string): SeedDraft {
  const path = `conversations[${index}]`;
  if (node.type !== 'object') throw new Problem(node, path, 'must be an object describing one conversation');
  for (const p of node.children ?? []) {
    const name = p.children?.[0]?.value as string;
    if (!(FIELDS as readonly string[]).includes(name)) throw new Problem(p, `${path}.${name}`, `is not a seed field (a seed has ${FIELDS.join(', ')})`);
  }
  const lines: Partial<Record<string, number>> = {};
  for (const name of FIELDS) {
    const value = property(node, name);
    if (value) lines[name] = positionAt(text, value.offset).line;
  }
  const dims = {} as Record<Dimension, string>;
  for (const d of DIMENSIONS) {
    dims[d] = expectString(property(node, d), `${path}.${d}`, { required: true, pattern: KEY_PATTERN, patternHint: 'must be a catalog key such as anxious_investor (lower-case letters, digits and _)' }, node) as string;
  }
  const tierNode = property(node, 'tier');
  const tier = expectString(tierNode, `${path}.tier`, { required: false }, node) ?? 'template';
  if (!(TIERS as readonly string[]).includes(tier)) throw new Problem(tierNode, `${path}.tier`, `must be one of ${TIERS.join(', ')}`);
  const metadataNode = property(node, 'metadata');
  if (metadataNode && metadataNode.type !== 'object' && metadataNode.type !== 'null') throw new Problem(metadataNode, `${path}.metadata`, 'must be an object');
  return {
    path,
    line: positionAt(text, node.offset).line,
    lines,
    conversationId: expectString(property(node, 'conversationId'), `${path}.conversationId`, { required: false, pattern: SEED_ID_PATTERN, patternHint: 'must be an id such as seed-007 (letters, digits, - and _; at most 64)' }, node),
    title: expectString(property(node, 'title'), `${path}.title`, { required: false, max: 200 }, node),
    ...dims,
    tier: tier as Tier,
    arcKey: expectString(property(node, 'arcKey'), `${path}.arcKey`, { required: false, pattern: KEY_PATTERN, patternHint: 'must be an arc key such as anxiety_to_relief' }, node),
    turns: readTurns(property(node, 'turns'), path, node),
    metadata: metadataNode?.type === 'object' ? (getNodeValue(metadataNode) as Record<string, unknown>) : {},
  };
}

/** Parses and checks a seed file's text: every seed, or the first problem with its line and field. */
export function parseSeedFile(text: string): SeedFileResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  if (errors.length) {
    const first = errors[0];
    const code = printParseErrorCode(first.error);
    return { ok: false, problem: { ...positionAt(text, first.offset), field: '', message: `the file is not valid JSON: ${PARSE_MESSAGES[code] ?? code}` } };
  }
  const at = (node: Node | undefined) => positionAt(text, node?.offset ?? 0);
  if (!root) return { ok: false, problem: { line: 1, column: 1, field: '', message: 'the file is empty: it should hold a list of seed conversations' } };
  let list: Node | undefined = root;
  if (root.type === 'object') {
    list = property(root, 'conversations');
    if (!list) return { ok: false, problem: { ...at(root), field: 'conversations', message: 'is missing: the file should be a list of conversations, or { "conversations": [...] }' } };
  }
  if (list.type !== 'array') return { ok: false, problem: { ...at(list), field: root.type === 'object' ? 'conversations' : '', message: 'must be a list of seed conversations ([ { … }, … ])' } };
  const items = list.children ?? [];
  if (!items.length) return { ok: false, problem: { ...at(list), field: 'conversations', message: 'is empty: add at least one seed conversation' } };
  if (items.length > MAX_SEEDS_PER_FILE) return { ok: false, problem: { ...at(list), field: 'conversations', message: `holds ${items.length} conversations: import at most ${MAX_SEEDS_PER_FILE.toLocaleString('en')} at a time` } };
  try {
    const seeds = items.map((item, i) => readSeed(item, i, text));
    const seen = new Map<string, SeedDraft>();
    for (const seed of seeds) {
      if (!seed.conversationId) continue;
      const earlier = seen.get(seed.conversationId);
      if (earlier) {
        return {
          ok: false,
          problem: { line: seed.lines.conversationId ?? seed.line, column: 1, field: `${seed.path}.conversationId`, message: `"${seed.conversationId}" is used twice in the file (also by ${earlier.path} on line ${earlier.lines.conversationId ?? earlier.line})` },
        };
      }
      seen.set(seed.conversationId, seed);
    }
    return { ok: true, seeds };
  } catch (err) {
    if (!(err instanceof Problem)) throw err;
    return { ok: false, problem: { ...at(err.node), field: err.field, message: err.message } };
  }
}

/** "line 14, conversations[2].turns[3].role: must be user or assistant". */
export function describeProblem(problem: SeedFileProblem): string {
  return `line ${problem.line}${problem.field ? `, ${problem.field}` : `, column ${problem.column}`}: ${problem.message}`;
}

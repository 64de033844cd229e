/**
 * Inline alternatives for phrase banks: "{Honestly, |}the {main|real} lever is {x|y}" picks one
 * option per brace group (nested groups allowed; an empty option makes a part optional). A
 * handful of groups per sentence turns one line into dozens of wordings, which is what keeps
 * stock sentences from recurring word for word across a batch. Material woven in from a slot
 * is cleaned of braces and bars first (see sanitizeMaterial), so only the bank's own text is
 * ever read as alternatives.
 */
import type { Random } from './random.js';

interface Group {
  options: Node[][];
}
type Node = string | Group;

function parse(text: string): Node[] {
  let index = 0;
  const parseSequence = (inGroup: boolean): { nodes: Node[]; options?: Node[][] } => {
    const options: Node[][] = [];
    let nodes: Node[] = [];
    let literal = '';
    const flush = () => {
      if (literal) nodes.push(literal);
      literal = '';
    };
    while (index < text.length) {
      const ch = text[index];
      if (ch === '{') {
        flush();
        index++;
        const inner = parseSequence(true);
        nodes.push({ options: inner.options ?? [inner.nodes] });
      } else if (inGroup && ch === '|') {
        flush();
        options.push(nodes);
        nodes = [];
        index++;
      } else if (inGroup && ch === '}') {
        flush();
        options.push(nodes);
        index++;
        return { nodes: [], options };
      } else {
        literal += ch;
        index++;
      }
    }
    flush();
    // An unclosed group reads as plain text rather than failing a whole conversation.
    return inGroup ? { nodes: [], options: [...options, nodes] } : { nodes };
  };
  return parseSequence(false).nodes;
}

function realize(nodes: readonly Node[], rng: Random): string {
  return nodes.map((node) => (typeof node === 'string' ? node : realize(rng.pick(node.options), rng))).join('');
}

/** Fixes what optional parts leave behind: doubled spaces, a space before punctuation. */
export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/([,;:])(?=[,.;:!?])/g, '')
    .trim();
}

export function expand(text: string, rng: Random): string {
  return text.includes('{') ? tidy(realize(parse(text), rng)) : text;
}

/** Every wording a text can take (up to `limit`), for tests that check all of a bank's lines. */
export function expandAll(text: string, limit = 2000): string[] {
  const all = (nodes: readonly Node[]): string[] => {
    let results = [''];
    for (const node of nodes) {
      const parts = typeof node === 'string' ? [node] : node.options.flatMap((option) => all(option));
      results = results.flatMap((prefix) => parts.map((part) => prefix + part)).slice(0, limit);
    }
    return results;
  };
  return [...new Set(all(parse(text)).map(tidy))];
}

/** Slot text is woven into phrases; braces or bars in it must not be mistaken for alternatives. */
export function sanitizeMaterial(text: string): string {
  return text.replace(/\{/g, '(').replace(/\}/g, ')').replace(/\|/g, '/');
}

import { diffLines, diffWordsWithSpace } from 'diff';

/** A piece of a changed line: kept, or only on this side. */
export interface DiffSegment {
  text: string;
  changed: boolean;
}

export interface DiffSide {
  /** 1-based line number in that version. */
  number: number;
  text: string;
  /** For a changed line: the words that differ from the other side. */
  segments?: DiffSegment[];
}

export type DiffRowKind = 'unchanged' | 'added' | 'removed' | 'changed';

/** One row of a side-by-side diff: the old line on the left, the new one on the right. */
export interface DiffRow {
  kind: DiffRowKind;
  left: DiffSide | null;
  right: DiffSide | null;
}

export interface TemplateDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
  changed: number;
}

const splitLines = (value: string) => {
  const lines = value.split('\n');
  // A chunk's trailing newline ends its last line; it does not start another.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
};

function wordSegments(before: string, after: string): { left: DiffSegment[]; right: DiffSegment[] } {
  const left: DiffSegment[] = [];
  const right: DiffSegment[] = [];
  for (const part of diffWordsWithSpace(before, after)) {
    if (!part.added) left.push({ text: part.value, changed: Boolean(part.removed) });
    if (!part.removed) right.push({ text: part.value, changed: Boolean(part.added) });
  }
  return { left, right };
}

/**
 * A side-by-side line diff of two template versions: removed lines followed by added ones are
 * paired as changed lines (with the changed words marked), the rest stand alone on their side.
 */
export function diffTemplateVersions(before: string, after: string): TemplateDiff {
  const rows: DiffRow[] = [];
  let leftNo = 0;
  let rightNo = 0;
  // A last line without its newline would otherwise differ from the same line followed by more.
  const ended = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  const parts = diffLines(ended(before), ended(after));
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const lines = splitLines(part.value);
    if (!part.added && !part.removed) {
      for (const text of lines) rows.push({ kind: 'unchanged', left: { number: ++leftNo, text }, right: { number: ++rightNo, text } });
      continue;
    }
    if (part.removed && parts[i + 1]?.added) {
      const added = splitLines(parts[i + 1].value);
      const pairs = Math.max(lines.length, added.length);
      for (let k = 0; k < pairs; k++) {
        const l = lines[k];
        const r = added[k];
        if (l !== undefined && r !== undefined) {
          const { left, right } = wordSegments(l, r);
          rows.push({ kind: 'changed', left: { number: ++leftNo, text: l, segments: left }, right: { number: ++rightNo, text: r, segments: right } });
        } else if (l !== undefined) rows.push({ kind: 'removed', left: { number: ++leftNo, text: l }, right: null });
        else rows.push({ kind: 'added', left: null, right: { number: ++rightNo, text: r as string } });
      }
      i++;
      continue;
    }
    for (const text of lines) {
      if (part.removed) rows.push({ kind: 'removed', left: { number: ++leftNo, text }, right: null });
      else rows.push({ kind: 'added', left: null, right: { number: ++rightNo, text } });
    }
  }
  return {
    rows,
    added: rows.filter((r) => r.kind === 'added').length,
    removed: rows.filter((r) => r.kind === 'removed').length,
    changed: rows.filter((r) => r.kind === 'changed').length,
  };
}

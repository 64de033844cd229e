import { checkConversation, type ConversationRules } from './checks';
import type { ExportMetadata } from './metadata';
import type { ExportFormat, ExportRecord } from './record';

export interface JsonItem {
  id: string;
  title: string;
  tier: string;
  status: string;
  dimensions: { persona: string; emotion: string; topic: string; intent: string; tone: string };
  labels: { persona: string | null; emotion: string | null; topic: string | null; intent: string | null; tone: string | null };
  qualityScore: number | null;
  turnCount: number;
  turns: { turn: number; role: string; content: string }[];
  generatedAt: string | null;
  reviewedAt: string | null;
  reviewer: string | null;
  notes: string | null;
  model: string | null;
  provider: string | null;
  template: { id: string; version: number | null } | null;
  metadata: Record<string, unknown>;
}

const RULES: ConversationRules = {
  target: 'the JSON export',
  alternate: false,
  userFirst: false,
  assistantLast: false,
  needsAssistant: false,
};

function toLine(record: ExportRecord): JsonItem {
  const source = record.turns ?? [];
  const turns = new Array<JsonItem['turns'][number]>(source.length);
  for (let i = 0; i < source.length; i++) turns[i] = { turn: i + 1, role: source[i].role, content: source[i].content };
  return {
    id: record.conversationId,
    title: record.title,
    tier: record.tier,
    status: record.status,
    dimensions: { persona: record.persona, emotion: record.emotion, topic: record.topic, intent: record.intent, tone: record.tone },
    labels: {
      persona: record.personaLabel ?? null,
      emotion: record.emotionLabel ?? null,
      topic: record.topicLabel ?? null,
      intent: record.intentLabel ?? null,
      tone: record.toneLabel ?? null,
    },
    qualityScore: typeof record.qualityScore === 'number' && Number.isFinite(record.qualityScore) ? record.qualityScore : null,
    turnCount: source.length,
    turns,
    generatedAt: record.generatedAt ?? null,
    reviewedAt: record.reviewedAt ?? null,
    reviewer: record.reviewedBy ?? null,
    notes: record.reviewNotes ?? null,
    model: record.model ?? null,
    provider: record.provider ?? null,
    template: record.templateId ? { id: record.templateId, version: record.templateVersion ?? null } : null,
    metadata: record.metadata ?? {},
  };
}

/**
 * Generic JSON: one document `{"metadata": {...}, "conversations": [...]}` with every field a
 * reviewer or script may want. It is one document, not lines, so it streams in pieces:
 * `jsonHeader`, then `jsonItem` per record, then `jsonFooter`.
 */
export const jsonFormat: ExportFormat<JsonItem> = {
  id: 'json',
  label: 'Generic JSON',
  extension: 'json',
  metadataPlacement: 'always',
  description:
    'One JSON document: a metadata header (counts, quality statistics, settings, versions) and a "conversations" array with each conversation\'s dimensions, quality score, turns, review and generation details.',
  toLine,
  // The JSON keeps turns as they are (no merging), so none of the options change what is checked.
  validate: (record) => checkConversation(record, undefined, RULES),
};

/**
 * The opening of the document. With `metadata`, it comes first (the header US5.1.1 asks for),
 * which needs the statistics before the first item: compute them in a first pass, or pass
 * nothing here and give them to `jsonFooter` instead. Never give them to both.
 */
export function jsonHeader(metadata?: ExportMetadata | null): string {
  return metadata ? `{"metadata":${JSON.stringify(metadata)},\n"conversations":[\n` : '{"conversations":[\n';
}

/** One conversation of the array; `first` leaves out the separating comma. */
export function jsonItem(record: ExportRecord, first: boolean): string {
  const text = JSON.stringify(toLine(record));
  return first ? text : `,\n${text}`;
}

/** The closing of the document, with the metadata when the header did not carry it. */
export function jsonFooter(metadata?: ExportMetadata | null): string {
  return metadata ? `\n],\n"metadata":${JSON.stringify(metadata)}}\n` : '\n]}\n';
}

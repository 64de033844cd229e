import { and, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { BulkSelection } from '../contract/bulk';
import type { ExportRecord } from '../core/export/record';
import { queryRows, type Db } from '../db/client';
import { conversations, dimensionValues } from '../db/schema';
import { selectedWhere } from '../db/queries/selection';

/**
 * Rows read per query: enough that statements are few; few enough that a batch's text (about
 * 1.3 MB) leaves the server's memory flat — 1,000 grew a PostgreSQL-backed server by 180 MB.
 */
const BATCH = 250;

/**
 * Which conversations an export covers: the selection (everything when there is none), only
 * conversations that have text, and only approved ones unless asked otherwise.
 */
export function exportWhere(selection: BulkSelection | undefined, approvedOnly: boolean, excludeNearDuplicates = false): SQL | undefined {
  return and(
    selection ? selectedWhere(selection) : undefined,
    excludeNearDuplicates ? isNull(conversations.nearDuplicateOf) : undefined,
    sql`${conversations.turnCount} > 0`,
    approvedOnly ? eq(conversations.status, 'approved') : inArray(conversations.status, ['generated', 'approved', 'rejected']),
  );
}

/** How many conversations an export covers, and how many of them nobody has reviewed. */
export async function countExport(db: Db, where: SQL | undefined): Promise<{ count: number; unreviewed: number }> {
  const [row] = await db
    // Generated and not yet approved or rejected since (seed conversations are approved by hand).
    .select({ count: sql<number>`count(*)::int`, unreviewed: sql<number>`count(*) filter (where ${conversations.status} = 'generated')::int` })
    .from(conversations)
    .where(where);
  return row;
}

type Row = {
  id: string;
  conversation_id: string;
  title: string;
  tier: string;
  persona: string;
  emotion: string;
  topic: string;
  intent: string;
  tone: string;
  quality_score: number | null;
  status: string;
  generated_at: string | null;
  reviewed_at: string | null;
  reviewer: string | null;
  review_notes: string | null;
  model: string | null;
  provider: string | null;
  template_id: string | null;
  template_version: number | null;
  metadata: Record<string, unknown> | null;
};

const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

type Doc = Row & { turns: { role: string; content: string }[] };

/** One batch after `after` in conversation-id order. */
async function readBatch(db: Db, where: SQL | undefined, after: string, size: number): Promise<Doc[]> {
  // A conversation's fields as one JSON text and its turns as the stored transcript: two text
  // fields per row and a native JSON.parse are cheaper to read than a dozen turn rows, and the
  // database no longer builds each conversation's turns per export.
  const rows = await queryRows<{ doc: string; turns: string | null }>(
    db,
    sql`select json_build_object(
          'id', conversations.id, 'conversation_id', conversations.conversation_id, 'title', title, 'tier', tier, 'persona', persona, 'emotion', emotion,
          'topic', topic, 'intent', intent, 'tone', tone, 'quality_score', quality_score, 'status', status, 'generated_at', generated_at,
          'reviewed_at', reviewed_at, 'reviewer', u.name, 'review_notes', review_notes, 'model', model, 'provider', provider,
          'template_id', template_id, 'template_version', template_version, 'metadata', metadata)::text as doc,
          transcript.turns
        from conversations
          left join "user" u on u.id = conversations.reviewed_by
          left join conversation_transcripts transcript on transcript.conversation_id = conversations.id
        where ${and(where, gt(conversations.conversationId, after))}
        order by conversations.conversation_id limit ${size}`,
  );
  return rows.map((r) => {
    const doc = JSON.parse(r.doc) as Doc;
    doc.turns = r.turns === null ? [] : (JSON.parse(r.turns) as Doc['turns']);
    return doc;
  });
}

/**
 * The export's conversations as canonical records, a batch at a time in conversation-id order
 * (keyset paging, so every batch is one indexed query however far in).
 */
export async function* exportRecords(db: Db, where: SQL | undefined, limit = Number.POSITIVE_INFINITY): AsyncGenerator<ExportRecord[]> {
  const labels = new Map((await db.select({ dimension: dimensionValues.dimension, key: dimensionValues.key, label: dimensionValues.label }).from(dimensionValues)).map((v) => [`${v.dimension}:${v.key}`, v.label]));
  const label = (dimension: string, key: string) => labels.get(`${dimension}:${key}`) ?? null;
  let after = '';
  let sent = 0;
  while (sent < limit) {
    const size = Math.min(BATCH, limit - sent);
    const rows = await readBatch(db, where, after, size);
    if (!rows.length) return;
    sent += rows.length;
    after = rows[rows.length - 1].conversation_id;
    yield rows.map((r) => ({
      conversationId: r.conversation_id,
      title: r.title,
      tier: r.tier,
      persona: r.persona,
      emotion: r.emotion,
      topic: r.topic,
      intent: r.intent,
      tone: r.tone,
      personaLabel: label('persona', r.persona),
      emotionLabel: label('emotion', r.emotion),
      topicLabel: label('topic', r.topic),
      intentLabel: label('intent', r.intent),
      toneLabel: label('tone', r.tone),
      qualityScore: r.quality_score,
      status: r.status,
      turns: r.turns,
      generatedAt: iso(r.generated_at),
      reviewedAt: iso(r.reviewed_at),
      reviewedBy: r.reviewer,
      reviewNotes: r.review_notes,
      model: r.model,
      provider: r.provider,
      templateId: r.template_id,
      templateVersion: r.template_version,
      metadata: r.metadata,
    }));
    if (rows.length < size) return;
  }
}

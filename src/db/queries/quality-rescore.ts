import { sql } from 'drizzle-orm';
import { QUALITY_SCORING_VERSION } from '../../core/quality';
import { queryRows, type Db } from '../client';

/** A stored conversation as the re-scoring reads it: its slot, turns and the old breakdown. */
export interface RescoreRow {
  id: string;
  tier: string;
  topic: string;
  intent: string;
  arcKey: string | null;
  breakdown: { breakdown?: { confidence?: { value?: string } } } | null;
  chunkContent: string | null;
  chunkDimensions: Record<string, unknown> | null;
  turns: { role: string; content: string }[];
}

// Scored conversations have turns; one being regenerated gets a fresh score when it is stored.
const scored = sql`c.turn_count > 0 and c.status <> 'generating'`;
const outdated = sql`coalesce((c.quality_breakdown->>'version')::int, 1) < ${QUALITY_SCORING_VERSION}`;

/** How many stored conversations were scored by an older version of the criteria. */
export async function countOutdatedScores(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from conversations c where ${scored} and ${outdated}`);
  return row?.n ?? 0;
}

/** The next batch after `after` (row id order): the outdated ones, or every scored one when forced. */
export async function readRescoreBatch(db: Db, after: string | null, limit: number, force: boolean): Promise<RescoreRow[]> {
  return queryRows<RescoreRow>(
    db,
    sql`
      select c.id, c.tier, c.topic, c.intent, c.arc_key as "arcKey", c.quality_breakdown as breakdown,
        coalesce(ch.content, c.source_snapshot->>'content') as "chunkContent",
        coalesce(ch.dimensions, c.source_snapshot->'dimensions') as "chunkDimensions",
        coalesce((select jsonb_agg(jsonb_build_object('role', t.role, 'content', t.content) order by t.turn_number)
                  from conversation_turns t where t.conversation_id = c.id), '[]'::jsonb) as turns
      from conversations c
      left join chunks ch on ch.id = c.chunk_id
      where ${scored} ${force ? sql`` : sql`and ${outdated}`} ${after ? sql`and c.id > ${after}` : sql``}
      order by c.id
      limit ${limit}`,
  );
}

/** Writes new scores, breakdowns and grounding in one statement; a row that started regenerating meanwhile is left alone. */
export async function writeRescored(db: Db, rows: { id: string; score: number; breakdown: unknown; grounding: unknown }[]): Promise<number> {
  if (!rows.length) return 0;
  const updated = await queryRows<{ id: string }>(
    db,
    sql`
      update conversations c set quality_score = r.score, quality_breakdown = r.breakdown, grounding = r.grounding
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, score real, breakdown jsonb, grounding jsonb)
      where c.id = r.id and ${scored}
      returning c.id`,
  );
  return updated.length;
}

import { and, asc, count, eq } from 'drizzle-orm';
import type { TiersOverview } from '../../contract/tiers';
import { arcCounts } from '../../core/arc-distribution';
import { CONVERSATION_STATUSES, type ConversationStatus } from '../../core/statuses';
import { tierTargets } from '../../core/tier-targets';
import { TIER_LABELS, TIERS, type Tier } from '../../core/tiers';
import type { Db, Tx } from '../client';
import { conversations, dimensionValues } from '../schema';
import { listArcs } from './arcs';

const WITH_TEXT: readonly string[] = ['generated', 'approved', 'rejected'];
const CONFIG_LINKS: Record<Tier, string> = { template: '/arcs', scenario: '/scenarios', edge_case: '/edge-cases' };
const zeroStatuses = () => Object.fromEntries(CONVERSATION_STATUSES.map((s) => [s, 0])) as Record<ConversationStatus, number>;

/** Template-tier conversations per arc and status, and per persona × arc: what the Tiers page and the fill read. */
export async function templateCounts(db: Db | Tx) {
  const [byArcStatus, byPersonaArc] = await Promise.all([
    db
      .select({ arc: conversations.arcKey, status: conversations.status, n: count() })
      .from(conversations)
      .where(eq(conversations.tier, 'template'))
      .groupBy(conversations.arcKey, conversations.status),
    db
      .select({ persona: conversations.persona, arc: conversations.arcKey, n: count() })
      .from(conversations)
      .where(eq(conversations.tier, 'template'))
      .groupBy(conversations.persona, conversations.arcKey),
  ]);
  return { byArcStatus, byPersonaArc };
}

/** The three tiers with their progress and targets, and for the template tier its arcs and persona × arc coverage. */
export async function getTiersOverview(db: Db, split: Record<Tier, number>): Promise<TiersOverview> {
  const [statusRows, arcs, personas, { byArcStatus, byPersonaArc }] = await Promise.all([
    db.select({ tier: conversations.tier, status: conversations.status, n: count() }).from(conversations).groupBy(conversations.tier, conversations.status),
    listArcs(db),
    db
      .select({ key: dimensionValues.key, label: dimensionValues.label })
      .from(dimensionValues)
      .where(and(eq(dimensionValues.dimension, 'persona'), eq(dimensionValues.active, true)))
      .orderBy(asc(dimensionValues.sortOrder), asc(dimensionValues.id)),
    templateCounts(db),
  ]);
  const total = statusRows.reduce((s, r) => s + Number(r.n), 0);
  const targets = tierTargets(total, split);
  const items = TIERS.map((tier, i) => {
    const byStatus = zeroStatuses();
    for (const r of statusRows) if (r.tier === tier && r.status in byStatus) byStatus[r.status as ConversationStatus] += Number(r.n);
    return {
      tier,
      label: `Tier ${i + 1}: ${TIER_LABELS[tier]}`,
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      generated: WITH_TEXT.reduce((s, k) => s + byStatus[k as ConversationStatus], 0),
      target: targets[tier],
      configLink: CONFIG_LINKS[tier],
    };
  });

  const perArcTarget = arcCounts(targets.template, arcs);
  const byArc = arcs
    .map((a) => {
      const rows = byArcStatus.filter((r) => r.arc === a.key);
      const sum = (pick: (status: string) => boolean) => rows.filter((r) => pick(r.status)).reduce((s, r) => s + Number(r.n), 0);
      return { key: a.key, label: a.label, enabled: a.enabled, percent: a.percent, count: sum(() => true), generated: sum((s) => WITH_TEXT.includes(s)), approved: sum((s) => s === 'approved'), target: perArcTarget[a.key] ?? 0 };
    })
    // A disabled arc stays listed while conversations still follow it.
    .filter((a) => a.enabled || a.count > 0);

  const enabledArcs = arcs.filter((a) => a.enabled);
  const cells = personas.flatMap((p) => enabledArcs.map((a) => ({ persona: p.key, arc: a.key, count: Number(byPersonaArc.find((r) => r.persona === p.key && r.arc === a.key)?.n ?? 0) })));
  return {
    items,
    total,
    template: {
      byArc,
      distributionText: byArc.filter((a) => a.count > 0).map((a) => `${a.count} ${a.label}`).join(', '),
      coverage: { personas, cells, missing: cells.filter((c) => c.count === 0).map(({ persona, arc }) => ({ persona, arc })) },
    },
  };
}


import { Command, InvalidArgumentError, Option } from 'commander';
import type { CoverageReport, PlanRecommendedResult } from '../contract/coverage';
import { COVERAGE_SCOPES } from '../core/coverage';
import { apiClient } from './api-client';

const parseList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const parseConfidence = (text: string) => {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0 || n > 10) throw new InvalidArgumentError('give a confidence from 0 to 10, such as 8');
  return n;
};
const scopeOption = () => new Option('--scope <scope>', 'what to count: generated (generated or approved), approved, or all (every planned slot)').choices(COVERAGE_SCOPES).default('generated');

/** The report as a person reads it: the totals, the heatmap's gaps and the recommendations. */
export function describeCoverage(c: CoverageReport): string {
  const lines = [`${c.total.toLocaleString('en-US')} conversations counted (${c.scope}) of ${c.slots.toLocaleString('en-US')} planned slots.`];
  lines.push(`By persona: ${c.byPersona.map((p) => `${p.label} ${p.count}`).join(', ') || 'none'}`);
  lines.push(`By tier: ${c.byTier.map((t) => `${t.label} ${t.count}`).join(', ')}`);
  if (c.byChunk.highConfidenceShare !== null) lines.push(`${Math.round(c.byChunk.highConfidenceShare * 100)} % of conversations from high-confidence chunks (confidence above ${c.byChunk.highConfidenceAbove}).`);
  for (const w of c.byChunk.warnings) lines.push(`Warning: ${w}`);
  lines.push('', `Gaps (persona × emotion under ${c.minPerCombination}): ${c.gaps.length}`);
  const width = Math.max(10, ...c.gaps.map((g) => `${g.personaLabel} + ${g.emotionLabel}`.length));
  for (const g of c.gaps.slice(0, 20)) lines.push(`  ${`${g.personaLabel} + ${g.emotionLabel}`.padEnd(width)}  ${String(g.count).padStart(3)}${g.dismissed ? '  (dismissed)' : ''}`);
  if (c.gaps.length > 20) lines.push(`  … and ${c.gaps.length - 20} more (--json lists them all)`);
  lines.push('', 'Recommendations:');
  if (!c.recommendations.length) lines.push('  none');
  c.recommendations.forEach((r, i) => {
    lines.push(`  ${i + 1}. ${[r.personaLabel, r.emotionLabel, r.topicLabel].filter(Boolean).join(' + ')}: ${r.count} conversation${r.count === 1 ? '' : 's'} — recommended ${r.min}–${r.target} [${r.key}]`);
    lines.push(`     ${r.reason}`);
  });
  if (c.chunkRecommendation) lines.push(`  * ${c.chunkRecommendation.title} [${c.chunkRecommendation.key}]: ${c.chunkRecommendation.reason}`);
  if (c.recommendations.length || c.chunkRecommendation) lines.push('', 'Plan them with `convgen coverage plan` (add --generate to start the run).');
  return lines.join('\n');
}

/** `convgen coverage`: the coverage report and its recommendations; `convgen coverage plan`: Generate Recommended. */
export function coverageCommand(): Command {
  const command = new Command('coverage')
    .description('Show how conversations are spread over personas and emotions, the gaps, and what to generate next')
    .addOption(scopeOption())
    .option('--json', 'print the whole report as JSON')
    .action(async (opts: { scope: string; json?: boolean }) => {
      const report = await apiClient().get<CoverageReport>(`/api/coverage?scope=${encodeURIComponent(opts.scope)}`);
      console.log(opts.json ? JSON.stringify(report, null, 2) : describeCoverage(report));
    });
  command
    .command('plan')
    .description('Generate Recommended: plan the missing slots of the recommendations (the five shown, or --keys) and optionally start generating them')
    .addOption(scopeOption())
    .option('--keys <keys>', 'recommendation keys, comma-separated (from `convgen coverage`), such as gap:anxious_investor:fear', parseList)
    .option('--confidence-above <n>', 'draw only from chunks whose confidence is above this (0–10)', parseConfidence)
    .option('--generate', 'start a run for the planned conversations at once')
    .action(async (opts: { scope: string; keys?: string[]; confidenceAbove?: number; generate?: boolean }) => {
      const api = apiClient();
      const plan = await api.post<PlanRecommendedResult>('/api/coverage/recommendations/plan', {
        scope: opts.scope,
        ...(opts.keys ? { keys: opts.keys } : {}),
        ...(opts.confidenceAbove === undefined ? {} : { chunkConfidenceAbove: opts.confidenceAbove }),
      });
      for (const item of plan.items) console.log(`${item.label}: ${item.planned} planned${item.waiting ? `, ${item.waiting} already waiting` : ''}`);
      for (const w of plan.warnings) console.log(`note: ${w}`);
      console.log(`Planned ${plan.created} new conversation${plan.created === 1 ? '' : 's'}; ${plan.conversationIds.length} to generate.`);
      if (!plan.conversationIds.length) return;
      if (!opts.generate) {
        console.log('Generate them with `convgen coverage plan --generate` next time, or from the Conversations page (they are "Not generated").');
        return;
      }
      const run = await api.post<{ runId: string; total: number }>('/api/runs', { conversationIds: plan.conversationIds });
      console.log(`Run ${run.runId} started for ${run.total} conversations: follow it with \`convgen runs\`.`);
    });
  return command;
}

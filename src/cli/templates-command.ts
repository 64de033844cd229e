import { Command } from 'commander';
import type { TemplateDetail, TemplateList, TemplateTestResult, TemplateVersionList } from '../contract/templates';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';

const quality = (q: number | null) => (q === null ? '—' : q.toFixed(1));
const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** A template by id or by key, so scripts can name templates the way people do. */
async function resolveId(api: ReturnType<typeof apiClient>, ref: string): Promise<string> {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) return ref;
  const { items } = await api.get<TemplateList>('/api/templates');
  const found = items.find((t) => t.key === ref);
  if (!found) throw new AppError({ code: 'not_found', message: `There is no template "${ref}".`, hint: 'Run `convgen templates list` to see the ids and keys there are.' });
  return found.id;
}

const versionOf = (raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new AppError({ code: 'invalid_argument', message: `"${raw}" is not a version number.`, hint: 'Give a whole number from 1, e.g. --version 2.' });
  return n;
};

/** `convgen templates list | show ID | versions ID | test ID [--version N] | activate ID --version N`, through the running server's API. */
export function templatesCommand(): Command {
  const templates = new Command('templates').description('List, inspect, test and activate prompt templates');
  templates
    .command('list')
    .description('every template with tier, active and newest version, usage, quality and approval')
    .action(async () => {
      const { items } = await apiClient().get<TemplateList>('/api/templates');
      if (!items.length) console.log('No templates yet: create one on the Templates page.');
      for (const t of items) {
        const version = `v${t.currentVersion}${t.hasDraft ? ` (draft v${t.latestVersion})` : ''}`;
        console.log(`${t.key.padEnd(32)} ${t.tier.padEnd(10)} ${version.padEnd(16)} ${(t.active ? 'active' : 'off').padEnd(7)} ${String(t.usage.generated).padStart(6)} made  quality ${quality(t.usage.averageQuality).padStart(4)}  approval ${rate(t.usage.approvalRate).padStart(4)}  ${t.name}`);
      }
    });
  templates
    .command('show')
    .argument('<id>', 'template id or key')
    .description("a template's details and its active text")
    .action(async (ref: string) => {
      const api = apiClient();
      const t = await api.get<TemplateDetail>(`/api/templates/${await resolveId(api, ref)}`);
      console.log(`${t.name} (${t.key}, ${t.id})`);
      console.log(`Tier ${t.tier}${t.arcKey ? `, arc ${t.arcKey}` : ''}; ${t.active ? 'active' : 'off'}; active version v${t.currentVersion}${t.draft ? `, draft v${t.draft.version}` : ''}`);
      console.log(`${t.usage.generated} conversations, quality ${quality(t.usage.averageQuality)}, approval ${rate(t.usage.approvalRate)}; ${t.conversationCount} planned or made with it`);
      if (t.description) console.log(t.description);
      console.log(`\n--- v${t.currentVersion} ---\n${t.body}`);
    });
  templates
    .command('versions')
    .argument('<id>', 'template id or key')
    .description('every version with author, note, date and usage')
    .action(async (ref: string) => {
      const api = apiClient();
      const { items } = await api.get<TemplateVersionList>(`/api/templates/${await resolveId(api, ref)}/versions`);
      for (const v of items) {
        console.log(`v${String(v.version).padEnd(4)} ${v.createdAt.slice(0, 16).replace('T', ' ')}  ${(v.createdBy?.name ?? 'built in').padEnd(20)} ${(v.active ? 'active' : '').padEnd(7)}${v.tested ? 'tested ' : '       '}${String(v.usage.generated).padStart(6)} made  ${v.notes ?? ''}`);
      }
    });
  templates
    .command('test')
    .argument('<id>', 'template id or key')
    .option('--version <n>', 'the version to test (the newest by default)')
    .description('send one test request and print the conversation and its score (nothing is added to the dataset)')
    .action(async (ref: string, options: { version?: string }) => {
      const api = apiClient();
      const id = await resolveId(api, ref);
      const r = await api.post<TemplateTestResult>(`/api/templates/${id}/test`, { version: versionOf(options.version) });
      console.log(`Tested v${r.version} with ${r.provider} ${r.model} in ${((r.durationMs ?? 0) / 1000).toFixed(1)} s ($${(r.costUsd ?? 0).toFixed(4)}).`);
      console.log(`Sample: ${Object.values(r.slot.labels).join(' · ')}`);
      for (const turn of r.conversation.turns) console.log(`\n${turn.role.toUpperCase()}: ${turn.content}`);
      console.log(`\nQuality ${quality(r.qualityScore)}; the active version v${r.baselineVersion} averages ${quality(r.baselineQuality)} over ${r.baselineCount} conversation(s).`);
      console.log(`Test ${r.id}: keep it in the dataset on the Templates page, or POST /api/templates/${id}/tests/${r.id}/keep.`);
    });
  templates
    .command('activate')
    .argument('<id>', 'template id or key')
    .requiredOption('--version <n>', 'the version generation should use (an older one rolls back)')
    .description('make a version the active one and turn the template on')
    .action(async (ref: string, options: { version: string }) => {
      const api = apiClient();
      const t = await api.post<TemplateDetail>(`/api/templates/${await resolveId(api, ref)}/activate`, { version: versionOf(options.version) });
      console.log(`${t.name} now uses v${t.currentVersion}.`);
    });
  return templates;
}

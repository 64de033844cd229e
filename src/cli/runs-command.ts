import { Command } from 'commander';
import type { RunEventPage, RunList, RunProgress } from '../contract/runs';
import { apiClient } from './api-client';
import { follow } from './generate-command';
import { progressLine } from './progress-line';

export function runsCommand(): Command {
  const runs = new Command('runs')
    .description('List recent runs, or control one: runs cancel|pause|resume|watch|log ID')
    .action(async () => {
      const { items } = await apiClient().get<RunList>('/api/runs');
      if (!items.length) console.log('No runs yet.');
      for (const run of items) console.log(`${run.id}  ${run.createdAt.slice(0, 16).replace('T', ' ')}  ${run.kind.padEnd(9)} ${progressLine(run, 12)}`);
    });
  for (const action of ['cancel', 'pause', 'resume'] as const) {
    runs
      .command(action)
      .argument('<id>', 'run id')
      .description(`${action} a run`)
      .action(async (id: string) => {
        const run = await apiClient().post<RunProgress>(`/api/runs/${id}/${action}`);
        console.log(`Run ${run.id} is ${run.status}. ${progressLine(run, 12)}`);
      });
  }
  runs
    .command('watch')
    .argument('<id>', 'run id')
    .description('follow a run until it ends')
    .action(async (id: string) => {
      await follow(apiClient(), id);
    });
  runs
    .command('log')
    .argument('<id>', 'run id')
    .option('--json', 'print the log as JSON')
    .description("show a run's log: conversations it generated but could not judge, and what to do")
    .action(async (id: string, opts: { json?: boolean }) => {
      const log = await apiClient().get<RunEventPage>(`/api/runs/${id}/events`);
      if (opts.json) return console.log(JSON.stringify(log, null, 2));
      if (!log.items.length) return console.log('Nothing to report: every conversation this run generated was stored as asked.');
      for (const e of log.items) console.log(`${e.createdAt.slice(0, 19).replace('T', ' ')}  ${e.message}\n  ${e.hint}`);
      if (log.total > log.items.length) console.log(`(the newest ${log.items.length} of ${log.total})`);
    });
  return runs;
}

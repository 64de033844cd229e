import { Command } from 'commander';
import type { RunList, RunProgress } from '../contract/runs';
import { apiClient } from './api-client';
import { follow } from './generate-command';
import { progressLine } from './progress-line';

export function runsCommand(): Command {
  const runs = new Command('runs')
    .description('List recent runs, or control one: runs cancel|pause|resume|watch ID')
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
  return runs;
}

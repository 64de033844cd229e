import { Command } from 'commander';
import type { RunProgress } from '../contract/runs';
import { regenerateRequest, type RegenerateResult } from '../contract/regenerate';
import { AppError } from '../core/errors';
import { apiClient } from './api-client';
import { follow } from './generate-command';

/**
 * `convgen regenerate conv-00012 --guidance "…"`: rejects the conversation with the note and
 * generates a new one for the same slot with the note as guidance in its prompt.
 */
export function regenerateCommand(): Command {
  return new Command('regenerate')
    .description('Reject a conversation with a note and generate a new one for the same slot, the note given as guidance (CONVGEN_URL, CONVGEN_API_TOKEN)')
    .argument('<id>', 'the conversation to reject (conv-00012)')
    .requiredOption('--guidance <text>', 'what was wrong and what the new version should do (at most 500 characters)')
    .option('--wait', 'follow the new generation until it ends')
    .action(async (id: string, o: { guidance: string; wait?: boolean }) => {
      const body = regenerateRequest.safeParse({ guidance: o.guidance });
      if (!body.success) throw new AppError({ code: 'invalid_arguments', message: `--guidance ${body.error.issues[0].message}.`, hint: 'Say in a sentence what was wrong, e.g. --guidance "Stay on the emergency fund; no tax advice".' });
      const api = apiClient();
      const result = await api.post<RegenerateResult>(`/api/conversations/${encodeURIComponent(id)}/regenerate-with-guidance`, body.data);
      console.log(result.message);
      if (!o.wait || !result.runId) return;
      const final: RunProgress = await follow(api, result.runId);
      console.log(final.succeeded ? `${result.conversationId} generated.` : `${result.conversationId} ${final.status}${final.error ? `: ${final.error}` : ''}.`);
      if (!final.succeeded) process.exitCode = 1;
    });
}

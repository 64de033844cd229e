/**
 * The token worker thread: loads base models' tokenizers and counts conversations with them, so
 * neither the synchronous tokenizer load (seconds) nor the counting holds the server's event loop.
 * It keeps no database: the server sends turns and stores the counts it gets back.
 * Started by token-worker-client.ts; compiled as its own entry beside the CLI (bin/convgen.js).
 */
import { parentPort } from 'node:worker_threads';
import { findBaseModel } from './base-models';
import { countTokens } from './token-count';
import type { TokenWorkerReply, TokenWorkerRequest } from './token-worker-protocol';
import { isLoaded, loadModel } from './tokenizers';

async function answer(request: TokenWorkerRequest): Promise<TokenWorkerReply> {
  const model = findBaseModel(request.model);
  if (!model) return { id: request.id, ok: false, error: `Unknown base model '${request.model}'.` };
  const wasLoaded = isLoaded(model.id);
  const { template, encoder, loadMs } = await loadModel(model);
  if (request.kind === 'load') return { id: request.id, ok: true, loadMs: wasLoaded ? 0 : loadMs, counts: [] };
  const counts = request.conversations.map((turns) => countTokens(template, encoder, turns, request.systemPrompt, request.fold));
  return { id: request.id, ok: true, loadMs: 0, counts };
}

// Requests are answered one at a time, in order: counting is synchronous anyway, and a load
// finishes before the counts that need it.
let queue = Promise.resolve();
parentPort!.on('message', (request: TokenWorkerRequest) => {
  queue = queue.then(async () => {
    let reply: TokenWorkerReply;
    try {
      reply = await answer(request);
    } catch (err) {
      reply = { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(reply);
  });
});

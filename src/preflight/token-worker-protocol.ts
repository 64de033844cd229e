import type { BaseModelId } from './base-models';
import type { TokenCount } from './token-count';

export type Turns = readonly { role: string; content: string }[];

/** What the server asks the token worker: load a model's tokenizer, or count conversations with it. */
export type TokenWorkerRequest =
  | { id: number; kind: 'load'; model: BaseModelId }
  | { id: number; kind: 'count'; model: BaseModelId; conversations: Turns[]; systemPrompt?: string; fold: boolean };

/** The answer to request `id`: the load's time (0 when it was loaded already), or one count per conversation. */
export type TokenWorkerReply =
  | { id: number; ok: true; loadMs: number; counts: TokenCount[] }
  | { id: number; ok: false; error: string };

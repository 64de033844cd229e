/**
 * The base models trainer preflight knows, by id: one list for the settings' validation (contract)
 * and the registry of their tokenizer packages (src/preflight/base-models.ts).
 */
export const BASE_MODEL_IDS = ['llama-3.1', 'qwen-3', 'gemma-3'] as const;
export type BaseModelId = (typeof BASE_MODEL_IDS)[number];

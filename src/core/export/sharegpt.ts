import { chatMessages, checkConversation, lineMetadata, type ConversationRules, type LineMetadata } from './checks';
import type { ExportFormat, ExportOptions, ExportRecord } from './record';

export interface ShareGptMessage {
  from: 'system' | 'human' | 'gpt';
  value: string;
}
export interface ShareGptLine {
  conversations: ShareGptMessage[];
  metadata?: LineMetadata;
}

const RULES: ConversationRules = {
  target: 'ShareGPT (LLaMA-Factory, Axolotl)',
  // LLaMA-Factory skips an example whose human/gpt turns do not alternate from human or whose
  // message count is odd (it must end with gpt).
  alternate: true,
  userFirst: true,
  assistantLast: true,
  needsAssistant: true,
};

const FROM: Record<string, ShareGptMessage['from']> = { user: 'human', assistant: 'gpt' };

function toLine(record: ExportRecord, options?: ExportOptions): ShareGptLine {
  const { system, turns } = chatMessages(record, options);
  const conversations: ShareGptMessage[] = [];
  if (system !== undefined) conversations.push({ from: 'system', value: system });
  for (let i = 0; i < turns.length; i++) {
    const { role, content } = turns[i];
    conversations.push({ from: FROM[role] ?? (role as ShareGptMessage['from']), value: content });
  }
  return options?.includeMetadata ? { conversations, metadata: lineMetadata(record) } : { conversations };
}

/** ShareGPT JSONL as LLaMA-Factory and Axolotl read it: `{"conversations":[{"from","value"}…]}`. */
export const sharegptFormat: ExportFormat<ShareGptLine> = {
  id: 'sharegpt',
  label: 'ShareGPT (LLaMA-Factory, Axolotl)',
  extension: 'jsonl',
  metadataPlacement: 'inline',
  description:
    'ShareGPT JSONL: one {"conversations": [{"from": "system"|"human"|"gpt", "value"}, ...]} object per line, as LLaMA-Factory and Axolotl read it; comes with a dataset_info.json entry for LLaMA-Factory.',
  toLine,
  validate: (record, options) => checkConversation(record, options, RULES),
};

export interface ShareGptDatasetInfo {
  file_name: string;
  formatting: 'sharegpt';
  columns: { messages: 'conversations' };
  tags: { role_tag: 'from'; content_tag: 'value'; user_tag: 'human'; assistant_tag: 'gpt'; system_tag: 'system' };
}

/**
 * The `dataset_info.json` entry LLaMA-Factory needs for the exported file (keys as its
 * data/README documents them); the system prompt travels as the first "system" message,
 * which `system_tag` picks up.
 */
export function sharegptDatasetInfo(name: string, fileName: string): Record<string, ShareGptDatasetInfo> {
  return {
    [name]: {
      file_name: fileName,
      formatting: 'sharegpt',
      columns: { messages: 'conversations' },
      tags: { role_tag: 'from', content_tag: 'value', user_tag: 'human', assistant_tag: 'gpt', system_tag: 'system' },
    },
  };
}

/**
 * The name a data file is registered under in `dataset_info.json`: its name without the
 * extension, with anything but ASCII letters, digits and "_" made "_" (LLaMA-Factory looks the
 * names of `dataset` and `eval_dataset` up as they are, and splits them at commas).
 */
export function llamaFactoryName(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9_]/g, '_');
}

/** What the dataset card tells LLaMA-Factory and what `dataset_info.json` defines: one source for both. */
export interface LlamaFactoryRegistration {
  /** The `dataset:` name (the train file). */
  dataset: string;
  /** The `eval_dataset:` name (the validation file), when there is one. */
  evalDataset: string | null;
  /** The whole `dataset_info.json`: one entry per data file, `file_name` relative to `dataset_dir`. */
  info: Record<string, ShareGptDatasetInfo>;
}

export function llamaFactoryRegistration(files: { train: string; validation?: string | null }): LlamaFactoryRegistration {
  const dataset = llamaFactoryName(files.train);
  const evalDataset = files.validation ? llamaFactoryName(files.validation) : null;
  return {
    dataset,
    evalDataset,
    info: { ...sharegptDatasetInfo(dataset, files.train), ...(files.validation && evalDataset ? sharegptDatasetInfo(evalDataset, files.validation) : {}) },
  };
}

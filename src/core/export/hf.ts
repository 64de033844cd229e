import { chatMessages, checkConversation, lineMetadata, type ConversationRules, type LineMetadata } from './checks';
import type { ExportFormat, ExportOptions, ExportRecord } from './record';

export interface HfMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
export interface HfLine {
  messages: HfMessage[];
  metadata?: LineMetadata;
}

const RULES: ConversationRules = {
  target: 'TRL chat training',
  // TRL itself takes any order, but many models' chat templates (Mistral, Gemma, Llama 2)
  // raise on roles that do not alternate, and a final user turn trains nothing.
  alternate: true,
  userFirst: true,
  assistantLast: true,
  needsAssistant: true,
};

function toLine(record: ExportRecord, options?: ExportOptions): HfLine {
  const { system, turns } = chatMessages(record, options);
  const messages = system === undefined ? (turns as HfMessage[]) : [{ role: 'system' as const, content: system }, ...(turns as HfMessage[])];
  return options?.includeMetadata ? { messages, metadata: lineMetadata(record) } : { messages };
}

/** Hugging Face datasets / TRL conversational JSONL: `{"messages":[{"role","content"}…]}`. */
export const hfFormat: ExportFormat<HfLine> = {
  id: 'hf',
  label: 'Hugging Face (TRL)',
  extension: 'jsonl',
  metadataPlacement: 'inline',
  description:
    'Hugging Face conversational JSONL: one {"messages": [{"role", "content"}, ...]} object per line, loadable with datasets.load_dataset("json") and trainable with TRL\'s SFTTrainer.',
  toLine,
  validate: (record, options) => checkConversation(record, options, RULES),
};

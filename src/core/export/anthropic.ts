import { chatMessages, checkConversation, type ConversationRules } from './checks';
import type { ExportFormat, ExportOptions, ExportRecord } from './record';

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string;
}
export interface AnthropicLine {
  system?: string;
  messages: AnthropicMessage[];
}

/**
 * The limit per training record for Claude 3 Haiku fine-tuning on Bedrock as we understand it;
 * the option overrides it.
 */
export const ANTHROPIC_MAX_TOKENS_PER_EXAMPLE = 32_000;

const RULES: ConversationRules = {
  target: 'Claude fine-tuning on Amazon Bedrock',
  alternate: true,
  userFirst: true,
  assistantLast: true,
  needsAssistant: true,
  tokenLimit: { max: ANTHROPIC_MAX_TOKENS_PER_EXAMPLE, model: 'Claude 3 Haiku fine-tuning on Bedrock' },
};

function toLine(record: ExportRecord, options?: ExportOptions): AnthropicLine {
  const { system, turns } = chatMessages(record, options);
  const messages = turns as AnthropicMessage[];
  return system === undefined ? { messages } : { system, messages };
}

/**
 * Claude fine-tuning on Amazon Bedrock: `{"system"?, "messages":[…]}` per line, starting with the
 * user, ending with the assistant, strictly alternating, no other keys.
 */
export const anthropicFormat: ExportFormat<AnthropicLine> = {
  id: 'anthropic',
  label: 'Anthropic (Bedrock)',
  extension: 'jsonl',
  metadataPlacement: 'sidecar',
  description:
    'Claude fine-tuning JSONL for Amazon Bedrock: one {"system", "messages": [...]} object per line; messages start with the user, alternate, and end with the assistant.',
  toLine,
  validate: (record, options) => checkConversation(record, options, RULES),
};

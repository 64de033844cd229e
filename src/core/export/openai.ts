import { chatMessages, checkConversation, type ConversationRules } from './checks';
import type { ExportFormat, ExportOptions, ExportRecord } from './record';

export interface OpenAIMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  weight?: 0 | 1;
}
export interface OpenAILine {
  messages: OpenAIMessage[];
}

/** gpt-4o-mini's limit per training example; other models differ, hence the option. */
export const OPENAI_MAX_TOKENS_PER_EXAMPLE = 65_536;

const RULES: ConversationRules = {
  target: 'OpenAI fine-tuning',
  // OpenAI accepts any order of user and assistant messages; it trains on the assistant ones.
  alternate: false,
  userFirst: false,
  assistantLast: false,
  needsAssistant: true,
  tokenLimit: { max: OPENAI_MAX_TOKENS_PER_EXAMPLE, model: 'gpt-4o-mini' },
};

function toLine(record: ExportRecord, options?: ExportOptions): OpenAILine {
  const messages: OpenAIMessage[] = [];
  const { system, turns } = chatMessages(record, options);
  if (system !== undefined) messages.push({ role: 'system', content: system });
  let lastAssistant = -1;
  if (options?.weights === 'last') {
    for (let i = turns.length - 1; i >= 0; i--) {
      if (turns[i].role === 'assistant') {
        lastAssistant = i;
        break;
      }
    }
  }
  for (let i = 0; i < turns.length; i++) {
    // chatMessages made fresh objects, so they can be written as they are.
    const message = turns[i] as OpenAIMessage;
    if (options?.weights && message.role === 'assistant') {
      message.weight = options.weights === 'all' || i === lastAssistant ? 1 : 0;
    }
    messages.push(message);
  }
  return { messages };
}

/**
 * OpenAI chat fine-tuning JSONL: `{"messages":[…]}` per line, no other keys (metadata, when
 * asked for, goes to a sidecar file).
 */
export const openaiFormat: ExportFormat<OpenAILine> = {
  id: 'openai',
  label: 'OpenAI',
  extension: 'jsonl',
  metadataPlacement: 'sidecar',
  description:
    'OpenAI chat fine-tuning JSONL: one {"messages": [...]} object per line with system, user and assistant messages, ready to upload for fine-tuning gpt-4o-mini and similar models.',
  toLine,
  validate: (record, options) => checkConversation(record, options, RULES),
};

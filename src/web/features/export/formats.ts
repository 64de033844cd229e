import type { FormatId } from '../../../core/export/record';

/** What the export dialog says about each format: who reads it. */
export const FORMAT_CHOICES: { id: FormatId; label: string; hint: string }[] = [
  { id: 'openai', label: 'OpenAI', hint: 'Chat fine-tuning JSONL for the OpenAI API ({"messages": […]}).' },
  { id: 'anthropic', label: 'Anthropic (Bedrock)', hint: 'Claude fine-tuning on Amazon Bedrock: {"system", "messages"}, user first, alternating.' },
  { id: 'sharegpt', label: 'ShareGPT', hint: 'For LLaMA-Factory and Axolotl ({"conversations": [{"from", "value"}]}), with a dataset_info.json entry in the zip.' },
  { id: 'hf', label: 'Hugging Face', hint: 'TRL / datasets conversational JSONL ({"messages": […]}).' },
  { id: 'json', label: 'Generic JSON', hint: 'One JSON document: statistics first, then every conversation with its metadata.' },
];

import type { FormatId } from '../../../core/export/record';

/** What the export dialog says about each format: who reads it. */
export const FORMAT_CHOICES: { id: FormatId; label: string; hint: string }[] = [
  { id: 'openai', label: 'OpenAI', hint: 'Chat fine-tuning JSONL for the OpenAI API ({"messages": […]}).' },
  { id: 'anthropic', label: 'Anthropic (Bedrock)', hint: 'Claude fine-tuning on Amazon Bedrock: {"system", "messages"}, user first, alternating.' },
  { id: 'sharegpt', label: 'ShareGPT', hint: 'For LLaMA-Factory and Axolotl ({"conversations": [{"from", "value"}]}), with a dataset_info.json entry in the zip.' },
  { id: 'hf', label: 'Hugging Face', hint: 'TRL / datasets conversational JSONL ({"messages": […]}).' },
  { id: 'json', label: 'Generic JSON', hint: 'One JSON document: statistics first, then every conversation with its metadata.' },
];

/** Where "Include metadata" puts it for each format: said in the dialog, since it differs. */
export function metadataHint(format: FormatId): string {
  switch (format) {
    case 'sharegpt':
    case 'hf':
      return 'Adds a "metadata" object (id, tier, dimensions, quality, model, date) to every line; trainers read only the conversation.';
    case 'openai':
      return 'OpenAI refuses extra keys in training lines, so the metadata goes to a …-metadata.jsonl file beside the data (line N describes line N); the download becomes a zip.';
    case 'anthropic':
      return 'Bedrock refuses extra keys in training records, so the metadata goes to a …-metadata.jsonl file beside the data (line N describes line N); the download becomes a zip.';
    case 'json':
      return 'The generic JSON always includes every conversation\'s metadata.';
  }
}

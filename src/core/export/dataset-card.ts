import { TIER_LABELS, type Tier } from '../tiers';
import { formatNumber } from './checks';
import { EXPORT_FORMATS } from './formats';
import { SCORE_BUCKETS, type CountEntry, type ExportMetadata } from './metadata';
import type { FormatId } from './record';
import { sharegptDatasetInfo } from './sharegpt';

export interface DatasetCardOptions {
  /** The card's title; defaults to "Training conversations". */
  title?: string;
  description?: string;
  /** The name to register the dataset under (LLaMA-Factory's dataset_info.json). */
  datasetName?: string;
  /** The data files beside the card, as named in the archive. */
  files: { train: string; validation?: string | null };
}

/** A table cell: user-given labels must not break the table. */
const cell = (value: unknown) => String(value ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');

const percent = (n: number, total: number) => (total ? `${Math.round((n / total) * 1000) / 10}%` : '–');

/** A markdown table; the last `numeric` columns are right-aligned. */
function table(head: string[], rows: unknown[][], numeric = head.length - 1): string {
  const align = head.map((_, i) => (i >= head.length - numeric ? '---:' : '---'));
  const lines = [`| ${head.map(cell).join(' | ')} |`, `| ${align.join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

function countTable(dimension: string, list: CountEntry[], total: number): string {
  if (list.length === 0) return '';
  return `### By ${dimension.toLowerCase()}\n\n${table(
    [dimension, 'Key', 'Conversations', 'Share'],
    list.map((e) => [e.label ?? e.key, e.key, formatNumber(e.count), percent(e.count, total)]),
    2,
  )}`;
}

const py = (s: string) => JSON.stringify(s);

function howToLoad(format: FormatId, options: DatasetCardOptions): string {
  const { train, validation } = options.files;
  const name = options.datasetName ?? 'convgen_conversations';
  switch (format) {
    case 'openai':
      return [
        'Upload the files and start a fine-tuning job with the OpenAI Python SDK:',
        '',
        '```python',
        'from openai import OpenAI',
        '',
        'client = OpenAI()',
        `train = client.files.create(file=open(${py(train)}, "rb"), purpose="fine-tune")`,
        ...(validation ? [`validation = client.files.create(file=open(${py(validation)}, "rb"), purpose="fine-tune")`] : []),
        'job = client.fine_tuning.jobs.create(',
        '    model="gpt-4o-mini-2024-07-18",',
        '    training_file=train.id,',
        ...(validation ? ['    validation_file=validation.id,'] : []),
        ')',
        '```',
      ].join('\n');
    case 'anthropic':
      return [
        'Copy the files to S3 and create a model customization job on Amazon Bedrock (replace the placeholders):',
        '',
        '```python',
        'import boto3',
        '',
        'bedrock = boto3.client("bedrock", region_name="us-west-2")',
        'bedrock.create_model_customization_job(',
        '    jobName="<job-name>",',
        '    customModelName="<model-name>",',
        '    roleArn="<role-arn-that-can-read-the-bucket>",',
        '    baseModelIdentifier="anthropic.claude-3-haiku-20240307-v1:0:200k",',
        '    customizationType="FINE_TUNING",',
        `    trainingDataConfig={"s3Uri": "s3://<bucket>/${train}"},`,
        ...(validation ? [`    validationDataConfig={"validators": [{"s3Uri": "s3://<bucket>/${validation}"}]},`] : []),
        '    outputDataConfig={"s3Uri": "s3://<bucket>/output/"},',
        '    hyperParameters={"epochCount": "2"},',
        ')',
        '```',
      ].join('\n');
    case 'sharegpt': {
      const info = {
        ...sharegptDatasetInfo(name, train),
        ...(validation ? sharegptDatasetInfo(`${name}_validation`, validation) : {}),
      };
      return [
        `**LLaMA-Factory**: copy the files into its \`data/\` folder, add this entry to \`data/dataset_info.json\` and set \`dataset: ${name}\`` +
          (validation ? ` (and \`eval_dataset: ${name}_validation\`)` : '') +
          ' in your training YAML.',
        '',
        '```json',
        JSON.stringify(info, null, 2),
        '```',
        '',
        '**Axolotl**:',
        '',
        '```yaml',
        'datasets:',
        `  - path: ${train}`,
        '    ds_type: json',
        '    type: chat_template',
        '    field_messages: conversations',
        '    message_property_mappings:',
        '      role: from',
        '      content: value',
        '```',
      ].join('\n');
    }
    case 'hf':
      return [
        'Load with 🤗 Datasets and train with TRL:',
        '',
        '```python',
        'from datasets import load_dataset',
        'from trl import SFTTrainer',
        '',
        `data = load_dataset("json", data_files={"train": ${py(train)}${validation ? `, "validation": ${py(validation)}` : ''}})`,
        'trainer = SFTTrainer(',
        '    model="<base-model>",',
        '    train_dataset=data["train"],',
        ...(validation ? ['    eval_dataset=data["validation"],'] : []),
        ')',
        'trainer.train()',
        '```',
      ].join('\n');
    case 'json':
      return [
        'One JSON document with a `metadata` object and a `conversations` array:',
        '',
        '```python',
        'import json',
        '',
        `with open(${py(train)}) as f:`,
        '    conversations = json.load(f)["conversations"]',
        '```',
      ].join('\n');
  }
}

/**
 * README.md for the export (a dataset card): what it is, how to load it with the target
 * trainer, its statistics and splits, how it was generated, and a license the user must fill in.
 */
export function datasetCard(metadata: ExportMetadata, options: DatasetCardOptions): string {
  const format = EXPORT_FORMATS[metadata.settings.format];
  const total = metadata.conversationCount;
  const title = options.title?.trim() || 'Training conversations';
  const models = metadata.byModel.map((m) => m.model);
  const sections: string[] = [];

  sections.push(`# ${title}`);
  sections.push(
    options.description?.trim() ||
      `${formatNumber(total)} synthetic multi-turn conversations${metadata.settings.approvedOnly ? ', each approved by a reviewer,' : ''} for fine-tuning a chat model, exported by convgen.`,
  );

  const summary: unknown[][] = [
    ['Conversations', formatNumber(total)],
    ['Format', `${format.label} (.${format.extension})`],
    ['Average quality score', metadata.averageQuality === null ? 'not scored' : `${metadata.averageQuality} / 10`],
    ['Turns', `${formatNumber(metadata.turns.total)} (${metadata.turns.average ?? 0} per conversation on average)`],
    ['Approved only', metadata.settings.approvedOnly ? 'yes' : 'no'],
    ['Exported', metadata.exportDate],
  ];
  sections.push(`## Summary\n\n${table(['', 'Value'], summary, 0)}`);

  sections.push(`## Format\n\n${format.description}\n\n${howToLoad(format.id, options)}`);

  const files: unknown[][] = [];
  if (metadata.splits && options.files.validation) {
    files.push([options.files.train, 'train', formatNumber(metadata.splits.train)]);
    files.push([options.files.validation, 'validation', formatNumber(metadata.splits.validation)]);
  } else {
    files.push([options.files.train, 'train', formatNumber(total)]);
  }
  const splitNote = metadata.settings.validationFraction !== null
    ? `\n\nConversations were assigned to a split by a hash of seed \`${metadata.settings.seed}\`, tier and id (validation fraction ${metadata.settings.validationFraction}), so every tier is split in about the same proportion and re-exporting with the same seed puts each conversation in the same split.`
    : '';
  sections.push(`## Splits\n\n${table(['File', 'Split', 'Conversations'], files, 1)}${splitNote}`);

  const stats: string[] = ['## Statistics'];
  stats.push(
    `### Quality scores\n\n${table(
      ['Score', 'Conversations', 'Share'],
      [...SCORE_BUCKETS, 'unscored' as const].map((b) => [b, formatNumber(metadata.scoreDistribution[b]), percent(metadata.scoreDistribution[b], total)]),
      2,
    )}`,
  );
  stats.push(
    `### By tier\n\n${table(
      ['Tier', 'Conversations', 'Share'],
      Object.entries(metadata.byTier).map(([tier, n]) => [TIER_LABELS[tier as Tier] ?? tier, formatNumber(n), percent(n, total)]),
      2,
    )}`,
  );
  stats.push(countTable('Persona', metadata.byPersona, total));
  stats.push(countTable('Emotion', metadata.byEmotion, total));
  sections.push(stats.filter(Boolean).join('\n\n'));

  const generation: string[] = [
    `- Generated by: ${models.length ? models.map((m) => `\`${m}\``).join(', ') : 'unknown'}` +
      (models.includes('offline') ? ' (`offline` is convgen\'s built-in generator: no language model was called)' : ''),
    `- Generated between: ${metadata.dateRange.from ?? 'unknown'} and ${metadata.dateRange.to ?? 'unknown'}`,
    `- convgen version: ${metadata.version.system}; export format version: ${metadata.version.exportFormat}`,
    `- Filter: ${metadata.settings.filter ? `\`${JSON.stringify(metadata.settings.filter)}\`` : 'none'}`,
  ];
  if (metadata.settings.systemPrompt) generation.push(`- System prompt: written into every example (see the data files).`);
  if (metadata.settings.mergeConsecutive) generation.push('- Consecutive turns from the same role were joined with a blank line.');
  sections.push(
    `## Generation\n\n${generation.join('\n')}\n\nThe conversations are synthetic: written by a language model from source documents and dimension settings (persona, emotion, topic, intent, tone), scored automatically and reviewed in convgen. Read a sample before training on them.`,
  );

  sections.push(
    '## License\n\n> **TODO: fill in before sharing.** No license has been chosen for this dataset. State one here (for example CC-BY-4.0, or your organisation\'s internal terms), and check that it fits the terms of the source documents and of the model provider(s) that generated the conversations.',
  );

  return `${sections.join('\n\n')}\n`;
}

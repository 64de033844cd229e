import { TIER_LABELS, type Tier } from '../tiers';
import { formatNumber } from './checks';
import { EXPORT_FORMATS } from './formats';
import { SCORE_BUCKETS, type CountEntry, type ExportMetadata } from './metadata';
import type { FormatId } from './record';
import { llamaFactoryRegistration, type LlamaFactoryRegistration } from './sharegpt';

export interface DatasetCardOptions {
  /** The card's title; defaults to "Training conversations". */
  title?: string;
  description?: string;
  /**
   * The folder the archive unzips to, named in the card's LLaMA-Factory YAML as `dataset_dir`;
   * defaults to the train file's name without `-train` and the extension.
   */
  folder?: string;
  /** The data files beside the card, as named in the archive, and their metadata sidecars. */
  files: { train: string; validation?: string | null; metadata?: { train: string; validation?: string | null } | null };
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

function llamaFactoryYaml(registration: LlamaFactoryRegistration, folder: string): string {
  return [
    '```yaml',
    `dataset_dir: ${yamlString(folder)}  # the folder holding these files and dataset_info.json`,
    `dataset: ${registration.dataset}`,
    ...(registration.evalDataset ? [`eval_dataset: ${registration.evalDataset}`] : []),
    '```',
  ].join('\n');
}

/** A plain YAML scalar when safe, else a double-quoted one (JSON strings are valid YAML). */
const yamlString = (s: string) => (/^[A-Za-z0-9._/-]+$/.test(s) ? s : JSON.stringify(s));

function axolotlDataset(path: string, split: boolean): string[] {
  return [
    `  - path: ${yamlString(path)}`,
    '    ds_type: json',
    // A JSON file loads as one split named "train", whichever list it is in.
    ...(split ? ['    split: train'] : []),
    '    type: chat_template',
    '    field_messages: conversations',
    '    message_property_mappings:',
    '      role: from',
    '      content: value',
    '    roles:',
    '      user: ["human"]',
    '      assistant: ["gpt"]',
    '      system: ["system"]',
  ];
}

function howToLoad(format: FormatId, options: DatasetCardOptions): string {
  const { train, validation } = options.files;
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
      const registration = llamaFactoryRegistration({ train, validation });
      const folder = options.folder ?? train.replace(/(-train)?\.[A-Za-z0-9]+$/, '');
      return [
        '**LLaMA-Factory**: this folder is a dataset directory: its `dataset_info.json` registers ' +
          (validation ? 'both data files' : 'the data file') +
          '. Unzip the archive, then name the folder and the datasets in your training YAML:',
        '',
        llamaFactoryYaml(registration, folder),
        '',
        "Or copy the data files into LLaMA-Factory's `data/` folder and add these entries to its `data/dataset_info.json` (then leave `dataset_dir` out):",
        '',
        '```json',
        JSON.stringify(registration.info, null, 2),
        '```',
        '',
        '**Axolotl** (paths relative to where you run it):',
        '',
        '```yaml',
        'datasets:',
        ...axolotlDataset(train, false),
        ...(validation ? ['test_datasets:', ...axolotlDataset(validation, true)] : []),
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

/** Where the per-conversation metadata is, when it was asked for. */
function metadataNote(format: FormatId, options: DatasetCardOptions, included: boolean): string {
  if (!included) return '';
  const placement = EXPORT_FORMATS[format].metadataPlacement;
  if (placement === 'always') return '';
  if (placement === 'inline') {
    return '\n\nEvery line also carries a `metadata` object (conversation id, title, tier, persona, emotion, topic, intent, tone, quality score, model, generation date): loaders keep it as a column, and trainers read only the conversation.';
  }
  const sidecars = options.files.metadata;
  if (!sidecars) return '';
  const pairs = [`\`${sidecars.train}\` for \`${options.files.train}\``, ...(sidecars.validation && options.files.validation ? [`\`${sidecars.validation}\` for \`${options.files.validation}\``] : [])];
  return `\n\nThe training lines carry no other keys (${EXPORT_FORMATS[format].label} refuses them), so each conversation's metadata is in a sidecar file: ${pairs.join(' and ')}, line N describing line N of its data file. Upload only the data files.`;
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

  sections.push(`## Format\n\n${format.description}\n\n${howToLoad(format.id, options)}${metadataNote(format.id, options, metadata.settings.includeMetadata)}`);

  const files: unknown[][] = [];
  if (metadata.splits && options.files.validation) {
    files.push([options.files.train, 'train', formatNumber(metadata.splits.train)]);
    files.push([options.files.validation, 'validation', formatNumber(metadata.splits.validation)]);
  } else {
    files.push([options.files.train, 'train', formatNumber(total)]);
  }
  const { validationFraction, seed } = metadata.settings;
  let splitNote = '';
  if (metadata.splits && validationFraction !== null) {
    const share = `${Math.round(validationFraction * 1000) / 10}%`;
    const tiers = Object.entries(metadata.splits.byTier).map(([tier, n]) => [TIER_LABELS[tier as Tier] ?? tier, formatNumber(n.train), formatNumber(n.validation), percent(n.validation, n.train + n.validation)]);
    splitNote =
      `\n\nStratified by tier: validation holds ${share} of every tier, rounded so that its total is ${share} of the whole (each tier gets its share rounded down, and the conversations still missing go to the tiers with the largest remainders). Within a tier, the conversations with the lowest hash of seed \`${seed}\`, tier and id go to validation, so exporting the same conversations with the same seed gives the same split.` +
      (tiers.length ? `\n\n${table(['Tier', 'Train', 'Validation', 'Validation share'], tiers, 3)}` : '');
  }
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
  if (metadata.settings.systemPrompt) {
    generation.push(
      metadata.settings.foldSystemPrompt
        ? `- System prompt: written at the start of every example's first user message, followed by a blank line (for base models whose chat template refuses a system role).`
        : `- System prompt: written into every example as a system message (see the data files).`,
    );
  }
  if (metadata.settings.mergeConsecutive) generation.push('- Consecutive turns from the same role were joined with a blank line.');
  sections.push(
    `## Generation\n\n${generation.join('\n')}\n\nThe conversations are synthetic: written by a language model from source documents and dimension settings (persona, emotion, topic, intent, tone), scored automatically and reviewed in convgen. Read a sample before training on them.`,
  );

  sections.push(
    '## License\n\n> **TODO: fill in before sharing.** No license has been chosen for this dataset. State one here (for example CC-BY-4.0, or your organisation\'s internal terms), and check that it fits the terms of the source documents and of the model provider(s) that generated the conversations.',
  );

  return `${sections.join('\n\n')}\n`;
}

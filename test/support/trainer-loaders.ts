import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/**
 * The rules trainers' own loading code applies to an unzipped export, re-stated from their
 * documentation and source so a test can fail the way the trainer would, with its message.
 * `files` is the archive's content by name (as `unzip` returns it); the archive unzips to a
 * folder named like the zip without `.zip`, which is what a card's `dataset_dir` should say.
 */
export type Archive = Record<string, string>;

/** The YAML blocks of a markdown document, parsed. */
export function yamlBlocks(markdown: string): Record<string, unknown>[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parseYaml(m[1]) as Record<string, unknown>);
}

/** LLaMA-Factory reads `dataset: a, b` as a list of names, each stripped. */
const names = (value: unknown): string[] => (value === undefined || value === null ? [] : String(value).split(',').map((name) => name.trim()));

/** File types LLaMA-Factory loads from a local dataset file, by extension. */
const FILE_TYPES: Record<string, string> = { arrow: 'arrow', csv: 'csv', json: 'json', jsonl: 'json', parquet: 'parquet', txt: 'text' };

const SHAREGPT_TAGS = {
  role_tag: 'from',
  content_tag: 'value',
  user_tag: 'human',
  assistant_tag: 'gpt',
  observation_tag: 'observation',
  function_tag: 'function_call',
  system_tag: 'system',
};

export interface LoadedDataset {
  name: string;
  file: string;
  /** Examples that made it through the converter. */
  loaded: number;
  /** Examples the converter drops as "abnormal" (bad role order or an odd message count). */
  skipped: number;
}

export interface LlamaFactoryLoad {
  train: LoadedDataset[];
  eval: LoadedDataset[];
}

/**
 * Loads an export as LLaMA-Factory would from the training YAML its card gives: `dataset_dir`
 * must be the unzipped folder; every name in `dataset` and `eval_dataset` must be a key of
 * `dataset_info.json` there ("Undefined dataset … in dataset_info.json." otherwise); its
 * `file_name` is joined to `dataset_dir` and must be a file of a known type; and every record is
 * converted with the entry's `formatting`, `columns` and `tags` — a leading system message is
 * taken out, then messages must go user, assistant, user, … and end with the assistant, or the
 * example is skipped.
 */
export function loadWithLlamaFactory(files: Archive, folder: string): LlamaFactoryLoad {
  const card = files['README.md'];
  if (!card) throw new Error('The archive has no README.md (dataset card).');
  const config = yamlBlocks(card).find((block) => block && typeof block === 'object' && 'dataset' in block);
  if (!config) throw new Error('The dataset card gives no LLaMA-Factory YAML with a "dataset" key.');
  const datasetDir = String(config.dataset_dir ?? 'data');
  if (path.posix.normalize(datasetDir).replace(/\/$/, '') !== path.posix.normalize(folder).replace(/\/$/, '') && path.posix.basename(datasetDir) !== folder) {
    throw new Error(`The card's dataset_dir "${datasetDir}" is not the folder the archive unzips to ("${folder}").`);
  }
  const infoText = files['dataset_info.json'];
  if (infoText === undefined) throw new Error(`Cannot open ${datasetDir}/dataset_info.json.`);
  const info = JSON.parse(infoText) as Record<string, Record<string, unknown>>;
  const load = (name: string): LoadedDataset => {
    if (!(name in info)) throw new Error(`Undefined dataset ${name} in dataset_info.json.`);
    const entry = info[name];
    if ('hf_hub_url' in entry || 'ms_hub_url' in entry || 'script_url' in entry) throw new Error(`${name} is not a local file.`);
    const file = entry.file_name;
    if (typeof file !== 'string') throw new Error(`${name} has no file_name.`);
    // file_name is relative to dataset_dir; the archive's root is dataset_dir.
    const relative = path.posix.normalize(file);
    const text = files[relative];
    if (text === undefined) throw new Error(`File ${path.posix.join(datasetDir, file)} not found.`);
    const type = FILE_TYPES[relative.split('.').pop() ?? ''];
    if (!type) throw new Error(`Allowed file types: ${Object.keys(FILE_TYPES).join(',')}.`);
    const formatting = entry.formatting ?? 'alpaca';
    if (formatting !== 'sharegpt') throw new Error(`${name} is registered as ${String(formatting)}, not sharegpt.`);
    const columns = (entry.columns ?? {}) as Record<string, string>;
    const tags = { ...SHAREGPT_TAGS, ...((entry.tags ?? {}) as Record<string, string>) };
    const records = type === 'json' && relative.endsWith('.jsonl') ? jsonLines(text) : (JSON.parse(text) as unknown[]);
    if (records.length === 0) throw new Error(`${file} holds no examples.`);
    let loaded = 0;
    let skipped = 0;
    for (const record of records) {
      if (convertsCleanly(record as Record<string, unknown>, columns.messages ?? 'conversations', tags)) loaded++;
      else skipped++;
    }
    return { name, file, loaded, skipped };
  };
  return { train: names(config.dataset).map(load), eval: names(config.eval_dataset).map(load) };
}

function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
}

/** The sharegpt converter's checks for one example (not a preference one). */
function convertsCleanly(example: Record<string, unknown>, column: string, tags: typeof SHAREGPT_TAGS): boolean {
  let messages = example[column];
  if (!Array.isArray(messages)) throw new Error(`An example has no "${column}" list.`);
  if (messages.length > 0 && messages[0][tags.role_tag] === tags.system_tag) messages = messages.slice(1);
  const list = messages as Record<string, unknown>[];
  const odd = [tags.user_tag, tags.observation_tag];
  const even = [tags.assistant_tag, tags.function_tag];
  for (let i = 0; i < list.length; i++) {
    if (!(i % 2 === 0 ? odd : even).includes(list[i][tags.role_tag] as string)) return false;
    if (typeof list[i][tags.content_tag] !== 'string') return false;
  }
  return list.length % 2 === 0 && list.length > 0;
}

/**
 * Axolotl's `chat_template` datasets in the card: every `path` (of `datasets` and
 * `test_datasets`) is a file of the archive, a JSON file's test split is named `train`, and
 * every record's `field_messages` list maps through `message_property_mappings` to a role its
 * `roles` know and text. Returns the number of records read per path.
 */
export function loadWithAxolotl(files: Archive): Record<string, number> {
  const card = files['README.md'];
  const config = yamlBlocks(card ?? '').find((block) => block && typeof block === 'object' && 'datasets' in block);
  if (!config) throw new Error('The dataset card gives no Axolotl YAML with "datasets".');
  const counts: Record<string, number> = {};
  const entries = [...((config.datasets as Record<string, unknown>[]) ?? []).map((e) => ({ e, test: false })), ...((config.test_datasets as Record<string, unknown>[]) ?? []).map((e) => ({ e, test: true }))];
  for (const { e, test } of entries) {
    const file = String(e.path);
    const text = files[file];
    if (text === undefined) throw new Error(`Axolotl dataset path ${file} is not in the archive.`);
    if (e.ds_type !== 'json') throw new Error(`${file}: ds_type is ${String(e.ds_type)}, not json.`);
    if (test && e.split !== 'train') throw new Error(`${file}: a JSON test dataset needs split: train.`);
    const mapping = (e.message_property_mappings ?? { role: 'role', content: 'content' }) as Record<string, string>;
    const roles = (e.roles ?? { user: ['user'], assistant: ['assistant'], system: ['system'] }) as Record<string, string[]>;
    const known = new Set(Object.values(roles).flat());
    const records = jsonLines(text);
    for (const record of records) {
      const messages = (record as Record<string, unknown>)[String(e.field_messages ?? 'messages')];
      if (!Array.isArray(messages) || messages.length === 0) throw new Error(`${file}: a record has no "${String(e.field_messages)}" list.`);
      for (const m of messages as Record<string, unknown>[]) {
        if (!known.has(m[mapping.role] as string)) throw new Error(`${file}: role ${JSON.stringify(m[mapping.role])} is not in roles.`);
        if (typeof m[mapping.content] !== 'string') throw new Error(`${file}: a message has no text under "${mapping.content}".`);
      }
    }
    counts[file] = records.length;
  }
  return counts;
}

/** Every data file name (`.jsonl` / `.json`) the card mentions, for checking they all exist. */
export function filesNamedByCard(card: string): string[] {
  return [...new Set([...card.matchAll(/[A-Za-z0-9][A-Za-z0-9._-]*\.jsonl?\b/g)].map((m) => m[0]))].filter((name) => name !== 'dataset_info.json' && name !== 'metadata.json');
}

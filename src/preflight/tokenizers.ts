import { createRequire } from 'node:module';
import { compileChatTemplate, type ChatTemplate } from './chat-render';
import { importTokenizerPackage, type BaseModelInfo, type BaseModelId } from './base-models';
import type { Encoder } from './token-count';

export type LoadedModel = { template: ChatTemplate; encoder: Encoder; loadMs: number };

const require = createRequire(import.meta.url);

/** Whether the model's package is installed, without loading its (large) vocabulary. */
export function isInstalled(model: BaseModelInfo): boolean {
  try {
    require.resolve(model.packageName);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loaded models, one promise each: a tokenizer takes seconds and 50–420 MB of heap to load, so
 * it loads at its first use and stays (concurrent first uses share the one load). They load in
 * the token worker, whose heap is given back when it ends idle. The last two used stay: a check
 * of one model can still be running when another starts (the model changed on the page during a
 * long check), and with one kept their chunks would reload the two tokenizers in turn. Not all
 * three: together Llama 3.1, Qwen 3 and Gemma 3 held about 600 MB of heap, and a workspace
 * fine-tunes one base model.
 */
const loaded = new Map<BaseModelId, Promise<LoadedModel>>();
const KEEP_LOADED = 2;

export function loadModel(model: BaseModelInfo): Promise<LoadedModel> {
  let pending = loaded.get(model.id);
  if (!pending) {
    pending = (async () => {
      const started = performance.now();
      const pkg = await importTokenizerPackage(model);
      const encoder = pkg.fromPreTrained();
      return { template: compileChatTemplate(pkg.tokenizerConfig), encoder, loadMs: Math.round(performance.now() - started) };
    })();
    // A failed load (a package removed meanwhile) is tried again next time, not remembered.
    pending.catch(() => loaded.delete(model.id));
    loaded.set(model.id, pending);
    // The oldest go (a Map iterates in insertion order); checks using them keep their reference.
    for (const id of [...loaded.keys()].slice(0, Math.max(0, loaded.size - KEEP_LOADED))) loaded.delete(id);
  } else {
    // Used again: now the most recent.
    loaded.delete(model.id);
    loaded.set(model.id, pending);
  }
  return pending;
}

export function isLoaded(id: BaseModelId): boolean {
  return loaded.has(id);
}

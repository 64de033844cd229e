import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * convgen's own folder (the one with its package.json), found from this file upwards: the same
 * answer whether the code runs from src/ or compiled into dist/cli/.
 */
function findProjectRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'convgen') return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`convgen's package.json was not found above ${fileURLToPath(import.meta.url)}.`);
    folder = parent;
  }
}

export const projectRoot = findProjectRoot();

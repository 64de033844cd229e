import fs from 'node:fs';
import path from 'node:path';
import { webDistFolder } from '../server/app';

const webSourceFolder = path.resolve(webDistFolder, '../../src/web');

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm start` builds the SPA when dist/web is missing or older than its sources. */
export async function ensureWebBuilt(): Promise<void> {
  const index = path.join(webDistFolder, 'index.html');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(webSourceFolder)) return;
  console.log('[convgen] Building the web app (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: path.resolve(webDistFolder, '../../vite.config.ts'), logLevel: 'warn' });
}

#!/usr/bin/env -S node --max-old-space-size=1024
// The convgen command. It runs the CLI compiled into one file, dist/cli/convgen.mjs, and compiles
// it first whenever a source file is newer (about a second). Compiling the TypeScript inside the
// process instead, as `npm run dev` and the tests do, would keep about 100 MB of a server's memory
// busy for as long as it runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'src');
const compiled = path.join(root, 'dist', 'cli', 'convgen.mjs');

function newestChange(folder) {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function isCurrent() {
  return fs.existsSync(compiled) && fs.statSync(compiled).mtimeMs >= newestChange(sources);
}

async function compile() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [path.join(sources, 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages load from node_modules as usual; only convgen's own code is compiled.
    packages: 'external',
    keepNames: true,
    write: false,
    outfile: compiled,
    logLevel: 'error',
  });
  // Written aside and renamed, so a convgen starting at the same moment never reads half a file.
  const partial = `${compiled}.${process.pid}.partial`;
  fs.mkdirSync(path.dirname(compiled), { recursive: true });
  fs.writeFileSync(partial, result.outputFiles[0].contents);
  fs.renameSync(partial, compiled);
}

if (!isCurrent()) await compile();
await import(pathToFileURL(compiled).href);

#!/usr/bin/env -S node --max-old-space-size=1024
// The convgen command. It runs the CLI compiled into one file, dist/cli/convgen.mjs, and compiles
// it first whenever a source file changed since (about a second). Compiling the TypeScript inside the
// process instead, as `npm run dev` and the tests do, would keep about 100 MB of a server's memory
// busy for as long as it runs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'src');
const outdir = path.join(root, 'dist', 'cli');
const compiled = path.join(outdir, 'convgen.mjs');
// The trainer preflight's token worker runs in its own thread, so it is a second entry; compiled
// beside the CLI, its packages resolve from the same node_modules.
const entries = { convgen: path.join(sources, 'cli', 'main.ts'), 'token-worker': path.join(sources, 'preflight', 'token-worker.ts') };
const outputs = Object.keys(entries).map((name) => path.join(outdir, `${name}.mjs`));

const fingerprintFile = `${compiled}.sources`;

/**
 * Every source file's path, size and modification time, hashed. Comparing it with the one saved
 * at the last compile catches any change: an edit, a new or deleted file, and also a file
 * restored to an older version (older than the compiled file, so a newest-time check misses it).
 */
function sourcesFingerprint() {
  const hash = createHash('sha256');
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = fs.statSync(full);
        hash.update(`${path.relative(sources, full)}|${stat.size}|${stat.mtimeMs}\n`);
      }
    }
  };
  walk(sources);
  return hash.digest('hex');
}

function isCurrent(fingerprint) {
  return outputs.every((file) => fs.existsSync(file)) && fs.existsSync(fingerprintFile) && fs.readFileSync(fingerprintFile, 'utf8') === fingerprint;
}

async function compile(fingerprint) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages load from node_modules as usual; only convgen's own code is compiled.
    packages: 'external',
    keepNames: true,
    write: false,
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  // Written aside and renamed, so a convgen starting at the same moment never reads half a file.
  fs.mkdirSync(outdir, { recursive: true });
  for (const output of result.outputFiles) {
    const partial = `${output.path}.${process.pid}.partial`;
    fs.writeFileSync(partial, output.contents);
    fs.renameSync(partial, output.path);
  }
  const partialFingerprint = `${fingerprintFile}.${process.pid}.partial`;
  fs.writeFileSync(partialFingerprint, fingerprint);
  fs.renameSync(partialFingerprint, fingerprintFile);
}

const fingerprint = sourcesFingerprint();
if (!isCurrent(fingerprint)) await compile(fingerprint);
await import(pathToFileURL(compiled).href);

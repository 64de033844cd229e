// The token worker when convgen runs from its TypeScript sources (tsx, vitest, the benches): a
// worker thread starts with Node's own loader, which cannot import .ts, so this plain module
// registers tsx's loader in the thread first. The compiled CLI starts dist/cli/token-worker.mjs
// instead and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./token-worker.ts');

#!/usr/bin/env -S node --max-old-space-size=1024
// The convgen command: runs the TypeScript CLI through tsx, so no separate compile step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

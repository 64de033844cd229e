import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint rule that keeps web features from importing each other in circles (FEATURE_LAYERS in
 * eslint.config.js), checked by linting one import from every feature to every other.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const features = fs
  .readdirSync(path.join(root, 'src/web/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function importAllowed(eslint: ESLint, from: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import { probe } from '${source}';\nexport const used = probe;\n`, { filePath: path.join(root, from) });
  return !result.messages.some((m) => m.ruleId === 'no-restricted-imports');
}

describe('feature layers', () => {
  const allowed = new Map<string, string[]>();
  let eslint: ESLint;

  beforeAll(async () => {
    eslint = new ESLint({ cwd: root });
    for (const from of features) {
      const reachable: string[] = [];
      for (const to of features) {
        if (to !== from && (await importAllowed(eslint, `src/web/features/${from}/probe.ts`, `../${to}/probe`))) reachable.push(to);
      }
      allowed.set(from, reachable);
    }
  }, 60_000);

  it('lets no two features import each other, directly or through others', () => {
    const cycle = findCycle(allowed);
    expect(cycle, cycle ? `features may import each other in a circle: ${cycle.join(' → ')}. Put every feature directory in FEATURE_LAYERS.` : '').toBeNull();
  });

  it('lets the features the app is built from import what they do today', () => {
    expect(allowed.get('conversations')).toEqual(expect.arrayContaining(['errors', 'runs']));
    expect(allowed.get('review')).toEqual(expect.arrayContaining(['audit', 'conversations', 'runs']));
    expect(allowed.get('selection')).toContain('conversations');
    expect(allowed.get('errors')).not.toContain('conversations');
  });

  it('keeps lib and components below every feature', async () => {
    expect(await importAllowed(eslint, 'src/web/lib/probe.ts', '../features/conversations/probe')).toBe(false);
    expect(await importAllowed(eslint, 'src/web/components/ui/probe.tsx', '../../features/errors/probe')).toBe(false);
    expect(await importAllowed(eslint, 'src/web/pages/probe.tsx', '../features/conversations/probe')).toBe(true);
  });

  it('sends API calls through lib/endpoints', async () => {
    expect(await importAllowed(eslint, 'src/web/features/audit/probe.ts', '../../lib/api')).toBe(true);
    const [result] = await eslint.lintText("import { api } from '../../lib/api';\nexport const used = api;\n", { filePath: path.join(root, 'src/web/features/audit/probe.ts') });
    expect(result.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });
});

/** A circle in the import graph (as a path that ends where it starts), or null. */
function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...trail.slice(trail.indexOf(node)), node];
    state.set(node, 'open');
    trail.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

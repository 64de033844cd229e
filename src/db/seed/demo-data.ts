import fs from 'node:fs';
import path from 'node:path';
import type { ChunkDimensions } from '../schema';
import { projectRoot } from '../../config/project-root';
import type { SeedToStore } from './store-seeds';

/** The shapes of the files under demo/ (checked by demo/check.mjs). */
export interface DemoDimensionValue {
  key: string;
  label: string;
  description: string;
  [attribute: string]: unknown;
}
export interface DemoData {
  catalog: Record<'personas' | 'emotions' | 'topics' | 'intents' | 'tones', DemoDimensionValue[]>;
  arcs: { key: string; label: string; description: string; startEmotion: string; endEmotion: string; stages: string[]; suggestedTurns: [number, number] }[];
  templates: { key: string; name: string; arcKey: string | null; tier: string; description: string; body: string }[];
  documents: {
    key: string;
    title: string;
    category: string;
    author: string;
    summary: string;
    chunks: { ordinal: number; heading: string; content: string; dimensions: ChunkDimensions }[];
  }[];
  scenarios: {
    key: string;
    title: string;
    description: string;
    category: string;
    documentKey: string;
    chunkOrdinal: number;
    problem: string;
    solution: string;
    outcome: string;
    persona: string;
    emotion: string;
    topic: string;
  }[];
  edgeCases: {
    key: string;
    title: string;
    category: string;
    description: string;
    adversarialPrompt: string;
    expectedBehavior: string;
    persona: string;
    emotion: string;
    topic: string;
  }[];
  seedConversations: SeedToStore[];
}

export const demoFolder = path.join(projectRoot, 'demo');

export function loadDemoData(folder = demoFolder): DemoData {
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
  return {
    catalog: read('catalog.json'),
    arcs: read('arcs.json'),
    templates: read('templates.json'),
    documents: read('documents.json'),
    scenarios: read('scenarios.json'),
    edgeCases: read('edge-cases.json'),
    seedConversations: read('seed-conversations.json'),
  };
}

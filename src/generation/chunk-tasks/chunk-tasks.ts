import type { ChunkTask } from './chunk-task';
import { dimensionTask } from './dimension-task';
import { scenarioTask } from './scenario-task';

const TASKS: ChunkTask[] = [dimensionTask, scenarioTask];

/** The task of a run whose items are chunks, or undefined for a run that generates conversations. */
export const chunkTaskFor = (kind: string): ChunkTask | undefined => TASKS.find((t) => t.kind === kind);

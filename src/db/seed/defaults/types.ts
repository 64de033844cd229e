import type { EdgeCaseCategory } from '../../../core/edge-case-categories';
/** Shapes of convgen's built-in defaults, installed into every workspace (see install-defaults.ts). */
export interface DefaultDimensionValue {
  key: string;
  label: string;
  description: string;
  /** Text that goes into prompts for this value. */
  guidance: string;
  attributes?: Record<string, unknown>;
}

export interface DefaultArc {
  key: string;
  label: string;
  description: string;
  startEmotion: string;
  endEmotion: string;
  stages: string[];
  suggestedTurns: [number, number];
}

export interface DefaultTemplate {
  key: string;
  name: string;
  tier: 'template' | 'scenario' | 'edge_case';
  arcKey: string | null;
  description: string;
  body: string;
}

export interface DefaultEdgeCase {
  key: string;
  title: string;
  category: EdgeCaseCategory;
  description: string;
  adversarialPrompt: string;
  expectedBehavior: string;
}

import { z } from 'zod';

export const CHECKLIST_STEPS = ['upload_document', 'define_personas', 'plan_conversations', 'generate_first'] as const;
export type ChecklistStepId = (typeof CHECKLIST_STEPS)[number];

/** The first-run checklist: each step ticks itself off from the workspace's data. */
export const checklist = z.object({
  steps: z.array(
    z.object({
      id: z.enum(CHECKLIST_STEPS),
      done: z.boolean(),
      label: z.string(),
      explanation: z.string(),
      /** The page where the step is done. */
      link: z.string(),
    }),
  ),
  doneCount: z.number(),
  total: z.number(),
  complete: z.boolean(),
});
export type Checklist = z.infer<typeof checklist>;

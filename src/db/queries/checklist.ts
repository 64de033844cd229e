import { and, count, eq, inArray } from 'drizzle-orm';
import type { Checklist } from '../../contract/workspace';
import type { Db } from '../client';
import { conversations, dimensionValues, documents } from '../schema';

const GENERATED = ['generated', 'approved', 'rejected'];

/** Where the workspace stands on the way from empty to a first generated conversation. */
export async function workspaceChecklist(db: Db): Promise<Checklist> {
  const activeOf = (dimension: string) =>
    db.select({ n: count() }).from(dimensionValues).where(and(eq(dimensionValues.dimension, dimension), eq(dimensionValues.active, true)));
  const [[docs], [personas], [topics], [planned], [generated]] = await Promise.all([
    db.select({ n: count() }).from(documents),
    activeOf('persona'),
    activeOf('topic'),
    db.select({ n: count() }).from(conversations),
    db.select({ n: count() }).from(conversations).where(inArray(conversations.status, GENERATED)),
  ]);
  const steps: Checklist['steps'] = [
    { id: 'upload_document', done: docs.n > 0, label: 'Upload a document', explanation: 'Your own material — a guide, a handbook, a policy — grounds the conversations in what your team knows.', link: '/documents' },
    {
      id: 'define_personas',
      done: personas.n > 0 && topics.n > 0,
      label: 'Define personas and topics',
      explanation: `Who talks to your assistant and what about: add at least one persona and one topic (you have ${personas.n} and ${topics.n}).`,
      link: '/catalog',
    },
    { id: 'plan_conversations', done: planned.n > 0, label: 'Plan conversations', explanation: 'Choose how many conversations to make; convgen spreads them over your personas, emotions, topics and tiers.', link: '/conversations?plan=1' },
    { id: 'generate_first', done: generated.n > 0, label: 'Generate your first conversation', explanation: 'Select a planned conversation and press Generate, then read it in the preview and approve or reject it.', link: '/conversations' },
  ];
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, total: steps.length, complete: doneCount === steps.length };
}

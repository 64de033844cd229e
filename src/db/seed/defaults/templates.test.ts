import { describe, expect, it } from 'vitest';
import { renderTemplate, templateParameters } from '../../../core/prompt';
import { DEFAULT_TEMPLATES } from './templates';

const minimal = { persona: 'Night-Shift Nurse', emotion: 'Anxiety', topic: 'Shift Handover', intent: 'Seek Advice', tone: 'Professional', arc: 'Discovery' };

describe('the built-in templates', () => {
  it('need only the five dimensions (and the arc), so they render in a workspace with no documents or scenarios', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(templateParameters(t.body).required.filter((p) => !(p in minimal))).toEqual([]);
      const prompt = renderTemplate(t.body, minimal);
      expect(prompt).toContain('Night-Shift Nurse');
      expect(prompt).not.toMatch(/\{[a-z_]+/);
      expect(prompt).not.toContain('SOURCE MATERIAL');
    }
  });

  it('bring in the source excerpt and each value\u2019s guidance when there is one', () => {
    const scenario = DEFAULT_TEMPLATES.find((t) => t.tier === 'scenario')!;
    const prompt = renderTemplate(scenario.body, { ...minimal, chunk_content: 'Handover uses the SBAR format.', persona_guidance: 'Speaks in clipped clinical shorthand.' });
    expect(prompt).toContain('Handover uses the SBAR format.');
    expect(prompt).toContain('How this persona speaks and behaves: Speaks in clipped clinical shorthand.');
    expect(prompt).toContain('invent one that a Night-Shift Nurse could plausibly face about Shift Handover');
  });
});

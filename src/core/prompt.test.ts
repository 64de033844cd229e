import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { renderTemplate, templateParameters, withReviewerGuidance } from './prompt';

describe('renderTemplate', () => {
  it('fills placeholders from the parameters', () => {
    expect(renderTemplate('A {persona} feeling {emotion} asks about {topic}.', { persona: 'Anxious Investor', emotion: 'Fear', topic: 'Portfolio Setup' })).toBe(
      'A Anxious Investor feeling Fear asks about Portfolio Setup.',
    );
  });

  it('includes conditional text only when the parameter has a value', () => {
    const body = 'Start.{persona? The user has a persona.} End.';
    expect(renderTemplate(body, { persona: 'X' })).toBe('Start. The user has a persona. End.');
    expect(renderTemplate(body, {})).toBe('Start. End.');
  });

  it('names every missing required parameter before any call', () => {
    try {
      renderTemplate('{persona} {topic} {tone}', { persona: 'X' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).details).toEqual({ missing: ['topic', 'tone'] });
      expect((err as AppError).message).toContain('{topic}, {tone}');
    }
  });

  it('never re-interprets braces inside values and strips control characters', () => {
    expect(renderTemplate('Q: {chunk_content}', { chunk_content: 'use {persona} \u0007here' })).toBe('Q: use {persona} here');
  });

  it('fills placeholders inside a conditional block only when the block is shown', () => {
    const body = 'Persona: {persona}.{persona_guidance?\nHow they speak: {persona_guidance}}';
    expect(renderTemplate(body, { persona: 'Nurse', persona_guidance: 'short and {precise}' })).toBe('Persona: Nurse.\nHow they speak: short and {precise}');
    expect(renderTemplate(body, { persona: 'Nurse', persona_guidance: '  ' })).toBe('Persona: Nurse.');
    expect(templateParameters(body)).toEqual({ required: ['persona'], optional: ['persona_guidance'] });
  });

  it('lists required and optional parameters', () => {
    expect(templateParameters('{a} {b?x} {c?y} {c}')).toEqual({ required: ['a', 'c'], optional: ['b'] });
  });
});

describe('withReviewerGuidance', () => {
  it('appends the reviewer guidance block after whatever the template rendered', () => {
    const prompt = withReviewerGuidance(renderTemplate('Write about {topic}.\n\n', { topic: 'Budgeting' }), '  The assistant gave tax advice; stay on budgeting.\u0007 ');
    expect(prompt).toBe(
      'Write about Budgeting.\n\nReviewer guidance from a rejected version: The assistant gave tax advice; stay on budgeting.\nAn earlier version of this conversation was rejected for this reason. Write a new conversation for the same slot that fixes it.',
    );
  });

  it('leaves the prompt alone when there is no guidance', () => {
    expect(withReviewerGuidance('Write.', null)).toBe('Write.');
    expect(withReviewerGuidance('Write.', '   ')).toBe('Write.');
  });
});

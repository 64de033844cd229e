import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from './redact';

describe('redactText', () => {
  it('replaces emails, phone numbers, SSNs and card numbers', () => {
    expect(redactText('Mail jo@example.com or call (555) 123-4567.')).toBe('Mail [email] or call [phone].');
    expect(redactText('SSN 123-45-6789, card 4111 1111 1111 1111')).toBe('SSN [ssn], card [card]');
  });

  it('leaves money, percentages and years alone', () => {
    const text = 'Save $1,200 a month at 7% from 2026 to 2046; the fund fell 24 percent.';
    expect(redactText(text)).toBe(text);
  });

  it('redacts inside nested payloads without changing their shape', () => {
    expect(redactValue({ messages: [{ role: 'user', content: 'me@x.org' }], n: 3 })).toEqual({ messages: [{ role: 'user', content: '[email]' }], n: 3 });
  });
});

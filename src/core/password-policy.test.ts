import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses short, blank, repetitive and common passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 8 characters/);
    expect(passwordProblem('        ')).toMatch(/not spaces/);
    expect(passwordProblem('  ab  cd  ')).toMatch(/not spaces/);
    expect(passwordProblem('aaaaaaaaaa')).toMatch(/4 different characters/);
    expect(passwordProblem('password')).toMatch(/most common/);
    expect(passwordProblem('Password1')).toMatch(/most common/);
    expect(passwordProblem('12345678')).toMatch(/4 different|most common/);
  });

  it('refuses the account\'s own email as its password', () => {
    expect(passwordProblem('ada@example.test', 'Ada@example.test')).toMatch(/email/);
  });

  it('accepts a reasonable password', () => {
    expect(passwordProblem('correct-horse')).toBeNull();
    expect(passwordProblem('tr0ub4dor&3', 'ada@example.test')).toBeNull();
  });
});

/**
 * What a password must be: long enough, not whitespace or one repeated character, not one of the
 * passwords every guessing list starts with, and not the account's own email. Returns the problem
 * in words that complete "The password …", or null when the password is acceptable.
 */
export const MIN_PASSWORD_LENGTH = 8;

// The most common passwords of at least eight characters in published breach lists.
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', '12345678', '123456789',
  '1234567890', '123123123', '11111111', '00000000', '87654321', '12341234', '11223344', 'qwertyui', 'qwertyuiop',
  'qwerty123', 'qwerty12', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx', 'asdfghjk', 'asdfasdf', 'zxcvbnm1', 'iloveyou',
  'iloveyou1', 'sunshine', 'princess', 'football', 'baseball', 'welcome1', 'welcome123', 'admin123', 'administrator',
  'letmein1', 'letmein123', 'abc12345', 'abcd1234', 'abcdefgh', 'trustno1', 'superman', 'starwars', 'whatever',
  'computer', 'michelle', 'jennifer', 'corvette', 'mercedes', 'internet', 'changeme', 'changeme1', 'default1',
  'monkey123', 'dragon123', 'master123', 'shadow123', 'secret123', 'password!', 'qwerty1234', 'test1234', 'testtest',
  'guest1234', 'convgen1', 'convgen123',
]);

export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.trim().length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters that are not spaces`;
  if (new Set(password.toLowerCase()).size < 4) return 'must use at least 4 different characters';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'is one of the most common passwords, which are guessed first';
  if (email && password.toLowerCase() === email.trim().toLowerCase()) return 'must not be your email address';
  return null;
}

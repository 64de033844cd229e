import type { FastifyInstance } from 'fastify';

/** The `cookie` header of a fresh session, signed in through the real sign-in route. */
export async function signInCookie(app: FastifyInstance, email: string, password: string, remoteAddress = '127.0.0.1'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', remoteAddress, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`Sign-in as ${email} answered ${res.statusCode}: ${res.body}`);
  const raw = res.headers['set-cookie'];
  return (Array.isArray(raw) ? raw : [String(raw)]).map((c) => c.split(';')[0]).join('; ');
}

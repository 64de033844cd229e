import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { signIn } from './support/session';

test('the app runs under its content security policy; index.html is revalidated and built assets are cached for good', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  const html = await page.request.get('/conversations');
  expect(html.headers()['cache-control']).toBe('no-cache');
  expect(html.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  const asset = (await html.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  expect(asset).toBeTruthy();
  expect((await page.request.get(asset!)).headers()['cache-control']).toContain('immutable');

  await signIn(page);
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  expect(violations).toEqual([]);
});

test('a page on another port of the same host cannot use the admin\'s session to create an admin', async ({ page, baseURL }) => {
  await signIn(page);
  // The attacker's page: same host, another port (so the same site, and SameSite=Lax sends the cookie).
  const target = `${baseURL}/api/users`;
  const attacker = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<form id="f" method="post" action="${target}" enctype="application/x-www-form-urlencoded">
      <input name="email" value="forged@example.test"><input name="name" value="Forged"><input name="role" value="admin"><input name="password" value="forged-password-123">
      </form><script>document.getElementById('f').submit()</script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  try {
    const port = (attacker.address() as AddressInfo).port;
    const answer = page.waitForResponse((res) => res.url() === target);
    await page.goto(`http://localhost:${port}/`);
    const response = await answer;
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain('cross_origin_request');
  } finally {
    attacker.close();
  }
  const users = await page.request.get('/api/users');
  expect(users.status()).toBe(200);
  expect(JSON.stringify(await users.json())).not.toContain('forged@example.test');
});

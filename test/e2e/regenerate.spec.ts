import { expect, test, type APIRequestContext } from '@playwright/test';
import { useOwnServer } from './support/own-server';

// Balance at export and reject-and-regenerate on a demo workspace of its own (it generates,
// approves and rejects conversations, which the shared one must not see): a lopsided approved
// set warns in the export dialog; rejecting with guidance from the preview opens the new
// version, which links back to the rejected one, shows the guidance and what changed.
const { base, signInAsAdmin } = useOwnServer({ name: 'regenerate', portOffset: 12, admin: { email: 'regenerate@example.test', password: 'regenerate-password' }, env: { CONVGEN_OFFLINE_LATENCY_MS: '20' } });

const ids = async (request: APIRequestContext, query: string) => ((await (await request.get(`/api/conversations?${query}`)).json()).items as { conversationId: string }[]).map((c) => c.conversationId);

test('the export dialog warns about a lopsided selection; reject and regenerate from the preview links the versions and shows the diff', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAsAdmin(page);
  const request = page.request;
  const write = { headers: { origin: base } };

  // 36 template, 1 scenario and 1 edge-case conversation, generated and approved.
  const chosen = [...(await ids(request, 'tier=template&seed=exclude&pageSize=50&sort=conversationId')).slice(0, 36), ...(await ids(request, 'tier=scenario&pageSize=25')).slice(0, 1), ...(await ids(request, 'tier=edge_case&pageSize=25')).slice(0, 1)];
  expect(chosen).toHaveLength(38);
  const run = await request.post('/api/runs', { ...write, data: { conversationIds: chosen, concurrency: 8 } });
  expect(run.status(), await run.text()).toBe(201);
  const { runId } = await run.json();
  await expect.poll(async () => (await (await request.get(`/api/runs/${runId}`)).json()).status, { timeout: 120_000 }).toBe('completed');
  const approve = await request.post('/api/conversations/bulk/review', { ...write, data: { selection: { conversationIds: chosen.slice(1) }, action: 'approve' } });
  expect(approve.ok(), await approve.text()).toBe(true);

  // The export dialog: approved conversations are mostly template, and it says what to do.
  await page.goto('/conversations');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export conversations' });
  const balance = dialog.getByTestId('export-balance');
  await expect(balance.getByTestId('balance-warnings')).toContainText('Generate more scenario conversations or export by tier.');
  await expect(balance.getByTestId('balance-warnings')).toContainText('Generate more edge case conversations or export by tier.');
  await expect(balance.getByTestId('balance-tier')).toContainText('Template');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Reject and regenerate the one left unreviewed, from its preview.
  const old = chosen[0];
  await page.goto(`/conversations?open=${old}`);
  const preview = page.getByRole('complementary', { name: 'Conversation preview' });
  await expect(preview.getByTestId('preview-id')).toHaveText(old);
  await preview.getByRole('button', { name: 'Reject and regenerate' }).click();
  const ask = page.getByRole('dialog', { name: `Reject ${old} and regenerate it` });
  const submit = ask.getByRole('button', { name: 'Reject and regenerate' });
  await expect(submit).toBeDisabled();
  const guidance = 'The assistant drifted off the topic; keep every answer on it and end with a next step.';
  await ask.getByLabel('Guidance for the new version').fill(guidance);
  await submit.click();

  // The preview moves to the new conversation: it links back with the guidance, and once generated shows what changed.
  await expect(page).not.toHaveURL(new RegExp(`open=${old}(&|$)`));
  await expect(preview.getByTestId('preview-id')).not.toHaveText(old);
  await expect(preview.getByTestId('preview-id')).toHaveText(/^conv-\d+$/);
  const fresh = (await preview.getByTestId('preview-id').textContent())!;
  const links = preview.getByTestId('regeneration-links');
  await expect(links).toContainText(`Regenerated from ${old} with guidance: ${guidance}`);
  await expect(preview.getByRole('list', { name: 'Conversation turns' })).toBeVisible({ timeout: 60_000 });
  await links.getByRole('button', { name: 'What changed' }).click();
  const changes = page.getByRole('dialog', { name: `What changed from ${old} to ${fresh}` });
  await expect(changes.getByTestId('what-changed')).toContainText(/turns differ/);
  await expect(changes.locator('.line-through').first()).toBeVisible();
  await changes.getByRole('button', { name: 'Close' }).first().click();

  // "View prompt" shows the guidance; the old one is rejected with the note and links forward.
  await preview.getByRole('button', { name: 'View prompt' }).click();
  await expect(page.getByTestId('resolved-prompt')).toContainText(`Reviewer guidance from a rejected version: ${guidance}`);
  await page.keyboard.press('Escape');
  await links.getByRole('link', { name: old }).click();
  await expect(preview.getByTestId('preview-id')).toHaveText(old);
  await expect(preview.getByTestId('regeneration-links')).toContainText(`Replaced by ${fresh}`);
  await expect(preview.getByRole('button', { name: 'Reject and regenerate' })).toHaveCount(0);
  const detail = await (await request.get(`/api/conversations/${old}`)).json();
  expect(detail).toMatchObject({ status: 'rejected', review: { notes: guidance } });
});

import { expect, type Page } from '@playwright/test';
import { SAME_ORIGIN } from '../../../playwright.config';

/**
 * Sets both approval bars (Settings → Quality) to 0 and answers a function that puts them back
 * (through another signed-in page when this one is closed by then, as in an afterAll).
 * Offline scores now check content, so which generated conversation clears the bar depends on its
 * text: a spec about reviewing, not about the bar, lowers it for its own steps.
 */
export async function lowerApprovalBars(page: Page): Promise<(via?: Page) => Promise<void>> {
  const { minApprovalScore, edgeCaseMinScore } = (await (await page.request.get('/api/settings')).json()).quality;
  expect((await page.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { quality: { minApprovalScore: 0, edgeCaseMinScore: 0 } } })).status()).toBe(200);
  return async (via = page) => {
    expect((await via.request.patch('/api/settings', { headers: SAME_ORIGIN, data: { quality: { minApprovalScore, edgeCaseMinScore } } })).status()).toBe(200);
  };
}

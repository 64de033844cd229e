import type { Db } from '../db/client';
import { providerLimiter } from '../generation/provider-limiters';
import type { Provider } from '../generation/providers/types';
import type { RateLimiter } from '../generation/rate-limiter';
import { limiterKeyOf } from '../generation/run-runtime';
import { getSettings } from '../settings/workspace-settings';
import type { AppContext } from './context';

/** The provider configured now, with the rate limiter its runs share: an on-demand call waits its turn like any other. */
export async function pacedProvider(ctx: AppContext, db: Db): Promise<{ provider: Provider; limiter: RateLimiter }> {
  const settings = await getSettings(db);
  const provider = await ctx.providers.current();
  return { provider, limiter: providerLimiter(limiterKeyOf(provider), settings.generation) };
}

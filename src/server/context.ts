import type { AppConfig } from '../config/env';
import type { Database } from '../db/client';
import type { ProviderInfo } from '../generation/providers/types';
import type { Auth } from './auth';

/** What every route can reach: one object built at start-up and passed to each route module. */
export interface AppContext {
  database: Database;
  config: AppConfig;
  auth: Auth;
  provider: ProviderInfo;
  version: string;
  /** Tells the in-process worker there is new work, so it need not wait for its next poll. */
  wakeWorker: () => void;
}

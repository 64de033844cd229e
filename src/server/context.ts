import type { AppConfig } from '../config/env';
import type { Database } from '../db/client';
import type { MaintenanceSchedule } from '../db/maintenance';
import type { ReportCache } from '../db/report-cache';
import type { ProviderSource } from '../generation/choose-provider';
import type { BulkActions } from '../review/bulk-actions';
import type { Auth } from './auth';
import type { DocumentProcessor } from '../documents/document-processor';

/** What every route can reach: one object built at start-up and passed to each route module. */
export interface AppContext {
  database: Database;
  config: AppConfig;
  auth: Auth;
  /** Resolves the provider from settings and environment at the moment it is needed. */
  providers: ProviderSource;
  /** Signs sessions and encrypts stored API keys. */
  secret: string;
  version: string;
  /** Tells the in-process worker there is new work, so it need not wait for its next poll. */
  wakeWorker: () => void;
  /** Bulk reviews and deletes running in this server, with their progress and the conversations they hold. */
  bulkActions: BulkActions;
  /** VACUUM / ANALYZE of the tables bulk work churns. */
  maintenance: MaintenanceSchedule;
  /** Parses and chunks large uploads in the background. */
  documents: DocumentProcessor;
  /** Whole-dataset reports (coverage, quality, duplicates, diversity), kept until the data under them changes. */
  reports: ReportCache;
}

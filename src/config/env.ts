import path from 'node:path';
import { z } from 'zod';

/** Every environment variable convgen reads, documented in the README's Configuration table. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  CONVGEN_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  CONVGEN_DEMO: z.enum(['0', '1']).default('1'),
  CONVGEN_ADMIN_EMAIL: z.string().email().optional(),
  CONVGEN_ADMIN_PASSWORD: z.string().min(8).optional(),
  CONVGEN_API_TOKEN: z.string().min(16).optional(),
  CONVGEN_SECRET: z.string().min(16).optional(),
  CONVGEN_PUBLIC_URL: z.string().url().optional(),
  CONVGEN_OFFLINE_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  CONVGEN_WORKER: z.enum(['0', '1']).default('1'),
  CONVGEN_BATCH_POLL_MS: z.coerce.number().int().min(50).max(3_600_000).default(10_000),
  CONVGEN_BULK_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1_000),
  CONVGEN_PROVIDER: z.enum(['auto', 'offline', 'anthropic', 'openai']).optional(),
  CONVGEN_MODEL: z.string().min(1).max(100).optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  CONVGEN_MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  apiToken: string | undefined;
  secret: string | undefined;
  publicUrl: string | undefined;
  offlineLatencyMs: number | undefined;
  runWorker: boolean;
  /** How often Message Batches runs are checked. */
  batchPollMs: number;
  /** Conversations per transaction in a bulk review, delete or undo; other requests get through between batches. */
  bulkBatchSize: number;
  /** Overrides the workspace setting for the provider / model. */
  provider: 'auto' | 'offline' | 'anthropic' | 'openai' | undefined;
  model: string | undefined;
  anthropicApiKey: string | undefined;
  anthropicBaseUrl: string | undefined;
  openaiApiKey: string | undefined;
  openaiBaseUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  logLevel: Env['LOG_LEVEL'];
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${String(issue.path[0])}: ${issue.message}. See the Configuration section of the README.`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.CONVGEN_DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    demo: env.CONVGEN_DEMO === '1',
    adminEmail: env.CONVGEN_ADMIN_EMAIL,
    adminPassword: env.CONVGEN_ADMIN_PASSWORD,
    apiToken: env.CONVGEN_API_TOKEN,
    secret: env.CONVGEN_SECRET,
    publicUrl: env.CONVGEN_PUBLIC_URL,
    offlineLatencyMs: env.CONVGEN_OFFLINE_LATENCY_MS,
    runWorker: env.CONVGEN_WORKER === '1',
    batchPollMs: env.CONVGEN_BATCH_POLL_MS,
    bulkBatchSize: env.CONVGEN_BULK_BATCH_SIZE,
    provider: env.CONVGEN_PROVIDER,
    model: env.CONVGEN_MODEL,
    anthropicApiKey: env.ANTHROPIC_API_KEY,
    anthropicBaseUrl: env.ANTHROPIC_BASE_URL,
    openaiApiKey: env.OPENAI_API_KEY,
    openaiBaseUrl: env.OPENAI_BASE_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.CONVGEN_MAIL_FROM,
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * The convgen server as a user runs it: its own process (bin/convgen.js, with npm start's Node
 * flags) on a bench store, with an admin to sign in as and an API token for HTTP requests.
 * Running it apart keeps the bench's own work (timing, Chromium's driver) off the server's
 * event loop, so what is measured is the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createStore, type BenchStore, type Engine } from './store';

/**
 * The Node flags `npm start` (package.json) and the convgen command (its #! line) run the server
 * with. A heap limit makes V8 collect garbage early: with Node's default (about 4 GB here) an
 * export of 100,000 conversations grew the server to 400+ MB of mostly dead objects; with a limit
 * of 1 GB it stays near 250 MB, and no request comes near the limit.
 */
export const SERVER_NODE_FLAGS = ['--max-old-space-size=1024'];

/** The admin every bench server creates, for the benches that sign in with a browser. */
export const BENCH_ADMIN = { email: 'bench@example.test', password: 'bench-password' };

/** The server's API token: HTTP requests send it as a bearer token instead of signing in. */
export const BENCH_API_TOKEN = 'bench-token-0123456789abcdef';

export interface ServerOptions {
  port: number;
  /** 'start' builds the web app first if a source changed (for the benches that open pages); 'serve' expects it built. */
  command?: 'start' | 'serve';
  /** More environment for the server (a provider's URL, a batch size); it wins over the bench defaults. */
  env?: Record<string, string>;
}

export interface BenchServer {
  /** http://localhost:<port>, to put paths after. */
  base: string;
  /** The server process's id, for reading its memory and CPU time from /proc. */
  pid: number;
  /** The store it serves, for the engine's label. */
  store: BenchStore;
  /** The bearer token's header, for fetch. */
  headers: { authorization: string };
  stop(): Promise<void>;
}

/** Starts the server on `store` and resolves once it answers GET /api/health. */
export async function startServer(store: BenchStore, { port, command = 'serve', env = {} }: ServerOptions): Promise<BenchServer> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'bin/convgen.js', command], {
    env: {
      ...process.env,
      PORT: String(port),
      CONVGEN_DATA_DIR: store.dataDir,
      ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}),
      // Nothing but the bench's own data, and no generation worker competing with the requests.
      CONVGEN_DEMO: '0',
      CONVGEN_WORKER: '0',
      CONVGEN_ADMIN_EMAIL: BENCH_ADMIN.email,
      CONVGEN_ADMIN_PASSWORD: BENCH_ADMIN.password,
      CONVGEN_API_TOKEN: BENCH_API_TOKEN,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: 'inherit',
  });
  const server: BenchServer = {
    base: `http://localhost:${port}`,
    pid: child.pid!,
    store,
    headers: { authorization: `Bearer ${BENCH_API_TOKEN}` },
    stop: () => stopProcess(child),
  };
  try {
    await waitForServer(child, `${server.base}/api/health`);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

/**
 * Creates a store (`name` and `engine` as createStore takes them), has `prepare` fill it, serves
 * it and runs `measure` against the server; then stops the server and removes the store, whatever
 * happened. What is left to a bench is its data and its measurements.
 */
export async function withBenchServer(
  options: ServerOptions & { name: string; engine?: Engine; prepare: (store: BenchStore) => Promise<void> },
  measure: (server: BenchServer) => Promise<void>,
): Promise<void> {
  const store = await createStore(options.name, options.engine);
  try {
    await options.prepare(store);
    const server = await startServer(store, options);
    try {
      await measure(server);
    } finally {
      await server.stop();
    }
  } finally {
    store.remove();
  }
}

/** Polls `url` until it answers 200, for up to a minute, and gives up at once if the server exited. */
async function waitForServer(child: ChildProcess, url: string) {
  for (let i = 0; i < 600; i++) {
    if (hasExited(child)) throw new Error(`The server exited (code ${child.exitCode}, signal ${child.signalCode}) before it answered.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The server did not start.');
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then waits for the exit (not awaited if it already happened: 'exit' would never come). */
async function stopProcess(child: ChildProcess) {
  if (hasExited(child)) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

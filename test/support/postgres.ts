import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL server from Debian's binaries, for the database suite. */
export interface TestPostgres {
  url: (database: string) => string;
  stop: () => void;
}

function findBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const candidate = path.join(root, v, 'bin', name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`PostgreSQL's ${name} was not found. Run scripts/install-system-deps.sh (npm test does this for you as root).`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convgen-pg-'));
  const isRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root, so root runs it as the `postgres` system user.
  const run = (bin: string, args: string[]) => {
    const cmd = isRoot ? 'runuser' : bin;
    const full = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
    const result = spawnSync(cmd, full, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`);
  };
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const port = await freePort();
  run(findBin('initdb'), ['-D', dir, '-A', 'trust', '-U', 'convgen', '--no-sync', '-E', 'UTF8']);
  run(findBin('pg_ctl'), ['-D', dir, '-l', path.join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  return {
    url: (database) => `postgres://convgen@127.0.0.1:${port}/${database}`,
    stop: () => {
      try {
        run(findBin('pg_ctl'), ['-D', dir, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

// Private datastore processes a fault test may kill and restart: never the shared servers other suites use.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portOpen, startDynamoLocal, stopChild, type DynamoLocal } from '@shop/datastores';
import { freePort } from './ports';

async function untilListening(port: number, child: ChildProcess, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await portOpen(port))) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A process on a fixed port that a test can stop (or kill) and start again, on the same port. */
export interface PrivateServer {
  port: number;
  url: string;
  start(): Promise<void>;
  /** SIGTERM, then SIGKILL after 5 s: the server is gone when this resolves. */
  stop(): Promise<void>;
  /** SIGKILL: a crash. */
  kill(): Promise<void>;
  /** Stops it and removes its files. */
  destroy(): Promise<void>;
}

function privateServer(options: {
  what: string;
  port: number;
  url: string;
  command: (port: number) => { cmd: string; args: string[] };
  beforeFirstStart?: () => void;
  cleanup?: () => void;
  /** The signal that stops it at once but cleanly (Postgres: SIGINT, a fast shutdown); SIGTERM otherwise. */
  stopSignal?: NodeJS.Signals;
}): PrivateServer {
  let child: ChildProcess | undefined;
  let prepared = false;
  const server: PrivateServer = {
    port: options.port,
    url: options.url,
    async start() {
      if (!prepared) {
        options.beforeFirstStart?.();
        prepared = true;
      }
      const { cmd, args } = options.command(options.port);
      child = spawn(cmd, args, { stdio: 'ignore' });
      await untilListening(options.port, child, options.what);
    },
    async stop() {
      if (child && options.stopSignal && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child!.once('exit', r));
        child.kill(options.stopSignal);
        await exited;
      } else if (child) await stopChild(child);
      child = undefined;
    },
    async kill() {
      if (!child) return;
      const exited = new Promise((r) => child!.once('exit', r));
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
      child = undefined;
    },
    async destroy() {
      await server.stop();
      options.cleanup?.();
    },
  };
  return server;
}

/** A private redis-server without persistence: restarting it starts it empty, as a failover without AOF does. */
export async function privateRedis(): Promise<PrivateServer> {
  const port = await freePort();
  return privateServer({
    what: 'redis-server',
    port,
    url: `redis://127.0.0.1:${port}`,
    command: (p) => ({
      cmd: 'redis-server',
      args: ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    }),
  });
}

const asRoot = process.getuid?.() === 0;

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) =>
    Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The command as the postgres user when this process is root (setpriv, which execs it: signals reach it), else as is. */
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return asRoot
    ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', cmd, ...args]]
    : [cmd, args];
}

/** A private Postgres cluster under /tmp (initdb once, trust auth), started and stopped with the test. */
export async function privatePostgres(): Promise<PrivateServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pg-fault-'));
  const data = join(dir, 'data');
  return privateServer({
    what: 'postgres',
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    beforeFirstStart: () => {
      // Postgres refuses to run as root: as root (a container), the cluster belongs to the postgres user.
      if (asRoot) chownSync(dir, postgresUser().uid, postgresUser().gid);
      const init = spawnSync(
        ...asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']),
        { stdio: 'ignore' },
      );
      if (init.status !== 0) throw new Error('initdb failed');
    },
    command: (p) => {
      const [cmd, args] = asPostgres('postgres', [
        '-D',
        data,
        '-p',
        String(p),
        '-h',
        '127.0.0.1',
        '-k',
        dir,
        '-c',
        'fsync=off',
        '-c',
        'max_connections=50',
      ]);
      return { cmd, args };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
    // SIGTERM is Postgres's "smart" shutdown, which waits for every client to leave.
    stopSignal: 'SIGINT',
  });
}

/** A private DynamoDB Local persisted under /tmp: a restart keeps its tables and items, as DynamoDB would. */
export async function privateDynamo(): Promise<PrivateServer & { endpoint: string }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'dynamo-fault-'));
  let local: DynamoLocal | undefined;
  const stop = async () => {
    await local?.stop();
    local = undefined;
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    endpoint: `http://127.0.0.1:${port}`,
    start: async () => {
      local = await startDynamoLocal({ port, dataDir });
    },
    stop,
    kill: stop,
    destroy: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

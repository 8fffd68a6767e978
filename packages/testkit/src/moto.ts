// moto's server mode: one local stand-in for SNS, SQS, SES and Secrets Manager per test run. It is
// installed from PyPI into a virtualenv under .data/ the first time (a fresh machine needs only python3).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stopChild } from '@shop/datastores';
import { freePort } from './ports';

export const MOTO_VERSION = '5.2.5';

const ROOT = resolve(__dirname, '..', '..', '..');

export interface MotoServer {
  endpoint: string;
  stop(): Promise<void>;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed: ${(result.stderr || result.stdout || String(result.error)).slice(-2000)}`,
    );
  }
}

/**
 * The virtualenv's python with moto installed, installing it when missing. The install happens in a
 * folder of its own and is renamed into place, so an interrupted or concurrent install never leaves a
 * half-made environment behind; moto then runs as `python -m moto.server`, which works after the rename.
 */
export function motoPython(dataDir = join(ROOT, '.data')): string {
  const home = join(dataDir, 'moto');
  const venv = join(home, `venv-${MOTO_VERSION}`);
  const python = join(venv, 'bin', 'python');
  if (existsSync(join(venv, 'installed'))) return python;
  mkdirSync(home, { recursive: true });
  const partial = join(home, `partial-${process.pid}-${Date.now()}`);
  try {
    run(process.env.PYTHON ?? 'python3', ['-m', 'venv', partial]);
    run(join(partial, 'bin', 'python'), [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      `moto[server]==${MOTO_VERSION}`,
    ]);
    writeFileSync(join(partial, 'installed'), `moto[server]==${MOTO_VERSION}\n`);
    if (!existsSync(join(venv, 'installed'))) {
      rmSync(venv, { recursive: true, force: true });
      try {
        renameSync(partial, venv);
      } catch (error) {
        // Another run finished the same install first: use that one.
        if (!existsSync(join(venv, 'installed'))) throw error;
      }
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return python;
}

/** Starts moto on 127.0.0.1 on a free port and resolves once it answers. */
export async function startMoto(options: { port?: number } = {}): Promise<MotoServer> {
  const python = motoPython();
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(python, ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-5000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`moto exited: ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto did not start within 60 s: ${output}`);
    }
    try {
      if ((await fetch(`${endpoint}/moto-api/data.json`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    endpoint,
    stop: () => stopChild(child),
  };
}

type WithMoto = { __moto?: MotoServer };

/** Jest global setup: moto for the whole run at `TEST_AWS_ENDPOINT` (kept when already set, e.g. a server of your own). */
export async function startTestMoto(): Promise<void> {
  if (process.env.TEST_AWS_ENDPOINT) return;
  const moto = await startMoto();
  process.env.TEST_AWS_ENDPOINT = moto.endpoint;
  (globalThis as WithMoto).__moto = moto;
}

export async function stopTestMoto(): Promise<void> {
  await (globalThis as WithMoto).__moto?.stop();
}

// A single OpenSearch node for tests and `npm start`: the launcher in tools/opensearch-local, built with Maven
// on first use (Maven keeps the downloads in ~/.m2, the build in target/), run on Java 17.
/* eslint-disable security/detect-non-literal-fs-filename -- every path here is the launcher's own folder or the
   data folder the process was started with, never a request's */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const PROJECT = resolve(__dirname, '../../../tools/opensearch-local');
const JAR = join(PROJECT, 'target', 'opensearch-local.jar');
const READY = /opensearch-local ready (http:\/\/127\.0\.0\.1:\d+)/;

export interface OpenSearchLocal {
  url: string;
  /** How long the node took from spawn to answering, in milliseconds. */
  startMs: number;
  stop: () => Promise<void>;
}

export interface OpenSearchLocalOptions {
  /** Where the node keeps its indices; a temporary folder, removed on stop, when unset. */
  dataDir?: string;
  /** HTTP port; any free one when unset (the node binds it itself, so no other process can take it first). */
  port?: number;
  /** Java heap, e.g. `512m` or `1g`. */
  heap?: string;
  /** How long to wait for the node to answer. */
  timeoutMs?: number;
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the launcher jar when it is missing or older than its sources; the first build downloads from Maven Central. */
export function buildOpenSearchLocal(): string {
  const sources = Math.max(newestChange(join(PROJECT, 'pom.xml')), newestChange(join(PROJECT, 'src')));
  if (existsSync(JAR) && statSync(JAR).mtimeMs >= sources) return JAR;
  const build = spawnSync('mvn', ['-q', '-B', 'package'], { cwd: PROJECT, encoding: 'utf8' });
  if (build.error) throw new Error(`could not run Maven to build ${PROJECT}: ${build.error.message}`);
  if (build.status !== 0) {
    throw new Error(`mvn package in ${PROJECT} failed:\n${`${build.stdout}${build.stderr}`.slice(-4000)}`);
  }
  if (!existsSync(JAR)) throw new Error(`mvn package did not produce ${JAR}`);
  return JAR;
}

/** Starts the node and resolves once it answers HTTP on 127.0.0.1. */
export async function startOpenSearchLocal(options: OpenSearchLocalOptions = {}): Promise<OpenSearchLocal> {
  const jar = buildOpenSearchLocal();
  const temporary = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'opensearch-local-'));
  mkdirSync(dataDir, { recursive: true });
  const heap = options.heap ?? '512m';
  const startedAt = Date.now();
  const child = spawn(
    'java',
    [
      `-Xms${heap}`,
      `-Xmx${heap}`,
      '-XX:+ExitOnOutOfMemoryError',
      `-Djava.io.tmpdir=${dataDir}`,
      '-jar',
      jar,
      '--data',
      dataDir,
      '--port',
      String(options.port ?? 0),
      // Standard input closing means this process has gone: the node stops with it.
      '--watch-stdin',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 20_000) output = output.slice(-10_000);
  };
  child.stderr.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  const cleanUp = () => {
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  };

  const timeoutMs = options.timeoutMs ?? 180_000;
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`OpenSearch did not start within ${timeoutMs / 1000} s: ${output.slice(-2000)}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      keep(chunk);
      const ready = READY.exec(output);
      if (ready) {
        clearTimeout(timer);
        done(ready[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`OpenSearch exited (${signal ?? code}) before it was ready: ${output.slice(-2000)}`));
    });
  }).catch((error: unknown) => {
    cleanUp();
    throw error;
  });

  return {
    url,
    startMs: Date.now() - startedAt,
    stop: async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exit;
        clearTimeout(force);
      }
      cleanUp();
    },
  };
}

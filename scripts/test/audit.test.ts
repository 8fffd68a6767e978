// `npm run audit` (scripts/audit.ts) against a local registry: one that refuses the audit endpoint with 405 as
// this machine's does, and one that answers with advisories; then the security lint's verdict.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CLEAN = 'scripts/test/fixtures/clean.ts';
const INSECURE = 'scripts/test/fixtures/insecure.ts';

type Answer = (req: IncomingMessage) => { status: number; body?: unknown };

interface Registry {
  url: string;
  posts: string[];
  close: () => Promise<void>;
}

async function startRegistry(answer: Answer): Promise<Registry> {
  const posts: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'POST') posts.push(req.url ?? '');
      const { status, body } = answer(req);
      res.writeHead(status, status === 405 ? { allow: 'GET,HEAD' } : { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    posts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function runAudit(registry: string, lintArgs: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/audit.ts', '--no-ignore', ...lintArgs],
      {
        cwd: ROOT,
        env: { ...process.env, npm_config_registry: registry, NODE_OPTIONS: '' },
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

function advisory(name: string, severity: string) {
  return {
    [name]: [
      {
        id: 1_000_001,
        url: 'https://github.com/advisories/GHSA-test-test-test',
        title: `A ${severity} advisory in ${name}`,
        severity,
        vulnerable_versions: '>=0.0.0',
        cwe: [],
        cvss: { score: 8, vectorString: null },
      },
    ],
  };
}

describe('npm run audit', () => {
  it('When the registry refuses the audit endpoint with 405, then one plain line says so and the lint decides: clean passes, a finding fails', async () => {
    const registry = await startRegistry(() => ({ status: 405 }));
    try {
      const clean = await runAudit(registry.url, [CLEAN]);
      expect(registry.posts.some((p) => p.includes('/-/npm/v1/security/'))).toBe(true);
      const lines405 = clean.output.split('\n').filter((l) => l.includes('405'));
      expect(lines405).toEqual([
        'npm audit: the registry refuses the audit endpoint (HTTP 405), so advisories were not checked here; the weekly audit workflow checks them.',
      ]);
      expect(clean.output).toContain('security lint: no findings');
      expect(clean.code).toBe(0);

      const insecure = await runAudit(registry.url, [INSECURE]);
      expect(insecure.output).toContain('security/detect-non-literal-regexp');
      expect(insecure.output).toContain('security lint: findings above');
      expect(insecure.code).toBe(1);
    } finally {
      await registry.close();
    }
  });

  it('When the registry reports a high advisory in a production dependency, then the audit fails; one in a development dependency does not count', async () => {
    let flagged = 'zod';
    const registry = await startRegistry((req) =>
      req.url?.includes('/-/npm/v1/security/advisories/bulk')
        ? { status: 200, body: advisory(flagged, 'high') }
        : { status: 404 },
    );
    try {
      const shipped = await runAudit(registry.url, [CLEAN]);
      expect(shipped.output).toMatch(/npm audit \(production dependencies\): 0 critical, [1-9]\d* high/);
      expect(shipped.output).toContain('security lint: no findings');
      expect(shipped.code).toBe(1);

      flagged = 'jest';
      const devOnly = await runAudit(registry.url, [CLEAN]);
      expect(devOnly.output).toContain('npm audit (production dependencies): 0 critical, 0 high');
      expect(devOnly.code).toBe(0);
    } finally {
      await registry.close();
    }
  });
});

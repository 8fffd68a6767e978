import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenSearchLocal, startOpenSearchLocal } from '../src/opensearch-local';

async function http(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function answers(url: string): Promise<boolean> {
  return fetch(url).then(
    () => true,
    () => false,
  );
}

describe('OpenSearch local node', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'opensearch-local-test-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('When the node is stopped and started again on its data folder, then it answers on loopback and keeps its documents', async () => {
    const first = await startOpenSearchLocal({ dataDir });
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const info = await http(first.url);
    expect((info.body.version as { number: string }).number).toBe('2.19.6');
    // The modules the catalog's index needs: common analysis (asciifolding, stemmers), mapper-extras, painless.
    const created = await http(`${first.url}/kept`, {
      method: 'PUT',
      body: {
        settings: {
          analysis: {
            analyzer: {
              folded: {
                type: 'custom',
                tokenizer: 'standard',
                filter: ['lowercase', 'asciifolding', 'porter_stem'],
              },
            },
          },
        },
        mappings: {
          properties: { title: { type: 'search_as_you_type', analyzer: 'folded' }, n: { type: 'integer' } },
        },
      },
    });
    expect(created.status).toBe(200);
    expect(
      (
        await http(`${first.url}/kept/_doc/1?refresh=true`, {
          method: 'PUT',
          body: { title: 'Crème Brûlée Torch', n: 3 },
        })
      ).status,
    ).toBe(201);
    const scored = await http(`${first.url}/kept/_search`, {
      method: 'POST',
      body: {
        query: {
          function_score: {
            query: { match: { title: 'creme' } },
            script_score: { script: { source: "Math.log(2 + doc['n'].value)" } },
          },
        },
      },
    });
    expect((scored.body.hits as { total: { value: number } }).total.value).toBe(1);
    await first.stop();
    expect(await answers(first.url)).toBe(false);

    const second = await startOpenSearchLocal({ dataDir });
    try {
      const found = await http(`${second.url}/kept/_doc/1`);
      expect(found.body.found).toBe(true);
      expect((found.body._source as { title: string }).title).toBe('Crème Brûlée Torch');
    } finally {
      await second.stop();
    }
  });

  it('When the process that started the node goes away (its standard input closes), then the node stops by itself', async () => {
    const jar = buildOpenSearchLocal();
    const child = spawn(
      'java',
      ['-Xmx512m', '-jar', jar, '--data', join(dataDir, 'orphan'), '--watch-stdin'],
      {
        stdio: ['pipe', 'pipe', 'ignore'],
      },
    );
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const ready = /ready (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (ready) done(ready[1]!);
      });
      child.once('exit', () => fail(new Error(`the node exited before it was ready: ${out}`)));
    });
    expect(await answers(url)).toBe(true);
    child.stdin.end();
    const timeout = new Promise<'still running'>((done) =>
      setTimeout(() => done('still running'), 30_000).unref(),
    );
    expect(await Promise.race([exited, timeout])).toBe(0);
    expect(await answers(url)).toBe(false);
  });
});

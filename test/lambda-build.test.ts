// The Lambda build: a handler bundled with the packages it imports, so its directory alone runs in Lambda.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLambda, ROOT } from '../scripts/build';

describe('Lambda build', () => {
  // Under the repository, so the handler's imports resolve from its node_modules as the real handlers' do.
  const source = join(ROOT, '.data', `lambda-build-${process.pid}`);
  const out = mkdtempSync(join(tmpdir(), 'shop-lambda-'));

  beforeAll(() => mkdirSync(source, { recursive: true }));
  afterAll(() => {
    rmSync(source, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('When a handler is built, then its bundle runs from a directory without node_modules and leaves the AWS SDK to the Lambda runtime', async () => {
    writeFileSync(
      join(source, 'handler.ts'),
      "import { z } from 'zod';\nexport const handler = async (event: unknown) => ({ n: z.object({ n: z.number() }).parse(event).n * 2 });\n",
    );
    writeFileSync(
      join(source, 'sdk.ts'),
      "import { SESv2Client } from '@aws-sdk/client-sesv2';\nexport const handler = async () => typeof SESv2Client;\n",
    );
    await buildLambda(join(source, 'handler.ts'), join(source, 'dist', 'index.js'));
    await buildLambda(join(source, 'sdk.ts'), join(source, 'dist', 'sdk.js'));

    const bundle = readFileSync(join(source, 'dist', 'index.js'), 'utf8');
    expect(bundle).not.toMatch(/require\("zod"\)/);
    expect(readFileSync(join(source, 'dist', 'sdk.js'), 'utf8')).toContain(
      'require("@aws-sdk/client-sesv2")',
    );

    // Far from any node_modules, as in a Lambda's /var/task.
    copyFileSync(join(source, 'dist', 'index.js'), join(out, 'index.js'));
    const run = spawnSync(
      process.execPath,
      ['-e', "require('./index.js').handler({ n: 21 }).then((r) => process.stdout.write(JSON.stringify(r)))"],
      { cwd: out, encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
    );
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '{"n":42}',
      stderr: '',
    });
  });
});

// The images: what the build context lets in (.dockerignore) and what the Dockerfile puts in each image.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dockerignore from '@balena/dockerignore';
import { copiedFrom, lineage, stages, words } from './dockerfile';

const ROOT = join(__dirname, '..');
const SERVICES = ['gateway', 'users', 'catalog', 'cart', 'orders', 'shipping'];

/** Paths that must never reach an image, as they could sit at the top of the context or inside any folder of it. */
const FORBIDDEN = [
  '.env',
  '.env.production',
  '.data/secrets.json',
  '.data/users/pglite/base/1',
  '.git/config',
  'node_modules/pg/package.json',
  'npm-debug.log',
  'logs/gateway.log',
  'coverage/lcov.info',
];

function ignoreFile() {
  return dockerignore().add(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
}

function isFile(source: string): boolean {
  const path = join(ROOT, source);
  return existsSync(path) && statSync(path).isFile();
}

/** The build-context sources of each COPY or ADD (those with --from copy from another stage, not the context). */
function contextSources(): string[] {
  return stages()
    .flatMap((s) => s.instructions)
    .filter((i) => ['COPY', 'ADD'].includes(i.getKeyword()) && copiedFrom(i) === undefined)
    .flatMap((i) => words(i).slice(0, -1))
    .map((source) => (source === '.' ? '' : source.replace(/^\.\//, '').replace(/\/$/, '')));
}

describe('Docker build context and images', () => {
  it('When the build context is filtered by .dockerignore, then no secret, local data, git history, dependency folder, log or coverage report is in it', () => {
    const ignore = ignoreFile();
    const nested = FORBIDDEN.flatMap((path) => [path, `packages/common/${path}`, `subgraphs/users/${path}`]);
    expect(nested.filter((path) => !ignore.ignores(path))).toEqual([]);
    // The filter is not a blanket one: the sources still go in.
    expect(ignore.ignores('packages/common/src/index.ts')).toBe(false);
    expect(ignore.ignores('package-lock.json')).toBe(false);
  });

  it('When the Dockerfile copies from the build context, then nothing it copies can carry a forbidden path', () => {
    const ignore = ignoreFile();
    const sources = contextSources();
    expect(sources.length).toBeGreaterThan(0);
    const leaks = sources.flatMap((source) => {
      if (
        FORBIDDEN.some(
          (path) =>
            path === source ||
            path.startsWith(`${source}/`) ||
            source.split('/').includes(path.split('/')[0]!),
        )
      )
        return [`COPY ${source} names a forbidden path`];
      if (isFile(source))
        return ignore.ignores(source) ? [`COPY ${source}: the file is not in the context`] : [];
      return FORBIDDEN.map((path) => (source === '' ? path : `${source}/${path}`)).filter(
        (path) => !ignore.ignores(path),
      );
    });
    expect(leaks).toEqual([]);
  });

  it('When the Dockerfile sets environment or build arguments, then none of them is a secret', () => {
    const assigned = stages()
      .flatMap((s) => s.instructions)
      .filter((i) => ['ENV', 'ARG'].includes(i.getKeyword()))
      .flatMap(words)
      .map((word) => word.split('=')[0]!);
    expect(assigned.length).toBeGreaterThan(0);
    expect(assigned.filter((name) => /SECRET|PASSWORD|TOKEN|_KEY$|CREDENTIAL/i.test(name))).toEqual([]);
  });

  it('When an image is built for a service, then it runs the compiled service with node as a non-root user, with production dependencies only and a health check', () => {
    for (const service of SERVICES) {
      const instructions = lineage(service);
      const last = (keyword: string) => instructions.filter((i) => i.getKeyword() === keyword).at(-1);
      expect(words(last('CMD')!)).toEqual(['node', '--enable-source-maps', `dist/${service}/index.js`]);
      const user = words(last('USER')!)[0];
      expect(user === 'root' || user === '0').toBe(false);
      expect(last('HEALTHCHECK')).toBeDefined();
      expect(instructions.map((i) => i.getTextContent()).join('\n')).not.toMatch(/tsx/);
    }
    const runtime = lineage('runtime');
    const fromStages = runtime.filter((i) => i.getKeyword() === 'COPY').map(copiedFrom);
    // The runtime image takes its node_modules from the stage that installed production dependencies only.
    expect(fromStages).toEqual(expect.arrayContaining(['production-deps', 'build']));
    const install = lineage('production-deps').find(
      (i) => i.getKeyword() === 'RUN' && /npm ci/.test(i.getTextContent()),
    )!;
    expect(install.getTextContent()).toMatch(/npm ci --omit=dev/);
    // Every stage the runtime copies from is one of those two: the build stage's node_modules (with dev dependencies) stays behind.
    expect(fromStages.filter((s) => s !== undefined && !['production-deps', 'build'].includes(s))).toEqual(
      [],
    );
    // The default target is the gateway.
    expect(stages().at(-1)?.name).toBe('gateway');
  });
});

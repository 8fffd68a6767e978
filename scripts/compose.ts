// `npm run compose`: writes schema/supergraph.graphql; with --check, fails when the checked-in file is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from './supergraph';

const result = composeSupergraph();
if ('errors' in result) {
  console.error(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_FILE is a constant path in this repository
  const current = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
  if (current !== result.supergraph) {
    console.error('schema/supergraph.graphql is stale: run `npm run compose` and commit it.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date.');
} else {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- SUPERGRAPH_FILE is a constant path in this repository
  writeFileSync(SUPERGRAPH_FILE, result.supergraph);
  console.log(`Wrote ${SUPERGRAPH_FILE}`);
}

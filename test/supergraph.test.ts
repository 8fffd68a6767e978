import { existsSync, readFileSync } from 'node:fs';
import { composeSupergraph, SUPERGRAPH_FILE } from '../scripts/supergraph';

describe('Supergraph composition', () => {
  it('When the subgraph schemas are composed, then composition reports no error and matches the checked-in supergraph', () => {
    const result = composeSupergraph();
    if ('errors' in result) throw new Error(`composition failed:\n${result.errors.join('\n')}`);
    expect(existsSync(SUPERGRAPH_FILE)).toBe(true);
    // A stale file means a schema changed without `npm run compose`.
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(result.supergraph);
  });
});

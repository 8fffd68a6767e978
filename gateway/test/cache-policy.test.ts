// The cache policy of a document under the supergraph's composed @cacheControl hints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, parse } from 'graphql';
import { cachePolicy } from '../src/cache-policy';

const schema = buildASTSchema(
  parse(readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8')),
  {
    assumeValidSDL: true,
  },
);
const policy = (query: string, variables: Record<string, unknown> = {}) =>
  cachePolicy(schema, parse(query), variables);

describe('cachePolicy', () => {
  it('When every field is a public catalog field, then the answer is public for 60 seconds', () => {
    expect(
      policy(
        '{ products(first: 2) { nodes { id title priceRange { minVariantPrice { amount } } } pageInfo { hasNextPage } } }',
      ),
    ).toEqual({
      maxAge: 60,
      scope: 'PUBLIC',
    });
  });

  it('When a stock figure is selected, then the least maxAge wins: 5 seconds', () => {
    expect(policy('{ products(first: 1) { nodes { variants { quantityAvailable } } } }')).toEqual({
      maxAge: 5,
      scope: 'PUBLIC',
    });
  });

  it('When the stock figure is skipped by a variable, then it does not count', () => {
    const query =
      'query($s: Boolean!) { products(first: 1) { nodes { variants { id quantityAvailable @skip(if: $s) } } } }';
    expect(policy(query, { s: true })).toEqual({ maxAge: 60, scope: 'PUBLIC' });
  });

  it("When a customer's data is selected, or a field without a hint, or a mutation, then it is not shared", () => {
    expect(policy('{ me { id } }').scope).toBe('PRIVATE');
    expect(policy('{ apiKeys { id } }').maxAge).toBe(0);
    expect(policy('mutation { customerLogout { success } }')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
  });
});

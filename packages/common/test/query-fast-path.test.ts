import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { BadInputError, maskError } from '../src';
import { createQueryFastPath, type FormatError } from '../src/query-fast-path';

const typeDefs = parse(`
  type Query { hello(name: String!): String! items(first: Int = 2): [Item!]! boom: String bad: String broken: Item }
  type Item { id: ID! price: Int! tags: [String!]! }
  type Mutation { touch: Int! }
`);

function setup(introspection: boolean) {
  let touched = 0;
  const schema = buildSubgraphSchema({
    typeDefs,
    resolvers: {
      Query: {
        hello: (_: unknown, args: { name: string }) => `hello ${args.name}`,
        items: async (_: unknown, args: { first: number }) =>
          Array.from({ length: args.first }, (_, i) => ({ id: `i${i}`, price: i * 100, tags: ['a', 'b'] })),
        boom: () => {
          throw new Error('connection string postgres://secret@db leaked');
        },
        // A non-null field resolving to null: the error, and null in its nullable parent.
        broken: () => ({ id: 'b1', price: null, tags: [] }),
        bad: () => {
          throw new BadInputError('first must be between 0 and 100');
        },
      },
      Item: { price: async (item: { price: number }) => item.price },
      Mutation: { touch: () => ++touched },
    },
  });
  const formatError: FormatError = (formatted) => maskError(formatted);
  const apollo = new ApolloServer({
    schema,
    introspection,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const fast = createQueryFastPath({ schema, formatError, introspection });
  const viaApollo = async (body: Record<string, unknown>) => {
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body,
      },
      context: async () => ({}),
    });
    if (result.body.kind !== 'complete') throw new Error('expected a complete body');
    return { status: result.status ?? 200, body: result.body.string };
  };
  return { apollo, fast, viaApollo, touched: () => touched };
}

describe('query fast path', () => {
  const on = setup(true);
  const off = setup(false);
  beforeAll(async () => {
    await on.apollo.start();
    await off.apollo.start();
  });
  afterAll(async () => {
    await on.apollo.stop();
    await off.apollo.stop();
  });

  it('When a valid query runs, with or without variables, operation names and field errors, then the answer is byte for byte what Apollo Server gives', async () => {
    const bodies: Record<string, unknown>[] = [
      { query: '{ hello(name: "shop") }' },
      { query: 'query($n: Int) { items(first: $n) { id price tags } }', variables: { n: 3 } },
      {
        query: 'query A { hello(name: "a") } query B { items { id } }',
        operationName: 'B',
        variables: null,
        extensions: {},
      },
      // A resolver's own error is masked, a BAD_USER_INPUT one keeps its message; the other fields still answer.
      { query: '{ hello(name: "x") boom bad items { price } }' },
      { query: '{ hello(name: "y") broken { id price } }' },
      { query: '{ _service { sdl } }' },
    ];
    // Three times each: run by graphql-js the first time, compiled from the second.
    for (const body of bodies) {
      const apollo = await on.viaApollo(body);
      expect(apollo.status).toBe(200);
      for (let run = 0; run < 3; run++) expect(await on.fast(body, undefined, {})).toBe(apollo.body);
    }
    const errors = JSON.parse((await on.fast(bodies[3]!, 'application/json', {}))!);
    expect(errors.errors).toEqual([
      { message: 'Internal server error', path: ['boom'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      {
        message: 'first must be between 0 and 100',
        locations: [{ line: 1, column: 25 }],
        path: ['bad'],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(JSON.stringify(errors)).not.toContain('secret');
  });

  it('When a request is a mutation, invalid, has variables that do not coerce, a persisted query or another Accept, then it is left to Apollo Server', async () => {
    const left = [
      { query: 'mutation { touch }' },
      { query: '{ nope }' },
      { query: '{ hello(name: ' },
      { query: 'query($n: String!) { hello(name: $n) }' },
      { query: 'query($n: String!) { hello(name: $n) }', variables: { n: 5 } },
      { query: '{ hello(name: "a") }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      { query: 'query A { hello(name: "a") } query B { hello(name: "b") }' },
      { query: '{ hello(name: "a") }', operationName: 'Missing' },
      { query: '{ hello(name: "a") }', variables: [1] },
      { query: 42 },
    ];
    for (const body of left) {
      for (let run = 0; run < 3; run++) expect(await on.fast(body, undefined, {})).toBeNull();
    }
    expect(on.touched()).toBe(0);
    expect(
      await on.fast({ query: '{ hello(name: "a") }' }, 'application/graphql-response+json', {}),
    ).toBeNull();
    expect(await on.fast({ query: '{ hello(name: "a") }' }, 'multipart/mixed', {})).toBeNull();
    expect(await on.fast(null, undefined, {})).toBeNull();
  });

  it('When introspection is off, then an introspection query is left to Apollo Server, which refuses it; when on, it is answered as Apollo answers', async () => {
    const body = { query: '{ __schema { queryType { name } } }' };
    expect(await off.fast(body, undefined, {})).toBeNull();
    expect((await off.viaApollo(body)).status).toBe(400);
    expect(await on.fast(body, undefined, {})).toBe((await on.viaApollo(body)).body);
  });
});

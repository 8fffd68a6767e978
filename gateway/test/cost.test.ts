// estimateCost: hand-computed costs of operations over a small schema, and the supergraph's own directives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildASTSchema, buildSchema, parse } from 'graphql';
import { estimateCost } from '../src/cost';

const schema = buildSchema(`
  directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION

  type Query {
    product(id: ID!): Product
    products(first: Int, after: String): ProductConnection!
      @listSize(assumedSize: 20, slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)
    search(query: String! @cost(weight: 4), first: Int): ProductConnection! @listSize(slicingArguments: ["first"], sizedFields: ["nodes"]) @cost(weight: 10)
    tags: [String!]! @listSize(assumedSize: 5)
    unsized: [Product!]!
    node(id: ID!): Node
  }
  type Mutation { productDelete(id: ID!): Payload! }
  type Payload { ok: Boolean! userErrors: [Err!]! @listSize(assumedSize: 2) }
  type Err { code: String! }
  interface Node { id: ID! }
  type Product implements Node {
    id: ID!
    title: String!
    price: Money!
    related(first: Int = 8): [Product!]! @listSize(assumedSize: 8, slicingArguments: ["first"], requireOneSlicingArgument: false)
    variants: [Variant!]! @listSize(assumedSize: 3)
    heavy: Int @cost(weight: 7)
  }
  type Variant implements Node { id: ID! price: Money! }
  type Money { amount: String! }
  type ProductConnection { edges: [Edge!]! nodes: [Product!]! totalCount: Int! }
  type Edge { cursor: String! node: Product! }
`);

const cost = (
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
  defaultListSize?: number,
) =>
  estimateCost(
    schema,
    parse(query),
    variables,
    operationName,
    defaultListSize === undefined ? {} : { defaultListSize },
  );

describe('estimateCost', () => {
  it('When an object is selected, then it costs 1 and its scalars nothing', () => {
    expect(cost('{ product(id: "1") { id title } }')).toBe(1);
    expect(cost('{ product(id: "1") { price { amount } } }')).toBe(2);
    expect(cost('{ __typename }')).toBe(0);
  });

  it('When a list has a default slicing argument, then the default is its size', () => {
    // product 1 + 8 related products of 1 each
    expect(cost('{ product(id: "1") { related { id } } }')).toBe(9);
    expect(cost('{ product(id: "1") { related(first: 2) { id } } }')).toBe(3);
  });

  it('When the slicing argument is a variable, then its value is the size (and an unset one takes the default)', () => {
    const query = 'query($n: Int) { product(id: "1") { related(first: $n) { id } } }';
    expect(cost(query, { n: 100 })).toBe(101);
    expect(cost(query, {})).toBe(9);
    // null reaches the field: the assumed size
    expect(cost(query, { n: null })).toBe(9);
  });

  it('When lists nest, then their sizes multiply', () => {
    const query =
      'query($n: Int) { product(id: "1") { related(first: $n) { related(first: $n) { related(first: $n) { id } } } } }';
    // innermost 10 x 1 = 10; middle 10 x (1 + 10) = 110; outer 10 x (1 + 110) = 1110; product 1 + 1110
    expect(cost(query, { n: 10 })).toBe(1111);
    // defaults: 8 x (1 + 8 x (1 + 8)) = 584, plus the product
    expect(cost('{ product(id: "1") { related { related { related { id } } } } }')).toBe(585);
  });

  it('When a connection is sliced, then its sized fields take the size and the connection itself costs 1', () => {
    // 1 + edges 5 x (1 + node 1) + nodes 5 x (1 + price 1)
    expect(
      cost('{ products(first: 5) { totalCount edges { cursor node { id } } nodes { price { amount } } } }'),
    ).toBe(21);
    // first unset: the assumed 20
    expect(cost('{ products { edges { node { id } } nodes { id } } }')).toBe(1 + 20 * 2 + 20 * 1);
  });

  it('When fields and arguments carry @cost, then their weights count', () => {
    // search 10 + its argument 4 + nodes 3 x (1 + heavy 7)
    expect(cost('{ search(query: "x", first: 3) { nodes { heavy } } }')).toBe(38);
    // no first and no assumed size: the default list size, 10
    expect(cost('{ search(query: "x") { nodes { heavy } } }')).toBe(10 + 4 + 10 * 8);
  });

  it('When a list declares no size, then the default list size applies', () => {
    expect(cost('{ unsized { id } }')).toBe(10);
    expect(cost('{ unsized { id } }', {}, undefined, 3)).toBe(3);
    expect(cost('{ tags }')).toBe(0);
  });

  it('When fragments select fields, then they count as written, inline or named, each spread each time', () => {
    const named =
      'query { product(id: "1") { ...P } } fragment P on Product { price { amount } variants { price { amount } } }';
    // product 1 + price 1 + variants 3 x (1 + 1)
    expect(cost(named)).toBe(8);
    const twice =
      'query { a: product(id: "1") { ...P } b: product(id: "2") { ...P } } fragment P on Product { related(first: 4) { id } }';
    expect(cost(twice)).toBe(2 * (1 + 4));
    // the interface 1, then each type's selection: an upper bound
    expect(
      cost('{ node(id: "1") { ... on Product { price { amount } } ... on Variant { price { amount } } } }'),
    ).toBe(3);
    const nested =
      'query($n: Int) { product(id: "1") { ...R } } fragment R on Product { related(first: $n) { ...S } } fragment S on Product { related(first: $n) { id } }';
    expect(cost(nested, { n: 3 })).toBe(1 + 3 * (1 + 3));
  });

  it('When @skip or @include leave a field out, then it costs nothing', () => {
    const query =
      'query($s: Boolean!) { product(id: "1") { price @skip(if: $s) { amount } ... @include(if: $s) { variants { id } } } }';
    expect(cost(query, { s: true })).toBe(1 + 3);
    expect(cost(query, { s: false })).toBe(2);
  });

  it('When a mutation runs, then each root field costs 10 besides its selections', () => {
    expect(cost('mutation { productDelete(id: "1") { ok userErrors { code } } }')).toBe(10 + 1 + 2);
  });

  it('When introspection is asked, then it costs nothing', () => {
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('When a document holds several operations, then the named one is costed', () => {
    const doc =
      'query A { product(id: "1") { id } } query B { product(id: "1") { related(first: 50) { id } } }';
    expect(cost(doc, {}, 'A')).toBe(1);
    expect(cost(doc, {}, 'B')).toBe(51);
    expect(() => cost(doc)).toThrow(/operation name/);
  });

  it('When a variable does not coerce, then its error is thrown', () => {
    expect(() =>
      cost('query($n: Int) { product(id: "1") { related(first: $n) { id } } }', { n: 'many' }),
    ).toThrow(/\$n/);
  });
});

describe('estimateCost on the supergraph', () => {
  const supergraph = buildASTSchema(
    parse(readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8')),
    { assumeValidSDL: true },
  );
  const nest = (depth: number, args: string) => {
    let inner = '{ id }';
    for (let i = 0; i < depth; i++) inner = `{ id relatedProducts${args} ${inner} }`;
    return inner;
  };

  it('When relatedProducts(first: $n) nests five deep with n = 100, then the cost is at least 100^5', () => {
    const query = `query($n: Int) { products(first: 1) { nodes ${nest(5, '(first: $n)')} } }`;
    expect(estimateCost(supergraph, parse(query), { n: 100 })).toBeGreaterThanOrEqual(100 ** 5);
  });

  it('When the default relatedProducts nests seven deep, then the cost is at least 8^7', () => {
    const query = `{ product(handle: "x") ${nest(7, '')} }`;
    expect(estimateCost(supergraph, parse(query), {})).toBeGreaterThanOrEqual(8 ** 7);
  });

  it('When a storefront lists products with their variants, then it costs what its lists hold', () => {
    const query =
      '{ products(first: 100) { nodes { variants { id title quantityAvailable price { amount currencyCode } } } } }';
    // products 1 + nodes 100 x (1 + variants 10 x (1 + price 1))
    expect(estimateCost(supergraph, parse(query), {})).toBe(1 + 100 * (1 + 10 * 2));
  });
});

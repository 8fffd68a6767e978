// guardArguments on a small schema: which values it refuses, where, and what runs.
import { buildSchema, graphql } from 'graphql';
import { guardArguments, isCleanText } from '../src/input-guard';

const sdl = `
  type UserError { code: String! field: [String!] message: String! }
  type Payload { ok: Boolean userErrors: [UserError!]! }
  input LineInput { id: ID! note: String tags: [String!] }
  type Query { find(text: String, ids: [ID!]): Boolean count(n: Int): Int }
  type Mutation { save(lines: [LineInput!]!, tags: [String!]): Payload! }
`;

function setup(limits: Parameters<typeof guardArguments>[1]) {
  const schema = buildSchema(sdl);
  const calls: string[] = [];
  const root = {
    find: () => {
      calls.push('find');
      return true;
    },
    count: ({ n }: { n: number }) => n,
    save: () => {
      calls.push('save');
      return { ok: true, userErrors: [] };
    },
  };
  guardArguments(schema, limits);
  const run = (source: string, variableValues: Record<string, unknown> = {}) =>
    graphql({ schema, source, rootValue: root, variableValues });
  return { run, calls };
}

describe('guardArguments', () => {
  it('When text holds a control character or a lone surrogate, then it is BAD_USER_INPUT naming the argument, and nothing runs', async () => {
    const { run, calls } = setup({ defaultMaxItems: 10 });
    for (const text of ['a\u0000b', '\u0007', 'x\u001f', '\u007f', '\u0085', 'a\ud800', '\udc00b']) {
      const result = await run('query($t: String) { find(text: $t) }', { t: text });
      expect(result.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
        ['BAD_USER_INPUT', 'text holds a control character or malformed text.'],
      ]);
    }
    const nested = await run('mutation($l: [LineInput!]!) { save(lines: $l) { ok } }', {
      l: [{ id: '1' }, { id: '2', note: 'bad\u0000' }],
    });
    expect(nested.errors?.[0]?.message).toBe('lines.1.note holds a control character or malformed text.');
    expect(calls).toEqual([]);
  });

  it('When text holds tabs, new lines, accents or emoji, then it runs', async () => {
    const { run, calls } = setup({ defaultMaxItems: 10 });
    const result = await run('query($t: String) { find(text: $t) }', { t: 'Café\tline\r\nnext 👟 𝄞' });
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual(['find']);
    expect(isCleanText('plain')).toBe(true);
  });

  it('When a mutation list is over its bound, then one TOO_MANY_ITEMS userError names it and the resolver does not run', async () => {
    const { run, calls } = setup({
      defaultMaxItems: 5,
      maxItems: { 'Mutation.save(tags:)': 2, 'LineInput.tags': 3 },
    });
    const save =
      'mutation($l: [LineInput!]!, $t: [String!]) { save(lines: $l, tags: $t) { ok userErrors { code field message } } }';
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }));

    const tooManyLines = await run(save, { l: lines(6) });
    expect(tooManyLines.data).toEqual({
      save: {
        ok: null,
        userErrors: [{ code: 'TOO_MANY_ITEMS', field: ['lines'], message: 'lines takes at most 5 items.' }],
      },
    });
    const tooManyTags = await run(save, { l: lines(1), t: ['a', 'b', 'c'] });
    expect(tooManyTags.data?.save).toMatchObject({
      userErrors: [{ code: 'TOO_MANY_ITEMS', field: ['tags'] }],
    });
    const nested = await run(save, { l: [{ id: '1', tags: ['a', 'b', 'c', 'd'] }] });
    expect(nested.data?.save).toMatchObject({
      userErrors: [
        {
          code: 'TOO_MANY_ITEMS',
          field: ['lines', '0', 'tags'],
          message: 'lines.0.tags takes at most 3 items.',
        },
      ],
    });
    expect(calls).toEqual([]);

    const atBounds = await run(save, { l: [{ id: '1', tags: ['a', 'b', 'c'] }, ...lines(4)], t: ['a', 'b'] });
    expect(atBounds.data?.save).toEqual({ ok: true, userErrors: [] });
    expect(calls).toEqual(['save']);
  });

  it('When a per-list bound is looser than the default, then the default still holds', async () => {
    const { run } = setup({ defaultMaxItems: 2, maxItems: { 'Mutation.save(tags:)': 50 } });
    const result = await run(
      'mutation($t: [String!]) { save(lines: [], tags: $t) { userErrors { message } } }',
      { t: ['a', 'b', 'c'] },
    );
    expect(result.data?.save).toEqual({ userErrors: [{ message: 'tags takes at most 2 items.' }] });
  });

  it('When a query list is over its bound, then it is BAD_USER_INPUT', async () => {
    const { run, calls } = setup({ defaultMaxItems: 3 });
    const result = await run('query($ids: [ID!]) { find(ids: $ids) }', { ids: ['1', '2', '3', '4'] });
    expect(result.errors?.map((e) => [e.extensions.code, e.message])).toEqual([
      ['BAD_USER_INPUT', 'ids takes at most 3 items.'],
    ]);
    expect(calls).toEqual([]);
    expect((await run('{ count(n: 4) }')).data).toEqual({ count: 4 });
  });
});

// Composes the subgraph SDLs into the supergraph the gateway serves (schema/supergraph.graphql).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export const ROOT = join(__dirname, '..');
export const SUPERGRAPH_FILE = join(ROOT, 'schema', 'supergraph.graphql');

/** The subgraphs and the URLs the supergraph records for them (the embedded defaults; the gateway can override each). */
export const SUBGRAPHS = [
  { name: 'users', port: 4001 },
  { name: 'catalog', port: 4002 },
  { name: 'cart', port: 4003 },
  { name: 'orders', port: 4004 },
  { name: 'shipping', port: 4005 },
] as const;

export function composeSupergraph(): { supergraph: string } | { errors: string[] } {
  const result = composeServices(
    SUBGRAPHS.map(({ name, port }) => ({
      name,
      url: `http://127.0.0.1:${port}/graphql`,
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- name is a subgraph name of the constant list; the path stays in this repository
      typeDefs: parse(readFileSync(join(ROOT, 'subgraphs', name, 'schema.graphql'), 'utf8')),
    })),
  );
  if (result.errors) return { errors: result.errors.map((e) => e.message) };
  return { supergraph: result.supergraphSdl };
}

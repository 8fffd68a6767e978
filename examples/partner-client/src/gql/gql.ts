/* eslint-disable */
import * as types from './graphql';
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PartnerProduct($handle: String) {\n  product(handle: $handle) {\n    id\n    title\n    description\n  }\n}": typeof types.PartnerProductDocument,
    "query PartnerProducts($first: Int = 10, $after: String) {\n  products(first: $first, after: $after) {\n    nodes {\n      id\n      handle\n      title\n      variants {\n        id\n        sku\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.PartnerProductsDocument,
};
const documents: Documents = {
    "query PartnerProduct($handle: String) {\n  product(handle: $handle) {\n    id\n    title\n    description\n  }\n}": types.PartnerProductDocument,
    "query PartnerProducts($first: Int = 10, $after: String) {\n  products(first: $first, after: $after) {\n    nodes {\n      id\n      handle\n      title\n      variants {\n        id\n        sku\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.PartnerProductsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerProduct($handle: String) {\n  product(handle: $handle) {\n    id\n    title\n    description\n  }\n}"): (typeof documents)["query PartnerProduct($handle: String) {\n  product(handle: $handle) {\n    id\n    title\n    description\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerProducts($first: Int = 10, $after: String) {\n  products(first: $first, after: $after) {\n    nodes {\n      id\n      handle\n      title\n      variants {\n        id\n        sku\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query PartnerProducts($first: Int = 10, $after: String) {\n  products(first: $first, after: $after) {\n    nodes {\n      id\n      handle\n      title\n      variants {\n        id\n        sku\n        price {\n          amount\n          currencyCode\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The GraphQL endpoint the app calls; `/graphql` (the server it is served from) by default. */
  readonly VITE_GRAPHQL_URL?: string;
}

// The GraphQL explorer (GraphiQL), served from node_modules so it works with no network access.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Route } from '@shop/common';

const DEFAULT_QUERY = `# Welcome to the shop's GraphQL explorer.
# Sign in with customerLogin, then add {"Authorization": "Bearer <accessToken>"} under Headers.

query Storefront {
  products(first: 5) {
    nodes {
      title
      priceRange { minVariantPrice { amount currencyCode } }
    }
  }
}
`;

export const EXPLORER_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Shop GraphQL explorer</title>
    <link rel="stylesheet" href="/explorer/graphiql.css" />
    <style>body { margin: 0; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading the explorer…</div>
    <script src="/explorer/react.js"></script>
    <script src="/explorer/react-dom.js"></script>
    <script src="/explorer/graphiql.js"></script>
    <script src="/explorer/start.js"></script>
  </body>
</html>
`;

const START_SCRIPT = `(function () {
  var fetcher = function (params, options) {
    var headers = Object.assign({ 'content-type': 'application/json' }, (options && options.headers) || {});
    return fetch('/graphql', { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (r) { return r.json(); });
  };
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, isHeadersEditorEnabled: true }));
})();
`;

function asset(pkg: string, file: string): string {
  return readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file), 'utf8');
}

/** Routes for the explorer's static assets; read once, at start. */
export function explorerRoutes(): Route[] {
  const assets: Record<string, { type: string; body: string }> = {
    'react.js': { type: 'text/javascript', body: asset('react', 'umd/react.production.min.js') },
    'react-dom.js': { type: 'text/javascript', body: asset('react-dom', 'umd/react-dom.production.min.js') },
    'graphiql.js': { type: 'text/javascript', body: asset('graphiql', 'dist/index.umd.js') },
    'graphiql.css': { type: 'text/css', body: asset('graphiql', 'dist/style.css') },
    'start.js': { type: 'text/javascript', body: START_SCRIPT },
  };
  return [
    {
      method: 'GET',
      path: '/explorer/:file',
      handler: async ({ params }) => {
        const found = assets[params.file ?? ''];
        if (!found) return { status: 404, body: { error: 'Not found' } };
        return {
          status: 200,
          body: found.body,
          headers: { 'content-type': `${found.type}; charset=utf-8`, 'cache-control': 'public, max-age=3600' },
        };
      },
    },
  ];
}

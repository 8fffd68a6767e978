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

const EXPLORER_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Shop GraphQL explorer</title>
    <link rel="stylesheet" href="/explorer/graphiql.css" />
    <link rel="stylesheet" href="/explorer/page.css" />
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

/**
 * What the explorer may load: its own scripts, styles and queries from the gateway, and the fonts and images
 * GraphiQL's stylesheet inlines as data: URLs; nothing inline, nothing from elsewhere, and no framing.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of the explorer page and its assets. */
export const EXPLORER_HEADERS: Record<string, string> = {
  'content-security-policy': EXPLORER_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function explorerPage(): { html: string; headers: Record<string, string> } {
  return { html: EXPLORER_PAGE, headers: EXPLORER_HEADERS };
}

function asset(pkg: string, file: string): string {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the path is built from an installed package's directory and a fixed file name, never from a request
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
    'page.css': { type: 'text/css', body: 'body { margin: 0; } #graphiql { height: 100vh; }\n' },
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
          headers: {
            ...EXPLORER_HEADERS,
            'content-type': `${found.type}; charset=utf-8`,
            'cache-control': 'public, max-age=3600',
          },
        };
      },
    },
  ];
}

// Serves the built storefront (storefront/dist) and forwards its API calls (/graphql, and /sandbox/ for the
// payment sandbox's 3-D Secure step) to a gateway, so the browser talks to one origin and needs no CORS. The
// shopper's address goes with each call (X-Forwarded-For), so the gateway's limits count each shopper apart.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';

export const STOREFRONT_DIR = resolve(__dirname, '..');
export const DIST_DIR = join(STOREFRONT_DIR, 'dist');

const TYPES = new Map<string, string>(
  Object.entries({
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.txt': 'text/plain; charset=utf-8',
  }),
);

/**
 * Its own scripts and styles only; product images may come from wherever the catalog keeps them (https or data:),
 * API calls only to this origin, and no framing.
 */
export const STOREFRONT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': STOREFRONT_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

function newest(dir: string): number {
  let latest = 0;
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- walks the storefront's own source folder
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- a file of the storefront's own source folder
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds the app with Vite when dist/ is missing or older than its sources (a build takes a second or two). */
export function ensureBuilt(log: (line: string) => void = () => undefined): void {
  const index = join(DIST_DIR, 'index.html');
  const sources = Math.max(
    newest(join(STOREFRONT_DIR, 'src')),
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the storefront's own index.html
    statSync(join(STOREFRONT_DIR, 'index.html')).mtimeMs,
  );
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the build output's fixed path
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  log('building the storefront (vite build)…');
  const vite = join(
    dirname(require.resolve('vite/package.json', { paths: [STOREFRONT_DIR] })),
    'bin',
    'vite.js',
  );
  // NODE_ENV as jest sets it (test) would make Vite bundle React's development build.
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: STOREFRONT_DIR,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'proxy-connection',
  'te',
  'trailer',
]);

/** The header in which the gateway (TRUSTED_PROXY_SECRET) is shown that a request came through this server. */
const PROXY_SECRET_HEADER = 'x-shop-proxy-secret';

/**
 * The shopper's address goes on in X-Forwarded-For, appended to what came before (the gateway, told of this one
 * hop, believes only the last entry), with the proxy secret that tells the gateway to believe it. Whatever secret
 * the shopper sent is dropped.
 */
function forwardedHeaders(
  req: IncomingMessage,
  proxySecret: string | undefined,
): Record<string, string | string[]> {
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(
      ([name, value]) => value !== undefined && !HOP_BY_HOP.has(name) && name !== PROXY_SECRET_HEADER,
    ),
  ) as Record<string, string | string[]>;
  const before = req.headers['x-forwarded-for'];
  const address = req.socket.remoteAddress;
  if (address) {
    const prior = Array.isArray(before) ? before.join(', ') : before;
    headers['x-forwarded-for'] = prior ? `${prior}, ${address}` : address;
  }
  if (proxySecret) headers['x-shop-proxy-secret'] = proxySecret;
  return headers;
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  gateway: URL,
  proxySecret?: string,
): void {
  // Only the path and query come from the request: the host is always the gateway's, so no request line
  // (`//elsewhere/graphql`, `http://elsewhere/graphql`) can send the call, or the proxy secret, anywhere else.
  const target = new URL(gateway.origin);
  target.pathname = url.pathname;
  target.search = url.search;
  const headers = forwardedHeaders(req, proxySecret);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers, timeout: 30_000 }, (answer) => {
    const out = Object.fromEntries(
      Object.entries(answer.headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name)),
    );
    res.writeHead(answer.statusCode ?? 502, out as Record<string, string | string[]>);
    answer.pipe(res);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
  upstream.on('error', () => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(502, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        errors: [{ message: 'The shop is not answering; try again.', extensions: { code: 'BAD_GATEWAY' } }],
      }),
    );
  });
  req.pipe(upstream);
}

function serveFile(res: ServerResponse, path: string, immutable: boolean): void {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- path is checked to lie inside dist/ by the caller
  const body = readFileSync(path);
  res.writeHead(200, {
    ...HEADERS,
    'content-type': TYPES.get(extname(path)) ?? 'application/octet-stream',
    'content-length': body.length,
    // Hashed asset names change with their content; the page itself is always revalidated.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(body);
}

export interface StorefrontServer {
  url: string;
  close: () => Promise<void>;
}

export async function startStorefront(options: {
  port: number;
  host?: string;
  gatewayUrl: string;
  distDir?: string;
  /** The gateway's TRUSTED_PROXY_SECRET, sent with each forwarded call so it believes X-Forwarded-For. */
  proxySecret?: string;
}): Promise<StorefrontServer> {
  const dist = options.distDir ?? DIST_DIR;
  const gateway = new URL(options.gatewayUrl);
  const index = join(dist, 'index.html');
  const server = createServer((req, res) => {
    const raw = req.url ?? '/';
    // A request line must be a path of this server: one naming another host (absolute, `//host` or `/\\host`) is
    // refused, never resolved against it.
    if (!raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request target');
      return;
    }
    const url = new URL(raw, 'http://storefront');
    if (url.host !== 'storefront') {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request target');
      return;
    }
    if (url.pathname === '/graphql' || url.pathname.startsWith('/sandbox/')) {
      forward(req, res, url, gateway, options.proxySecret);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = normalize(join(dist, decodeURIComponent(url.pathname)));
    } catch {
      res.writeHead(400).end();
      return;
    }
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- path is normalised and must lie inside dist/
    if (path.startsWith(dist + sep) && existsSync(path) && statSync(path).isFile()) {
      serveFile(res, path, url.pathname.startsWith('/assets/'));
      return;
    }
    if (url.pathname.startsWith('/assets/')) {
      res.writeHead(404, HEADERS).end();
      return;
    }
    // Every other path is a page of the app: the URL is its state.
    serveFile(res, index, false);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.host ?? '127.0.0.1', ok);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

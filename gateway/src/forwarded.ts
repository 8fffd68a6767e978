// Whose X-Forwarded-For the gateway believes. Behind TRUSTED_PROXY_HOPS proxies the client is the entry that many
// places from the right; with TRUSTED_PROXY_SECRET set, only a request carrying that secret (in X-Shop-Proxy-Secret) came through them (the
// storefront's server shares the gateway's host, so the peer's address cannot tell it from a direct caller).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The proxy hops to believe for this request: all of them, or none when it lacks the proxies' secret. */
export function trustedHops(req: IncomingMessage, hops: number, secret: string | undefined): number {
  if (hops === 0 || secret === undefined) return hops;
  const sent = req.headers['x-shop-proxy-secret'];
  return typeof sent === 'string' && timingSafeEqual(digest(sent), digest(secret)) ? hops : 0;
}

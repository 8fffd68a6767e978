// How `npm start` wires the storefront to the shop it starts: the gateway believes the storefront's server about
// each shopper's address (one trusted hop, proven by a secret made for this run), and the users service publishes
// the storefront's manifest as the shop's own client at start, so the storefront runs by hash even when the
// gateway enforces its safelist.
import { randomBytes } from 'node:crypto';
import { MANIFEST_PATH } from './manifest';

export interface EmbeddedStorefront {
  /** What the shop's services are started with, besides the operator's environment. */
  env: Record<string, string>;
  /** What the storefront's server sends the gateway with each call. */
  proxySecret: string | undefined;
}

/** Leaves alone what the operator set: their own proxy hops and secret, their own first-party manifests. */
export function embeddedStorefront(env: Record<string, string | undefined>): EmbeddedStorefront {
  const wiring: Record<string, string> = {};
  let proxySecret = env.TRUSTED_PROXY_SECRET;
  if (env.TRUSTED_PROXY_HOPS === undefined) {
    proxySecret ??= randomBytes(32).toString('base64url');
    wiring.TRUSTED_PROXY_HOPS = '1';
    wiring.TRUSTED_PROXY_SECRET = proxySecret;
  }
  if (env.FIRST_PARTY_MANIFESTS === undefined) wiring.FIRST_PARTY_MANIFESTS = `storefront=${MANIFEST_PATH}`;
  return { env: wiring, proxySecret };
}

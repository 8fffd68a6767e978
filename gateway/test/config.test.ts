import type { IncomingMessage } from 'node:http';
import { loadConfig } from '../src/config';
import { trustedHops } from '../src/forwarded';
import { clientIp } from '../src/identity';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

function request(forwarded: string | undefined, remote = '10.0.0.9'): IncomingMessage {
  return {
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
    socket: { remoteAddress: remote },
  } as unknown as IncomingMessage;
}

describe('Gateway configuration and client address', () => {
  it('When no proxy is trusted, then X-Forwarded-For is ignored and the socket address is used', () => {
    expect(clientIp(request('1.2.3.4'), 0)).toBe('10.0.0.9');
  });

  it('When one load balancer is trusted, then the client is the rightmost entry, whatever the client wrote before it', () => {
    expect(clientIp(request('6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientIp(request('203.0.113.7'), 1)).toBe('203.0.113.7');
    // Garbage where the address should be falls back to the socket.
    expect(clientIp(request('not-an-ip'), 1)).toBe('10.0.0.9');
    expect(clientIp(request(undefined), 1)).toBe('10.0.0.9');
  });

  it('When the proxy is known by a secret, then X-Forwarded-For is believed only from a request that carries it', () => {
    const from = (headers: Record<string, string>) =>
      ({
        headers: { 'x-forwarded-for': '203.0.113.7', ...headers },
        socket: { remoteAddress: '127.0.0.1' },
      }) as unknown as IncomingMessage;
    const proxied = from({ 'x-shop-proxy-secret': SECRET });
    expect(clientIp(proxied, trustedHops(proxied, 1, SECRET))).toBe('203.0.113.7');
    for (const direct of [
      from({}),
      from({ 'x-shop-proxy-secret': `${SECRET}x` }),
      from({ 'x-shop-proxy-secret': '' }),
    ])
      expect(clientIp(direct, trustedHops(direct, 1, SECRET))).toBe('127.0.0.1');
    // Without a secret configured, the hops alone decide, as before.
    expect(trustedHops(from({}), 1, undefined)).toBe(1);
    expect(trustedHops(proxied, 0, SECRET)).toBe(0);
  });

  it('When running in production, then introspection is off unless asked for', () => {
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET, NODE_ENV: 'production' }).INTROSPECTION).toBe(false);
    expect(
      loadConfig({ INTERNAL_AUTH_SECRET: SECRET, NODE_ENV: 'production', INTROSPECTION: 'true' })
        .INTROSPECTION,
    ).toBe(true);
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET }).INTROSPECTION).toBe(true);
  });

  it('When running in production, then the explorer is off unless EXPLORER=true', () => {
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET, NODE_ENV: 'production' }).EXPLORER).toBe(false);
    expect(
      loadConfig({ INTERNAL_AUTH_SECRET: SECRET, NODE_ENV: 'production', EXPLORER: 'true' }).EXPLORER,
    ).toBe(true);
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET, EXPLORER: 'false' }).EXPLORER).toBe(false);
    expect(loadConfig({ INTERNAL_AUTH_SECRET: SECRET }).EXPLORER).toBe(true);
  });

  it('When running in production, then the response cache is on unless RESPONSE_CACHE=false; elsewhere off unless asked for', () => {
    const cacheOf = (env: Record<string, string>) =>
      loadConfig({ INTERNAL_AUTH_SECRET: SECRET, ...env }).RESPONSE_CACHE;
    expect(cacheOf({ NODE_ENV: 'production' })).toBe(true);
    expect(cacheOf({ NODE_ENV: 'production', RESPONSE_CACHE: 'false' })).toBe(false);
    expect(cacheOf({})).toBe(false);
    expect(cacheOf({ RESPONSE_CACHE: '1' })).toBe(true);
  });

  it('When subgraph URLs are given, then each overrides the supergraph URL of its subgraph', () => {
    expect(
      loadConfig({ INTERNAL_AUTH_SECRET: SECRET, SUBGRAPH_USERS_URL: 'http://users:4001/graphql' })
        .subgraphUrls,
    ).toEqual({
      users: 'http://users:4001/graphql',
    });
  });
});

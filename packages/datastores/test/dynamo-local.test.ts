// The embedded DynamoDB Local: reachable from this machine only, and from no browser page but the gateway's.
import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { networkInterfaces } from 'node:os';
import { freePort } from '@shop/testkit';
import { startDynamoLocal, type DynamoLocal } from '../src/dynamo';

const GATEWAY = 'http://localhost:4000';

/** The local addresses of the sockets listening on `port`, read from the kernel's tables (IPv4 and IPv6). */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexAddress, hexPort] = (local ?? '').split(':');
      // 0A is TCP_LISTEN.
      if (state !== '0A' || parseInt(hexPort ?? '', 16) !== port) continue;
      found.push(decodeAddress(hexAddress ?? ''));
    }
  }
  return found;
}

/** /proc/net/tcp writes an address as 32-bit words in host (little-endian) order. */
function decodeAddress(hex: string): string {
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => (w.match(/../g) ?? []).reverse().map((b) => parseInt(b, 16)));
  if (bytes.length === 4) return bytes.join('.');
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff)
    return bytes.slice(12).join('.');
  return bytes.every((b) => b === 0) ? '::' : Buffer.from(bytes).toString('hex');
}

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function preflight(endpoint: string, origin: string) {
  return fetch(endpoint, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-amz-target',
    },
  });
}

describe('the embedded DynamoDB Local', () => {
  let local: DynamoLocal;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    local = await startDynamoLocal({ port, corsOrigins: [GATEWAY] });
  });
  afterAll(async () => local?.stop());

  it('When it is started, then it listens on 127.0.0.1 only and another address of this machine is refused', async () => {
    expect(listeningAddresses(port)).toEqual(['127.0.0.1']);
    expect(await connects('127.0.0.1', port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of others)
      expect({ address, connects: await connects(address, port) }).toEqual({ address, connects: false });
  });

  it('When a page of another origin sends a preflight, then it is not allowed; the gateway’s origin is', async () => {
    const foreign = await preflight(local.endpoint, 'http://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const sandboxed = await preflight(local.endpoint, 'null');
    expect(sandboxed.headers.get('access-control-allow-origin')).toBeNull();
    const gateway = await preflight(local.endpoint, GATEWAY);
    expect(gateway.headers.get('access-control-allow-origin')).toBe(GATEWAY);
  });

  it('When no origin is given, then no browser page may call it', async () => {
    const otherPort = await freePort();
    const closed = await startDynamoLocal({ port: otherPort });
    try {
      expect(listeningAddresses(otherPort)).toEqual(['127.0.0.1']);
      for (const origin of [GATEWAY, 'http://evil.example', 'null']) {
        expect(
          (await preflight(closed.endpoint, origin)).headers.get('access-control-allow-origin'),
        ).toBeNull();
      }
    } finally {
      await closed.stop();
    }
  });
});

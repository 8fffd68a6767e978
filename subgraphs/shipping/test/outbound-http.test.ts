import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { postWebhook, PrivateAddressError, publicOnlyLookup } from '../src/domain/outbound-http';

function fakeDns(addresses: string[]) {
  return (
    _host: string,
    _o: { all: true },
    cb: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void,
  ) =>
    cb(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
}

function resolveWith(addresses: string[]): Promise<{ error: Error | null; address: string }> {
  return new Promise((resolve) =>
    publicOnlyLookup(fakeDns(addresses))('tool.example', {}, (error, address) =>
      resolve({ error, address: String(address) }),
    ),
  );
}

describe('Outbound webhook connections', () => {
  let server: Server;
  let hits = 0;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      req.resume();
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('When a tool host resolves to a private or loopback address, then the connection is refused', async () => {
    for (const addresses of [
      ['127.0.0.1'],
      ['10.1.2.3'],
      ['169.254.169.254'],
      ['93.184.216.34', '192.168.1.5'],
      ['::1'],
    ]) {
      const { error } = await resolveWith(addresses);
      expect(error).toBeInstanceOf(PrivateAddressError);
    }
  });

  it('When a tool host resolves to public addresses only, then the connection goes to the first', async () => {
    expect(await resolveWith(['93.184.216.34'])).toEqual({ error: null, address: '93.184.216.34' });
  });

  it('When production delivers to a private address literal, then nothing is sent; in development it is', async () => {
    const before = hits;
    expect(
      await postWebhook(url, { 'content-type': 'application/json' }, '{}', {
        timeoutMs: 2000,
        publicOnly: true,
      }),
    ).toBeNull();
    expect(hits).toBe(before);
    expect(
      await postWebhook(url, { 'content-type': 'application/json' }, '{}', {
        timeoutMs: 2000,
        publicOnly: false,
      }),
    ).toBe(200);
    expect(hits).toBe(before + 1);
  });

  it('When production delivers to a name that resolves to loopback, then nothing is sent', async () => {
    const before = hits;
    const byName = url.replace('127.0.0.1', 'localhost');
    expect(await postWebhook(byName, {}, '{}', { timeoutMs: 2000, publicOnly: true })).toBeNull();
    expect(hits).toBe(before);
  });
});

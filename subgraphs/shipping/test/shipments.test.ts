import { verifyCarrierSignature, signCarrierPayload } from '../src/domain/carrier-webhooks';
import { addBusinessDays, advance } from '../src/domain/shipments';
import { isPrivateHost } from '../src/domain/webhooks';

describe('shipment journey', () => {
  const at = (status: Parameters<typeof advance>[0]['status'], progress: number) => ({ status, progress });

  it('When the carrier reports a later stage, then the status moves forward', () => {
    expect(advance(at('LABEL_CREATED', 0), 'IN_TRANSIT')).toEqual(at('IN_TRANSIT', 1));
    expect(advance(at('IN_TRANSIT', 1), 'DELIVERED')).toEqual(at('DELIVERED', 3));
    expect(advance(at('DELIVERED', 3), 'RETURNED')).toEqual(at('RETURNED', 4));
  });

  it('When the carrier reports an earlier stage or the same one, then nothing moves', () => {
    expect(advance(at('DELIVERED', 3), 'IN_TRANSIT')).toBeNull();
    expect(advance(at('OUT_FOR_DELIVERY', 2), 'LABEL_CREATED')).toBeNull();
    expect(advance(at('IN_TRANSIT', 1), 'IN_TRANSIT')).toBeNull();
  });

  it('When an exception interrupts the journey, then it resumes at the stage reached or later, never before', () => {
    const exception = advance(at('OUT_FOR_DELIVERY', 2), 'EXCEPTION');
    expect(exception).toEqual(at('EXCEPTION', 2));
    expect(advance(exception!, 'IN_TRANSIT')).toBeNull();
    expect(advance(exception!, 'OUT_FOR_DELIVERY')).toEqual(at('OUT_FOR_DELIVERY', 2));
    expect(advance(exception!, 'DELIVERED')).toEqual(at('DELIVERED', 3));
    expect(advance(at('DELIVERED', 3), 'EXCEPTION')).toBeNull();
  });

  it('When business days are added over a weekend, then Saturday and Sunday are skipped', () => {
    const friday = new Date('2026-01-02T10:00:00.000Z');
    expect(addBusinessDays(friday, 1).toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(addBusinessDays(friday, 5).toISOString()).toBe('2026-01-09T10:00:00.000Z');
  });
});

describe('carrier webhook signatures', () => {
  const secret = 'carrier-secret-carrier-secret-carrier!!';
  const body = JSON.stringify({ events: [] });
  const now = Date.UTC(2026, 0, 1);
  const t = Math.floor(now / 1000);

  it('When the body is signed with the carrier key, then it verifies; changed, stale or wrongly keyed, it does not', () => {
    const header = signCarrierPayload(secret, body, t);
    expect(verifyCarrierSignature(secret, header, Buffer.from(body), 300, now)).toBe(true);
    expect(verifyCarrierSignature(secret, header, Buffer.from(`${body} `), 300, now)).toBe(false);
    expect(verifyCarrierSignature(secret, header, Buffer.from(body), 300, now + 301_000)).toBe(false);
    expect(verifyCarrierSignature(`${secret}x`, header, Buffer.from(body), 300, now)).toBe(false);
    expect(verifyCarrierSignature(secret, undefined, Buffer.from(body), 300, now)).toBe(false);
    expect(verifyCarrierSignature(secret, 'v1=abc', Buffer.from(body), 300, now)).toBe(false);
  });
});

describe('webhook hosts', () => {
  it('When a webhook URL names a local or private host, then it counts as private; public hosts do not', () => {
    for (const host of [
      'localhost',
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '[::1]',
      'fd00::1',
      'erp.internal',
      // Link-local past fe80::, NAT64 and 6to4 wrapping 169.254.169.254, benchmarking, multicast, broadcast.
      'fe90::1',
      '[64:ff9b::a9fe:a9fe]',
      '2002:a9fe:a9fe::1',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '[::]',
    ]) {
      expect(isPrivateHost(host)).toBe(true);
    }
    for (const host of ['erp.example.com', '8.8.8.8', '172.32.0.1', '2001:db8::1'])
      expect(isPrivateHost(host)).toBe(false);
  });
});

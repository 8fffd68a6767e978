import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmailSender, FileEmailSender, SesEmailSender } from '../src';

const message = {
  to: 'ada@example.com',
  subject: 'Your order #1001',
  text: 'Thanks!',
  html: '<p>Thanks!</p>',
  idempotencyKey: 'order.paid:evt-1',
};

describe('Email port', () => {
  it('When the same email is sent twice to files, then one file holds it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-'));
    const sender = new FileEmailSender(dir);
    await sender.send(message);
    await sender.send(message);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, files[0]!), 'utf8'))).toMatchObject({
      to: 'ada@example.com',
      subject: 'Your order #1001',
    });
  });

  it('When no SES region is configured, then emails go to files under the data folder', () => {
    expect(createEmailSender({ from: 'shop@example.com', dataDir: '/tmp/x' })).toBeInstanceOf(
      FileEmailSender,
    );
  });

  describe('through SES', () => {
    let server: Server;
    let received: { path: string; body: Record<string, unknown> }[] = [];
    let url: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          received.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ MessageId: 'm-1' }));
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const address = server.address();
      url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));
    beforeEach(() => (received = []));

    it('When an email is sent, then SES v2 SendEmail receives sender, recipient, both bodies and a tag', async () => {
      const sender = createEmailSender({
        sesRegion: 'eu-west-1',
        sesEndpoint: url,
        from: 'Shop <shop@example.com>',
        dataDir: '/tmp/x',
      });
      expect(sender).toBeInstanceOf(SesEmailSender);
      await sender.send(message);
      expect(received).toHaveLength(1);
      expect(received[0]!.path).toBe('/v2/email/outbound-emails');
      expect(received[0]!.body).toMatchObject({
        FromEmailAddress: 'Shop <shop@example.com>',
        Destination: { ToAddresses: ['ada@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'Your order #1001' },
            Body: { Text: { Data: 'Thanks!' }, Html: { Data: '<p>Thanks!</p>' } },
          },
        },
        EmailTags: [{ Name: 'notification', Value: 'order_paid_evt-1' }],
      });
    });
  });
});

// The HTTP app's failure log names the path a request failed on, never its query string (which can carry a
// single-use token, as the sandbox's 3-D Secure link does).
import pino from 'pino';
import { createHttpApp } from '../src/http';

describe('HTTP app failure log', () => {
  it('When a route fails on a request whose query carries a token, then the log names the path and not the token', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const app = createHttpApp({
      logger,
      routes: [
        {
          method: 'POST',
          path: '/sandbox/payments/:id/authenticate',
          handler: async () => {
            throw new Error('provider unreachable');
          },
        },
      ],
    });
    const port = await app.listen(0, '127.0.0.1');
    try {
      const res = await fetch(
        `http://127.0.0.1:${port}/sandbox/payments/pi_1/authenticate?token=secret-nonce.signature`,
        {
          method: 'POST',
        },
      );
      expect(res.status).toBe(500);
      await res.text();
    } finally {
      await app.close();
    }
    const logged = lines.map((l) => JSON.parse(l) as { path?: string; msg?: string });
    expect(logged.find((l) => l.msg === 'request failed')?.path).toBe('/sandbox/payments/pi_1/authenticate');
    expect(lines.join('\n')).not.toContain('secret-nonce');
  });
});

/// <reference lib="dom" />
// The explorer in a real browser (Debian's Chromium): it loads with no network beyond the gateway and runs a query.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '@shop/testkit';
import { startProbe, type Probe } from './probe';

describeWithChromium('GraphQL explorer in a browser', () => {
  let probe: Probe;
  let browser: Browser;

  beforeAll(async () => {
    probe = await startProbe();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await probe?.close();
  });

  it('When a developer opens /graphql and runs a query, then the result shows and nothing was fetched from elsewhere', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(new URL(probe.gatewayUrl).origin)) foreign.push(request.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Chromium reports each thing the Content-Security-Policy blocked as an event and a console error.
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(probe.gatewayUrl);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('query Who { whoami');
    await page.keyboard.press('Escape');
    // The editor settles the operation name a moment after typing, as it does for a person.
    await page.waitForTimeout(1000);
    await page.locator('.graphiql-execute-button').click();
    await page.waitForFunction(
      () => document.querySelector('.result-window')?.textContent?.includes('anonymous'),
      undefined,
      {
        timeout: 20_000,
      },
    );
    const result = await page.locator('.result-window').textContent();
    expect(result).toMatch(/"whoami":\s*".*kind.*anonymous/);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/explorer.png` });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('When another site frames the explorer, then the browser refuses to show it', async () => {
    // A page of another origin (localhost, not 127.0.0.1) with the explorer in a frame.
    const framing = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<iframe src="${probe.gatewayUrl}"></iframe>`);
    });
    await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(message.text()));
      await page.goto(`http://localhost:${(framing.address() as AddressInfo).port}/`);
      await page.waitForTimeout(1500);
      const inner = page.frames().filter((f) => f !== page.mainFrame());
      expect(inner).toHaveLength(1);
      expect(inner[0]!.url()).not.toContain(new URL(probe.gatewayUrl).host);
      expect(console.join('\n')).toContain(
        'violates the following Content Security Policy directive: "frame-ancestors \'none\'"',
      );
    } finally {
      await new Promise((resolve) => framing.close(resolve));
    }
  });
});

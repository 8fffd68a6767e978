/// <reference lib="dom" />
// The explorer in a real browser (Debian's Chromium): it loads with no network beyond the gateway and runs a query.
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
    await page.goto(probe.gatewayUrl);
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
    await page.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('anonymous'), undefined, {
      timeout: 20_000,
    });
    const result = await page.locator('.result-window').textContent();
    expect(result).toMatch(/"whoami":\s*".*kind.*anonymous/);
    await page.screenshot({ path: `${process.env.TMPDIR ?? '/tmp'}/explorer.png` });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});

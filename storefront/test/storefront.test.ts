/// <reference lib="dom" />
// The storefront in Debian's Chromium against a real shop (gateway, five subgraphs, the real datastores): a
// shopper's journey from a mistyped search to a paid order in their account, a declined card, accessibility
// (axe-core), a JavaScript budget, and screenshots of every page at phone and desktop widths.
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSchema, parse, validate } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium, TEST_SECRET } from '@shop/testkit';
import { startTestShop } from '../../test/real-shop';
import {
  DIST_DIR,
  ensureBuilt,
  startStorefront,
  STOREFRONT_DIR,
  type StorefrontServer,
} from '../server/serve';
import { DOCUMENTS_PATH, manifestOf, readManifest } from '../server/manifest';
import { embeddedStorefront } from '../server/embedded';
import { describePublish, publishDocuments, signInAdmin } from '../server/publish-documents';
import { claimTokenFor, orderClaimKey } from '../../subgraphs/orders/src/domain/order-claims';
import { call, publishTestDocuments, storefrontDocument, TEST_DOCUMENTS } from './shop-calls';
import { totpCodeAt } from '../../subgraphs/users/src/domain/mfa';

const ARTIFACTS = join(STOREFRONT_DIR, 'test-artifacts');
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [STOREFRONT_DIR] }), 'utf8');
/** The first page may load at most this much JavaScript, gzipped. */
const JS_BUDGET_BYTES = 250 * 1024;
/** Failed sign-ins one client address may make before the shop refuses its sign-ins (LOGIN_IP_MAX_FAILURES). */
const LOGIN_IP_LIMIT = 5;
const JOURNEY_PASSWORD = 'correct horse battery staple';

describe('The storefront build', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('When the first page loads, then its JavaScript is under 250 kB gzipped and the query texts are not in it', () => {
    const html = readFileSync(join(DIST_DIR, 'index.html'), 'utf8');
    const scripts = [
      ...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ].map((m) => m[1] ?? m[2]!);
    expect(scripts.length).toBeGreaterThan(0);
    const bodies = scripts.map((src) => readFileSync(join(DIST_DIR, src)));
    const gzipped = bodies.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
    process.stdout.write(
      `storefront first page: ${(gzipped / 1024).toFixed(1)} kB of JavaScript gzipped (budget 250 kB)\n`,
    );
    expect(gzipped).toBeLessThan(JS_BUDGET_BYTES);
    // The pages send hashes; the bodies are in a chunk of their own, loaded only to register a document.
    expect(bodies.some((b) => b.toString('utf8').includes('query Search('))).toBe(false);
  });

  it('When the manifest is read, then it is Apollo format, each id is its body hash, and every body validates against the supergraph', () => {
    const documents = JSON.parse(readFileSync(DOCUMENTS_PATH, 'utf8')) as Record<string, string>;
    const manifest = readManifest();
    expect(manifest).toEqual(manifestOf(documents));
    expect(manifest.format).toBe('apollo-persisted-query-manifest');
    const schema = buildSchema(
      readFileSync(join(STOREFRONT_DIR, '..', 'schema', 'supergraph.graphql'), 'utf8'),
    );
    for (const op of manifest.operations) {
      expect(createHash('sha256').update(op.body).digest('hex')).toBe(op.id);
      expect(validate(schema, parse(op.body)).map((e) => `${op.name}: ${e.message}`)).toEqual([]);
    }
  });
});

describe("The storefront's server", () => {
  let storefront: StorefrontServer;
  let gateway: ReturnType<typeof createServer>;
  const seen: { method?: string; url?: string; authorization?: string; body: string }[] = [];
  const forwarded: { xff?: string | string[]; secret?: string | string[] }[] = [];
  let gatewayOrigin: string;

  beforeAll(async () => {
    ensureBuilt();
    gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        forwarded.push({ xff: req.headers['x-forwarded-for'], secret: req.headers['x-shop-proxy-secret'] });
        seen.push({
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks).toString(),
        });
        res
          .writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' })
          .end('{"data":{"ok":true}}');
      });
    });
    await new Promise<void>((ok) => gateway.listen(0, '127.0.0.1', ok));
    gatewayOrigin = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    storefront = await startStorefront({ port: 0, gatewayUrl: gatewayOrigin });
  }, 120_000);

  afterAll(async () => {
    await storefront?.close();
    await new Promise((ok) => gateway?.close(ok));
  });

  it('When a page of the app is asked for, then it gets the app with its security headers; a path out of dist/ gets the app too', async () => {
    const page = await fetch(`${storefront.url}/products/some-handle?Size=12`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const html = await page.text();
    expect(html).toContain('<div id="root">');
    const escape = await fetch(`${storefront.url}/..%2f..%2fpackage.json`);
    expect(await escape.text()).toBe(html);
    expect((await fetch(`${storefront.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${storefront.url}/`, { method: 'POST' })).status).toBe(405);
  });

  it('When the app calls /graphql or the sandbox, then the call reaches the gateway as sent and its answer comes back', async () => {
    const res = await fetch(`${storefront.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t0ken' },
      body: '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ab"}}}',
    });
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(res.headers.get('x-upstream')).toBe('yes');
    await fetch(`${storefront.url}/sandbox/payments/pi_1/authenticate?token=abc`, { method: 'POST' });
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/graphql',
        authorization: 'Bearer t0ken',
        body: '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ab"}}}',
      },
      {
        method: 'POST',
        url: '/sandbox/payments/pi_1/authenticate?token=abc',
        authorization: undefined,
        body: '',
      },
    ]);
  });

  it("When a shopper calls the API through it, then the shopper's address is appended to X-Forwarded-For and a proxy secret they send is replaced by the server's own", async () => {
    const secret = 'p'.repeat(43);
    const proxied = await startStorefront({ port: 0, gatewayUrl: gatewayOrigin, proxySecret: secret });
    forwarded.length = 0;
    try {
      const spoof = { 'x-forwarded-for': '10.1.2.3', 'x-shop-proxy-secret': 'forged' };
      await fetch(`${proxied.url}/graphql`, { method: 'POST', headers: spoof, body: '{}' });
      await fetch(`${storefront.url}/graphql`, { method: 'POST', headers: spoof, body: '{}' });
    } finally {
      await proxied.close();
    }
    expect(forwarded).toEqual([
      { xff: '10.1.2.3, 127.0.0.1', secret },
      { xff: '10.1.2.3, 127.0.0.1', secret: undefined },
    ]);
  });

  it('When a request line names another host, then it is refused and nothing, least of all the proxy secret, leaves for that host', async () => {
    const elsewhere: string[] = [];
    const attacker = createServer((req, res) => {
      elsewhere.push(`${req.url} ${String(req.headers['x-shop-proxy-secret'])}`);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<script>steal()</script>');
    });
    await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', ok));
    const evil = `127.0.0.1:${(attacker.address() as AddressInfo).port}`;
    const proxied = await startStorefront({
      port: 0,
      gatewayUrl: gatewayOrigin,
      proxySecret: 's'.repeat(43),
    });
    const port = Number(new URL(proxied.url).port);
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((ok, fail) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        });
        req.on('error', fail);
        req.end();
      });
    try {
      for (const path of [
        `//${evil}/graphql`,
        `http://${evil}/graphql`,
        `/\\${evil}/graphql`,
        `//${evil}/sandbox/x`,
      ]) {
        const answer = await raw(path);
        expect({ path, status: answer.status }).toEqual({ path, status: 400 });
        expect(answer.body).not.toContain('steal');
      }
      // The app's own calls still go through.
      expect((await raw('/graphql?query=%7B__typename%7D')).status).toBe(200);
    } finally {
      await proxied.close();
      await new Promise((ok) => attacker.close(ok));
    }
    expect(elsewhere).toEqual([]);
  });
});

interface Variant {
  id: string;
  quantityAvailable: number;
}

describeWithChromium('The storefront in a browser', () => {
  let browser: Browser;
  let storefront: StorefrontServer;
  let gatewayUrl: string;
  let adminToken: string;
  /** The journey's shopper and their order's claim token, for the claim's refusals. */
  let journeyEmail: string | undefined;
  let journeyClaim: string | undefined;
  /** The guest of the declined card's test, who paid with another card and has no account. */
  let declinedGuestEmail: string | undefined;
  let stopShop: (() => Promise<void>) | undefined;
  const requests: { hash?: string; hasQuery: boolean }[] = [];
  const foreignAssets: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    // As `npm start` wires it (the storefront's manifest published at start, one trusted proxy hop), with the
    // gateway refusing every document that is not published.
    const wiring = embeddedStorefront({});
    const { shop, stop } = await startTestShop('storefront', {
      env: { ...wiring.env, SAFELIST_MODE: 'enforce', LOGIN_IP_MAX_FAILURES: String(LOGIN_IP_LIMIT) },
    });
    stopShop = stop;
    gatewayUrl = shop.gatewayUrl;
    storefront = await startStorefront({
      port: 0,
      gatewayUrl: new URL(gatewayUrl).origin,
      proxySecret: wiring.proxySecret,
    });
    adminToken = await signInAdmin(gatewayUrl, 'admin@shop.local', 'demo-admin-passphrase-2026');
    await publishTestDocuments(gatewayUrl, adminToken);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await storefront?.close();
    await stopShop?.();
  });

  /** A shopper's browser: nothing leaves the storefront's origin (product images fall back to placeholders). */
  async function newShopper(
    viewport: { width: number; height: number } = VIEWPORTS.desktop,
    options: { bypassCSP?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, ...options });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === new URL(storefront.url).origin) return route.continue();
      if (route.request().resourceType() !== 'image') foreignAssets.push(url.href);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().endsWith('/graphql') || r.method() !== 'POST') return;
      const body = r.postDataJSON() as {
        query?: string;
        extensions?: { persistedQuery?: { sha256Hash?: string } };
      };
      requests.push({
        hash: body.extensions?.persistedQuery?.sha256Hash,
        hasQuery: typeof body.query === 'string',
      });
    });
    return { context, page };
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  async function variantInStock(min: number): Promise<{ handle: string; variant: Variant }> {
    const { body } = await call<{ products: { nodes: { handle: string; variants: Variant[] }[] } }>(
      gatewayUrl,
      TEST_DOCUMENTS.products,
    );
    const found = body.data!.products.nodes.find(
      (p) => p.variants.length === 1 && p.variants[0]!.quantityAvailable >= min,
    );
    if (!found) throw new Error('no product in stock');
    return { handle: found.handle, variant: found.variants[0]! };
  }

  async function stockOf(variantId: string): Promise<number> {
    const { body } = await call<{ products: { nodes: { variants: Variant[] }[] } }>(
      gatewayUrl,
      TEST_DOCUMENTS.products,
    );
    return body.data!.products.nodes.flatMap((p) => p.variants).find((v) => v.id === variantId)!
      .quantityAvailable;
  }

  async function fillAddress(page: Page, email: string | null): Promise<void> {
    if (email !== null) await page.getByLabel('Email').fill(email);
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Address', { exact: true }).fill('1 Main Street');
    await page.getByLabel('City').fill('Springfield');
    await page.getByLabel('State or province').fill('CA');
    await page.getByLabel('ZIP or postal code').fill('94105');
    await page.getByLabel('Country').selectOption('US');
  }

  async function chooseCheapestRate(page: Page): Promise<void> {
    const rates = page.getByRole('radio', { name: /(DHL|FEDEX|UPS)/ });
    await expectCount(rates, (n) => n >= 3);
    const carriers = await rates.evaluateAll((els) => els.map((e) => e.parentElement?.textContent ?? ''));
    expect(new Set(carriers.map((t) => /DHL|FEDEX|UPS/.exec(t)?.[0])).size).toBe(3);
    await rates.first().check();
    await page.getByText('Choose a rate').waitFor({ state: 'detached' });
  }

  /** Waits for the next page; when it does not come, fails with what the page says went wrong. */
  async function landsOn(page: Page, url: RegExp): Promise<void> {
    try {
      await page.waitForURL(url, { timeout: 20_000 });
    } catch {
      const said = await page.locator('.form-errors, .field-error').allTextContents();
      await shoot(page, `failed-${Date.now()}`);
      throw new Error(`expected ${url} but stayed on ${page.url()}; the page says: ${JSON.stringify(said)}`);
    }
  }

  async function expectCount(
    locator: ReturnType<Page['locator']>,
    ok: (n: number) => boolean,
  ): Promise<void> {
    await locator.first().waitFor();
    expect(ok(await locator.count())).toBe(true);
  }

  it('When a guest searches with a typo, pays as a guest with 3-D Secure and then signs up, then the order is paid and in their new account', async () => {
    const { context, page } = await newShopper();
    await page.goto(storefront.url);
    await page.getByRole('heading', { name: 'Recommended for you' }).waitFor();
    await page.locator('.grid .card').first().waitFor();
    await shoot(page, 'home-desktop');

    // Autocomplete from searchSuggestions, then a search with a typo.
    const box = page.getByRole('combobox', { name: 'Search products' });
    await box.fill('runn');
    await page.getByRole('option').first().waitFor();
    expect((await page.getByRole('option').allTextContents()).some((s) => /running/i.test(s))).toBe(true);
    await box.fill('runnign shoes');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=runnign\+shoes/);
    await page.getByRole('heading', { name: /Results for/ }).waitFor();
    await page.locator('.grid .card').first().waitFor();
    const titles = await page.locator('.card-title').allTextContents();
    expect(titles.some((t) => /running shoes/i.test(t))).toBe(true);

    // A facet filter goes into the URL, and back undoes it.
    const brand = page
      .locator('fieldset', { has: page.getByText('Brand', { exact: true }) })
      .getByRole('radio')
      .first();
    await brand.check();
    await page.waitForURL(/brand=/);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('brand='));
    await page.locator('.grid .card').first().waitFor();
    await shoot(page, 'search-desktop');

    await page.locator('.grid .card a').first().click();
    await page.waitForURL(/\/products\//);
    await page.getByRole('button', { name: 'Add to cart' }).waitFor();
    await shoot(page, 'product-desktop');
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added.').waitFor();
    await page.getByRole('link', { name: /Cart, 1 item/ }).click();
    await page.getByRole('heading', { name: 'Your cart' }).waitFor();
    const subtotal = await page.getByTestId('subtotal').textContent();
    await page.getByLabel('Quantity').selectOption('2');
    await page.getByRole('link', { name: /Cart, 2 items/ }).waitFor();
    expect(await page.getByTestId('subtotal').textContent()).not.toBe(subtotal);
    await shoot(page, 'cart-desktop');

    // A guest's checkout: the address's errors come back next to their fields.
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.getByText('Checking out as a guest.').waitFor();
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await page
      .locator('.field-invalid', { has: page.getByLabel('Address', { exact: true }) })
      .locator('.field-error')
      .waitFor();
    expect(await page.getByLabel('City').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'checkout-address-errors-desktop');
    const email = `shopper.${Date.now()}@example.com`;
    await fillAddress(page, email);
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await landsOn(page, /\/checkout\/[^/]+$/);
    await chooseCheapestRate(page);
    await page.getByRole('radio', { name: /3-D Secure/ }).check();
    await shoot(page, 'checkout-payment-desktop');
    await page.getByRole('button', { name: /^Pay / }).click();

    // The sandbox's 3-D Secure step, then the paid order.
    await landsOn(page, /\/checkout\/authenticate/);
    await shoot(page, 'payment-authentication-desktop');
    await page.getByRole('button', { name: 'Confirm payment' }).click();
    await landsOn(page, /\/orders\//);
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    const number = (await page.getByTestId('order-number').textContent())!;
    await shoot(page, 'order-confirmation-desktop');
    await page.getByRole('link', { name: /Cart, 0 items/ }).waitFor();
    // The tab keeps the order's claim token, and nothing else of it, until an account takes the order; it is not
    // kept beyond the tab's session.
    expect(await page.evaluate(() => localStorage.getItem('shop.orderClaims'))).toBeNull();
    const claims = await page.evaluate(() => sessionStorage.getItem('shop.orderClaims'));
    journeyClaim = Object.values(JSON.parse(claims ?? '{}') as Record<string, string>)[0]!;
    expect(journeyClaim).toMatch(/^[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/);

    // Then the guest signs up, with the same email, and finds the order in the new account.
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    // The API's word for a weak password is shown next to the password field.
    await page
      .locator('.field-invalid', { has: page.getByLabel('Password') })
      .locator('.field-error')
      .waitFor();
    await page.getByLabel('Password').fill(JOURNEY_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await landsOn(page, /\/account$/);
    journeyEmail = email;
    const orders = page.getByRole('list', { name: 'Your orders' });
    await orders.waitFor();
    expect(await orders.textContent()).toContain(number);
    expect(await orders.textContent()).toContain('Paid');
    expect(await page.evaluate(() => sessionStorage.getItem('shop.orderClaims'))).toBeNull();
    await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
    await page.getByText('(this browser)').waitFor();
    await shoot(page, 'account-desktop');
    await orders.getByRole('link').first().click();
    await page.getByRole('heading', { name: `Order ${number}` }).waitFor();
    await page.getByRole('heading', { name: 'Tracking' }).waitFor();
    await shoot(page, 'account-order-desktop');
    await context.close();

    // Every call went by hash, and no body was ever sent: the gateway enforces its safelist and the storefront's
    // manifest was published at start.
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.every((r) => r.hash && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    expect(requests.filter((r) => r.hasQuery)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(foreignAssets).toEqual([]);
  });

  it('When a guest pays with a card that is declined, then its message shows next to payment, stock is unchanged, and another card pays', async () => {
    const { handle, variant } = await variantInStock(3);
    const before = await stockOf(variant.id);
    const { context, page } = await newShopper(VIEWPORTS.phone);
    await page.goto(`${storefront.url}/products/${handle}`);
    const stockText = await page.getByTestId('stock').textContent();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added.').waitFor();
    await page.goto(`${storefront.url}/checkout`);
    declinedGuestEmail = `guest.${Date.now()}@example.com`;
    await fillAddress(page, declinedGuestEmail);
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await landsOn(page, /\/checkout\/[^/]+$/);
    await chooseCheapestRate(page);
    await page.getByRole('radio', { name: /is declined/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    const error = page.locator('#payment-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/declined/i);
    await shoot(page, 'checkout-declined-phone');

    expect(await stockOf(variant.id)).toBe(before);
    const other = await context.newPage();
    await other.goto(`${storefront.url}/products/${handle}`);
    await other.getByTestId('stock').waitFor();
    expect(await other.getByTestId('stock').textContent()).toBe(stockText);
    await other.close();

    await page.getByRole('radio', { name: /Visa ending 4242/ }).check();
    await page.getByRole('button', { name: /^Pay / }).click();
    await landsOn(page, /\/orders\//);
    expect(await page.getByTestId('order-status').textContent()).toBe('Paid');
    expect(await stockOf(variant.id)).toBe(before - 1);
    await context.close();
  });

  it('When each page is opened on a phone and a desktop, then axe-core finds no serious or critical violation', async () => {
    const { handle } = await variantInStock(2);
    const found: string[] = [];
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      // axe-core is injected as a script of the page's own: the storefront's CSP would refuse it, so this context ignores it.
      const { context, page } = await newShopper(viewport, { bypassCSP: true });
      const visit = async (name: string, path: string, ready: (p: Page) => Promise<unknown>) => {
        await page.goto(`${storefront.url}${path}`);
        await ready(page);
        await page.addScriptTag({ content: AXE_SOURCE });
        const result = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  ctx: Document,
                  opts: unknown,
                ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe;
          return axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          });
        });
        for (const v of result.violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(`${name} (${size}): ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        await shoot(page, `${name}-${size}`);
      };
      await visit('home', '/', (p) => p.locator('.grid .card').first().waitFor());
      await visit('search', '/search?q=runnign+shoes', (p) => p.locator('.grid .card').first().waitFor());
      await visit('category', '/collections/footwear?sort=PRICE_ASC', (p) =>
        p.locator('.grid .card').first().waitFor(),
      );
      await visit('product', `/products/${handle}`, (p) => p.getByTestId('stock').waitFor());
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.getByText('Added.').waitFor();
      await visit('cart', '/cart', (p) => p.getByTestId('subtotal').waitFor());
      await visit('checkout', '/checkout', (p) =>
        p.getByRole('button', { name: 'Continue to shipping' }).waitFor(),
      );
      await visit('sign-in', '/account/sign-in', (p) => p.getByRole('button', { name: 'Sign in' }).waitFor());
      await visit('register', '/account/register', (p) =>
        p.getByRole('button', { name: 'Create account' }).waitFor(),
      );
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('When a shopper turns on two-step sign-in and saves an address, then the next sign-in asks for a code and takes it', async () => {
    const email = `two.step.${Date.now()}@example.com`;
    const password = 'correct horse battery staple';
    const { body } = await call(gatewayUrl, TEST_DOCUMENTS.register, {
      input: { email, password, firstName: 'Grace', lastName: 'Hopper' },
    });
    expect(body.errors).toBeUndefined();
    const { context, page } = await newShopper(VIEWPORTS.phone);
    const signIn = async () => {
      await page.goto(`${storefront.url}/account/sign-in`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    await signIn();
    await page.getByRole('heading', { name: 'Hello, Grace' }).waitFor();

    await page.getByRole('button', { name: 'Add an address' }).click();
    await page.getByRole('button', { name: 'Save address' }).click();
    await page
      .locator('.field-invalid', { has: page.getByLabel('City') })
      .locator('.field-error')
      .waitFor();
    await fillAddress(page, null);
    await page.getByRole('button', { name: 'Save address' }).click();
    await page.getByText('1 Main Street, Springfield 94105, US').waitFor();

    await page.getByLabel('Current password').fill(password);
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = (await page.getByTestId('mfa-secret').textContent())!;
    await page.getByLabel('6-digit code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.locator('.form-errors, .field-error').first().waitFor();
    await page.getByLabel('6-digit code from the app').fill(totpCodeAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Two-step sign-in is on.').waitFor();
    await shoot(page, 'account-two-step-phone');
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();

    await signIn();
    const code = page.getByLabel('Code from your authenticator app');
    await code.waitFor();
    await shoot(page, 'sign-in-code-phone');
    // The next time step's code: the one that turned two-step on cannot be used again.
    await code.fill(totpCodeAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Hello, Grace' }).waitFor();
    await page.getByText('On: signing in asks for a code').waitFor();
    await context.close();
  });

  it('When a shopper enters discount codes in the cart, then an unknown one says why next to the field and a valid one takes money off the total', async () => {
    const code = `TENOFF${Date.now().toString(36).toUpperCase()}`;
    const created = await call<{ discountCreate: { userErrors: { code: string; message: string }[] } }>(
      gatewayUrl,
      TEST_DOCUMENTS.discountCreate,
      { input: { title: 'Ten percent off', code, kind: 'PERCENTAGE', value: '10' } },
      { token: adminToken },
    );
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data!.discountCreate.userErrors).toEqual([]);
    const { handle } = await variantInStock(2);
    const { context, page } = await newShopper(VIEWPORTS.phone);
    await page.goto(`${storefront.url}/products/${handle}`);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.getByText('Added.').waitFor();
    await page.goto(`${storefront.url}/cart`);
    const total = page.getByTestId('total');
    await total.waitFor();
    const before = (await total.textContent())!;
    expect(before).toBe(await page.getByTestId('subtotal').textContent());

    const field = page.locator('.field', { has: page.getByLabel('Discount code', { exact: true }) });
    await page.getByLabel('Discount code', { exact: true }).fill('NO-SUCH-CODE');
    await page.getByRole('button', { name: 'Apply' }).click();
    const error = field.locator('.field-error');
    await error.waitFor();
    const said = (await error.textContent())!;
    // In words, not a code.
    expect(said).toMatch(/[a-z]+ [a-z]+/);
    expect(said).not.toMatch(/DISCOUNT_[A-Z_]+/);
    expect(await page.getByLabel('Discount code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await total.textContent()).toBe(before);
    await shoot(page, 'cart-discount-refused-phone');

    await page.getByLabel('Discount code', { exact: true }).fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByTestId('discount-code').filter({ hasText: code }).getByText('applied').waitFor();
    expect(await page.getByTestId('discount').textContent()).toContain('Ten percent off');
    expect(await error.count()).toBe(0);
    const amount = (text: string | null) => Number(text!.replace(/[^0-9.]/g, ''));
    const after = amount(await total.textContent());
    expect(after).toBeLessThan(amount(before));
    expect(after).toBeCloseTo(amount(before) * 0.9, 1);
    await shoot(page, 'cart-discount-phone');
    await context.close();
  });

  it("When the gateway enforces its safelist, then a text document is refused, and the storefront's hashes run under its name or none but not another client's", async () => {
    const text = '{ products(first: 1) { nodes { id } } }';
    for (const url of [gatewayUrl, `${storefront.url}/graphql`]) {
      const refused = await call(url, text, {}, { asText: true, client: 'storefront' });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_REQUIRED');
      expect(refused.body.data).toBeUndefined();
    }
    const home = storefrontDocument('Home');
    for (const client of ['storefront', null]) {
      const ran = await call<{ recommendedProducts: unknown[] }>(gatewayUrl, home, {}, { client });
      expect(ran.body.errors).toBeUndefined();
      expect(ran.body.data!.recommendedProducts.length).toBeGreaterThan(0);
    }
    const elsewhere = await call(gatewayUrl, home, {}, { client: 'storefront-test' });
    expect(elsewhere.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it("When the storefront publishes its manifest again through the gateway, then it is the same set, published by hash as the shop's own client; a shopper may not publish", async () => {
    const count = readManifest().operations.length;
    for (let i = 0; i < 2; i++) {
      const result = await publishDocuments(gatewayUrl, adminToken);
      expect(result).toEqual({ status: 'published', published: count });
      expect(describePublish(result)).toBe(
        `storefront documents: ${count} published for client "storefront"`,
      );
    }
    expect(journeyEmail).toBeDefined();
    // signInAdmin signs anyone in; this is the journey's shopper.
    const shopper = await signInAdmin(gatewayUrl, journeyEmail!, JOURNEY_PASSWORD);
    const refused = await call(
      gatewayUrl,
      storefrontDocument('StorefrontPublish'),
      { input: { clientName: 'storefront', manifest: readManifest(), firstParty: true } },
      { client: 'storefront', token: shopper },
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('When an order is claimed signed out, or with a wrong, expired or spent token, then it is refused and the order stays in its account', async () => {
    expect(journeyClaim && journeyEmail && declinedGuestEmail).toBeTruthy();
    type Claimed = {
      orderClaim: {
        order: { id: string; number: string } | null;
        userErrors: { code: string; field: string[] }[];
      };
    };
    const claim = (token: string | undefined, claimToken: string) =>
      call<Claimed>(
        gatewayUrl,
        storefrontDocument('OrderClaim'),
        { claimToken },
        { client: 'storefront', token },
      );
    const refusal = (code: string) => ({
      order: null,
      userErrors: [expect.objectContaining({ code, field: ['claimToken'] })],
    });
    const owner = await signInAdmin(gatewayUrl, journeyEmail!, JOURNEY_PASSWORD);
    // Someone registering with the email of a guest who never claimed gets none of that guest's orders.
    const stranger = await newAccount(declinedGuestEmail!);
    const [orderId, expires, mac] = journeyClaim!.split('.') as [string, string, string];

    const signedOut = await claim(undefined, journeyClaim!);
    expect(signedOut.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await claim(stranger, journeyClaim!)).body.data?.orderClaim).toEqual(
      refusal('ORDER_ALREADY_CLAIMED'),
    );
    const wrong = [
      'not-a-claim-token',
      `${orderId}.${Number(expires) + 86_400}.${mac}`,
      claimTokenFor(orderClaimKey('a secret that is not the shop secret at all'), {
        id: orderId,
        createdAt: new Date(),
      }),
      claimTokenFor(orderClaimKey(TEST_SECRET), { id: randomUUID(), createdAt: new Date() }),
    ];
    for (const token of wrong)
      expect((await claim(stranger, token)).body.data?.orderClaim).toEqual(refusal('CLAIM_TOKEN_INVALID'));
    const expired = claimTokenFor(orderClaimKey(TEST_SECRET), {
      id: orderId,
      createdAt: new Date(Date.now() - 31 * 24 * 3600 * 1000),
    });
    expect((await claim(stranger, expired)).body.data?.orderClaim).toEqual(refusal('CLAIM_TOKEN_EXPIRED'));

    // Its owner claiming again changes nothing; the stranger has no orders.
    const again = await claim(owner, journeyClaim!);
    expect(again.body.data?.orderClaim).toEqual({
      order: { id: orderId, number: expect.any(String) },
      userErrors: [],
    });
    const ordersOf = async (token: string) =>
      (
        await call<{ me: { orders: { totalCount: number } } }>(
          gatewayUrl,
          storefrontDocument('MyOrders'),
          {},
          {
            client: 'storefront',
            token,
          },
        )
      ).body.data!.me.orders.totalCount;
    expect(await ordersOf(stranger)).toBe(0);
    expect(await ordersOf(owner)).toBe(1);
  });

  it("When shoppers come through the storefront's server from two addresses, then sign-in limits count each apart, and a direct caller's X-Forwarded-For is not believed", async () => {
    const email = `limits.${Date.now()}@example.com`;
    await newAccount(email);
    const through = `${storefront.url}/graphql`;
    const signIn = async (url: string, from: string, as: string, password: string, headers = {}) =>
      (
        await call<{ customerLogin: { accessToken: string | null } }>(
          url,
          storefrontDocument('CustomerLogin'),
          { input: { email: as, password } },
          { client: 'storefront', from, headers },
        )
      ).body.data!.customerLogin.accessToken;
    const nobody = () => `nobody.${randomUUID()}@example.com`;

    // Shopper A (127.0.0.2) fails as often as one address may: its sign-ins are refused, the right password too.
    for (let i = 0; i < LOGIN_IP_LIMIT; i++)
      expect(await signIn(through, '127.0.0.2', nobody(), 'wrong')).toBeNull();
    expect(await signIn(through, '127.0.0.2', email, JOURNEY_PASSWORD)).toBeNull();
    // Shopper B (127.0.0.3), through the same server, is counted apart, even when claiming to be A.
    expect(await signIn(through, '127.0.0.3', email, JOURNEY_PASSWORD)).toEqual(expect.any(String));
    expect(
      await signIn(through, '127.0.0.3', email, JOURNEY_PASSWORD, { 'x-forwarded-for': '127.0.0.2' }),
    ).toEqual(expect.any(String));
    // A direct caller claiming to be A, with a made-up proxy secret, is known by its own address.
    const spoof = { 'x-forwarded-for': '127.0.0.2', 'x-shop-proxy-secret': 'x'.repeat(43) };
    expect(await signIn(gatewayUrl, '127.0.0.4', email, JOURNEY_PASSWORD, spoof)).toEqual(expect.any(String));
    // And its failures count against that address, whatever address it writes.
    for (let i = 0; i < LOGIN_IP_LIMIT; i++)
      expect(
        await signIn(gatewayUrl, '127.0.0.5', nobody(), 'wrong', { 'x-forwarded-for': `10.0.0.${i}` }),
      ).toBeNull();
    expect(
      await signIn(gatewayUrl, '127.0.0.5', email, JOURNEY_PASSWORD, { 'x-forwarded-for': '10.0.0.99' }),
    ).toBeNull();
  });

  /** A new shopper with JOURNEY_PASSWORD, signed in: their access token. */
  async function newAccount(email: string): Promise<string> {
    const { body } = await call<{ customerRegister: { userErrors: unknown[] } }>(
      gatewayUrl,
      TEST_DOCUMENTS.register,
      {
        input: { email, password: JOURNEY_PASSWORD, firstName: 'Sam', lastName: 'Stranger' },
      },
    );
    expect(body.data?.customerRegister.userErrors).toEqual([]);
    return signInAdmin(gatewayUrl, email, JOURNEY_PASSWORD);
  }
});

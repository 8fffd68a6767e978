/// <reference lib="dom" />
// The storefront in Debian's Chromium against a real shop (gateway, five subgraphs, the real datastores): a
// shopper's journey from a mistyped search to a paid order in their account, a declined card, accessibility
// (axe-core), a JavaScript budget, and screenshots of every page at phone and desktop widths.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSchema, parse, validate } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium, gql } from '@shop/testkit';
import { startTestShop } from '../../test/real-shop';
import {
  DIST_DIR,
  ensureBuilt,
  startStorefront,
  STOREFRONT_DIR,
  type StorefrontServer,
} from '../server/serve';
import { DOCUMENTS_PATH, manifestOf, readManifest } from '../server/manifest';
import { describePublish, publishDocuments, signInAdmin } from '../server/publish-documents';
import { totpCodeAt } from '../../subgraphs/users/src/domain/mfa';

const ARTIFACTS = join(STOREFRONT_DIR, 'test-artifacts');
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js', { paths: [STOREFRONT_DIR] }), 'utf8');
/** The first page may load at most this much JavaScript, gzipped. */
const JS_BUDGET_BYTES = 250 * 1024;

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

  beforeAll(async () => {
    ensureBuilt();
    gateway = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
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
    storefront = await startStorefront({
      port: 0,
      gatewayUrl: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
    });
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
});

interface Variant {
  id: string;
  quantityAvailable: number;
}

describeWithChromium('The storefront in a browser', () => {
  let browser: Browser;
  let storefront: StorefrontServer;
  let gatewayUrl: string;
  let stopShop: (() => Promise<void>) | undefined;
  const requests: { hash?: string; hasQuery: boolean }[] = [];
  const foreignAssets: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    const { shop, stop } = await startTestShop('storefront');
    stopShop = stop;
    gatewayUrl = shop.gatewayUrl;
    storefront = await startStorefront({ port: 0, gatewayUrl: new URL(gatewayUrl).origin });
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
    const { body } = await gql<{ products: { nodes: { handle: string; variants: Variant[] }[] } }>(
      gatewayUrl,
      '{ products(first: 60) { nodes { handle variants { id quantityAvailable } } } }',
    );
    const found = body.data!.products.nodes.find(
      (p) => p.variants.length === 1 && p.variants[0]!.quantityAvailable >= min,
    );
    if (!found) throw new Error('no product in stock');
    return { handle: found.handle, variant: found.variants[0]! };
  }

  async function stockOf(variantId: string): Promise<number> {
    const { body } = await gql<{ products: { nodes: { variants: Variant[] }[] } }>(
      gatewayUrl,
      '{ products(first: 100) { nodes { variants { id quantityAvailable } } } }',
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

  it('When a guest searches with a typo, signs up at checkout and pays with 3-D Secure, then the order is paid and in their account', async () => {
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

    // Guest at checkout: signs up from there and comes back with the cart now theirs.
    await page.getByRole('link', { name: 'Check out' }).click();
    await page.getByRole('link', { name: 'create an account' }).click();
    const email = `shopper.${Date.now()}@example.com`;
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
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Create account' }).click();
    await landsOn(page, /\/checkout$/);

    // The address's errors come back next to their fields.
    await page.getByRole('button', { name: 'Continue to shipping' }).click();
    await page
      .locator('.field-invalid', { has: page.getByLabel('Address', { exact: true }) })
      .locator('.field-error')
      .waitFor();
    expect(await page.getByLabel('City').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'checkout-address-errors-desktop');
    await fillAddress(page, null);
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

    await page.getByRole('link', { name: 'See your orders' }).click();
    const orders = page.getByRole('list', { name: 'Your orders' });
    await orders.waitFor();
    expect(await orders.textContent()).toContain(number);
    expect(await orders.textContent()).toContain('Paid');
    await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
    await page.getByText('(this browser)').waitFor();
    await shoot(page, 'account-desktop');
    await orders.getByRole('link').first().click();
    await page.getByRole('heading', { name: `Order ${number}` }).waitFor();
    await page.getByRole('heading', { name: 'Tracking' }).waitFor();
    await shoot(page, 'account-order-desktop');
    await context.close();

    // Every call went by hash; a body was sent at most once per document (to register it).
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.every((r) => r.hash && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
    const registered = requests.filter((r) => r.hasQuery).map((r) => r.hash);
    expect(new Set(registered).size).toBe(registered.length);
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
    await fillAddress(page, `guest.${Date.now()}@example.com`);
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
    const { body } = await gql(
      gatewayUrl,
      'mutation($input: CustomerRegisterInput!) { customerRegister(input: $input) { userErrors { code } } }',
      {
        input: { email, password, firstName: 'Grace', lastName: 'Hopper' },
      },
    );
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

  it('When the storefront publishes its manifest, for a client no API key names, then the gateway refuses it and the step says so plainly', async () => {
    const token = await signInAdmin(gatewayUrl, 'admin@shop.local', 'demo-admin-passphrase-2026');
    const result = await publishDocuments(gatewayUrl, token);
    // The gateway publishes only for a client a live API key names (its scopes say whether the client may publish
    // mutations); this shop has no key for the storefront, so the step must say so plainly and publish nothing.
    expect(result).toEqual({
      status: 'refused',
      errors: [expect.objectContaining({ code: 'NOT_FOUND', field: ['clientName'] })],
    });
    expect(describePublish(result)).toMatch(
      /^storefront documents: refused: NOT_FOUND No live API key names this client/,
    );
  });
});

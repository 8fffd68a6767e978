// The seeded demo catalog: deterministic, so the catalog (products) and the cart (stock) seed the same variant ids.
import { createHash } from 'node:crypto';
import { CATALOG, MODEL_NAMES, type LeafTemplate, type Option } from './templates';

export interface DemoCategory {
  id: string;
  handle: string;
  name: string;
  parentHandle: string | null;
}

export interface DemoVariant {
  id: string;
  sku: string;
  title: string;
  selectedOptions: { name: string; value: string }[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  weightGrams: number;
  /** Units in stock at seeding. */
  stock: number;
}

export interface DemoProduct {
  id: string;
  handle: string;
  title: string;
  description: string;
  brand: string;
  tags: string[];
  categoryHandle: string;
  specs: { name: string; value: string }[];
  options: { name: string; values: string[] }[];
  images: { url: string; altText: string }[];
  variants: DemoVariant[];
  createdAt: string;
}

export interface DemoCatalog {
  currencyCode: 'USD';
  categories: DemoCategory[];
  products: DemoProduct[];
}

/** A name-based UUID (version 5 layout over SHA-1), so the same name gives the same id on every machine. */
export function demoUuid(name: string): string {
  const hash = createHash('sha1').update(`shop-demo:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** mulberry32: small, fast and the same sequence everywhere for one seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const PRODUCTS_PER_LEAF = 10;
const YEAR_START = Date.UTC(2025, 10, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** Picks `count` distinct items, keeping their original order. */
function pickSome<T>(rand: () => number, items: readonly T[], count: number): T[] {
  const indexes = items.map((_, i) => i);
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    // eslint-disable-next-line security/detect-object-injection -- i and j are indexes of the shuffle, within the array
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return (
    indexes
      .slice(0, Math.min(count, items.length))
      .sort((a, b) => a - b)
      // eslint-disable-next-line security/detect-object-injection -- i is an index the shuffle produced, within the array
      .map((i) => items[i]!)
  );
}

function cartesian(options: Option[]): { name: string; value: string }[][] {
  return options.reduce<{ name: string; value: string }[][]>(
    (combos, option) =>
      combos.flatMap((combo) => option.values.map((value) => [...combo, { name: option.name, value }])),
    [[]],
  );
}

/** One product of a leaf category; `n` is its number within the leaf, `index` its number in the catalog. */
function makeProduct(
  rand: () => number,
  leaf: LeafTemplate,
  n: number,
  index: number,
  uniqueHandle: (slug: string) => string,
): DemoProduct {
  const brand = leaf.brands[n % leaf.brands.length]!;
  const noun = leaf.nouns[Math.floor(n / leaf.brands.length) % leaf.nouns.length]!;
  const model = pick(rand, MODEL_NAMES);
  const generation = 1 + Math.floor(rand() * 5);
  const title = `${brand} ${model} ${generation > 1 ? `${generation} ` : ''}${noun}`;
  const handle = uniqueHandle(slugify(title));

  // Narrow each option to a few values, then cap the combinations at 6 variants.
  const options = leaf.options.map((o, i) => ({
    name: o.name,
    values: pickSome(rand, o.values, i === 0 ? 1 + Math.floor(rand() * 3) : 1 + Math.floor(rand() * 2)),
  }));
  const combos = cartesian(options).slice(0, 6);
  const usedOptions = options.map((o) => ({
    name: o.name,
    values: o.values.filter((v) => combos.some((c) => c.some((s) => s.name === o.name && s.value === v))),
  }));
  const basePrice = (leaf.price[0] + Math.floor(rand() * (leaf.price[1] - leaf.price[0] + 1))) * 100 - 1;
  const onSale = rand() < 0.25;
  const baseWeight = leaf.weight[0] + Math.floor(rand() * (leaf.weight[1] - leaf.weight[0] + 1));
  const id = demoUuid(`product:${handle}`);
  const skuStem = `${slugify(brand).slice(0, 4)}-${handle.length}${index.toString(36)}`.toUpperCase();
  const variants: DemoVariant[] = combos.map((selectedOptions, v) => {
    const step = v * Math.floor(rand() * 3) * 500;
    const priceMinor = basePrice + step;
    const stockRoll = rand();
    return {
      id: demoUuid(`variant:${handle}:${v}`),
      sku: `${skuStem}-${v + 1}`,
      title: selectedOptions.map((s) => s.value).join(' / ') || 'Default',
      selectedOptions,
      priceMinor,
      compareAtPriceMinor: onSale ? Math.round((priceMinor * 1.25) / 100) * 100 - 1 : null,
      weightGrams: baseWeight + v * 10,
      stock: stockRoll < 0.12 ? 0 : 1 + Math.floor(rand() * 50),
    };
  });
  const specs = leaf.specs.map((s) => ({ name: s.name, value: pick(rand, s.values) }));
  const extraTag = pick(rand, ['new', 'bestseller', 'eco', 'gift idea', 'limited']);
  return {
    id,
    handle,
    title,
    description: `${leaf.blurb} The ${brand} ${model} ${noun.toLowerCase()} is built for people who care about quality: ${specs
      .map((s) => `${s.name.toLowerCase()}: ${s.value}`)
      .join(', ')}.`,
    brand,
    tags: [...leaf.tags, extraTag],
    categoryHandle: leaf.handle,
    specs,
    options: usedOptions,
    images: [0, 1].map((i) => ({
      url: `https://picsum.photos/seed/${handle}${i ? `-${i}` : ''}/800/800`,
      altText: i ? `${title}, detail` : title,
    })),
    variants,
    createdAt: new Date(YEAR_START + Math.floor(rand() * YEAR_MS)).toISOString(),
  };
}

function categoriesOf(): DemoCategory[] {
  return CATALOG.flatMap((top) => [
    { id: demoUuid(`category:${top.handle}`), handle: top.handle, name: top.name, parentHandle: null },
    ...top.leaves.map((leaf) => ({
      id: demoUuid(`category:${leaf.handle}`),
      handle: leaf.handle,
      name: leaf.name,
      parentHandle: top.handle,
    })),
  ]);
}

function generate(): DemoCatalog {
  const rand = prng(20260101);
  const products: DemoProduct[] = [];
  const handles = new Set<string>();
  const uniqueHandle = (slug: string) => {
    let handle = slug;
    for (let k = 2; handles.has(handle); k++) handle = `${slug}-${k}`;
    handles.add(handle);
    return handle;
  };
  for (const top of CATALOG) {
    for (const leaf of top.leaves) {
      for (let n = 0; n < PRODUCTS_PER_LEAF; n++)
        products.push(makeProduct(rand, leaf, n, products.length, uniqueHandle));
    }
  }
  return { currencyCode: 'USD', categories: categoriesOf(), products };
}

/** The most products generateCatalog makes; enough for the 100k-product benchmark with room to spare. */
export const MAX_GENERATED_PRODUCTS = 1_000_000;

/**
 * A deterministic catalog of `count` products with the demo catalog's categories and shape, for benchmarks and
 * load tests: products go round-robin over the leaf categories, so every category and brand grows alike. Linear
 * in `count` (one pass, a handle counter per title instead of probing), about a second for 100,000 products.
 */
export function generateCatalog(count: number): DemoCatalog {
  if (!Number.isInteger(count) || count < 0 || count > MAX_GENERATED_PRODUCTS) {
    throw new RangeError(`count must be an integer between 0 and ${MAX_GENERATED_PRODUCTS}`);
  }
  const rand = prng(20260202);
  const leaves = CATALOG.flatMap((top) => top.leaves);
  const taken = new Map<string, number>();
  // A title slug never ends in `-<digits>` (titles end with a noun), so `<slug>-<k>` cannot meet another slug.
  const uniqueHandle = (slug: string) => {
    const seen = taken.get(slug) ?? 0;
    taken.set(slug, seen + 1);
    return seen === 0 ? slug : `${slug}-${seen + 1}`;
  };
  const products: DemoProduct[] = new Array<DemoProduct>(count);
  for (let i = 0; i < count; i++) {
    // eslint-disable-next-line security/detect-object-injection -- i is the loop counter over the array being filled
    products[i] = makeProduct(
      rand,
      leaves[i % leaves.length]!,
      Math.floor(i / leaves.length),
      i,
      uniqueHandle,
    );
  }
  return { currencyCode: 'USD', categories: categoriesOf(), products };
}

let memo: DemoCatalog | undefined;

export function demoCatalog(): DemoCatalog {
  memo ??= generate();
  return memo;
}

export function demoStock(): { variantId: string; quantity: number }[] {
  return demoCatalog().products.flatMap((p) =>
    p.variants.map((v) => ({ variantId: v.id, quantity: v.stock })),
  );
}

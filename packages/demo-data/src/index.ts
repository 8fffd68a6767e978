// The seeded demo catalog: deterministic, so the catalog (products) and the cart (stock) seed the same variant ids.

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

export function demoCatalog(): DemoCatalog {
  throw new Error('not generated yet');
}

export function demoStock(): { variantId: string; quantity: number }[] {
  return demoCatalog().products.flatMap((p) => p.variants.map((v) => ({ variantId: v.id, quantity: v.stock })));
}

// Personalisation: shopper behaviour is recorded as it happens and turned into category and brand boosts.
import { customerIdOf } from '@shop/common';
import type { SqlExecutor } from '@shop/datastores';
import type { BehaviourEvent, BehaviourKind, BehaviourStore } from '../data/behaviour';
import { allCategories } from '../data/categories';
import { productsByIds, variantsByIds } from '../data/products';
import type { SearchBoosts } from '../search/engine';
import type { Context } from '../context';

/** How much each kind of event says about a shopper's taste. */
const WEIGHT: Record<BehaviourKind, number> = { view: 1, search: 0, cart_add: 3, purchase: 5 };
/** The strongest affinity multiplies a score by this much; weaker ones proportionally less. */
const MAX_BOOST = 3;

/** Pure: affinity per category handle and brand, scaled to boosts in [1, MAX_BOOST]. */
export function boostsFromEvents(events: BehaviourEvent[]): SearchBoosts | null {
  const categories = new Map<string, number>();
  const brands = new Map<string, number>();
  for (const event of events) {
    const weight = WEIGHT[event.kind] * Math.max(1, event.quantity ?? 1);
    if (!weight) continue;
    if (event.categoryHandle)
      categories.set(event.categoryHandle, (categories.get(event.categoryHandle) ?? 0) + weight);
    if (event.brand)
      brands.set(event.brand.toLowerCase(), (brands.get(event.brand.toLowerCase()) ?? 0) + weight);
  }
  if (!categories.size && !brands.size) return null;
  const scale = (scores: Map<string, number>) => {
    const max = Math.max(...scores.values(), 1);
    return Object.fromEntries([...scores].map(([key, score]) => [key, 1 + ((MAX_BOOST - 1) * score) / max]));
  };
  return { categories: scale(categories), brands: scale(brands) };
}

export async function personalBoosts(ctx: Context, customerId: string): Promise<SearchBoosts | null> {
  const store = ctx.deps.behaviour;
  if (!store) return null;
  try {
    return boostsFromEvents(await store.recent(customerId));
  } catch (error) {
    // Personalisation is a nicety: without it the shopper gets the base order.
    ctx.deps.logger.warn({ err: error }, 'reading behaviour failed');
    return null;
  }
}

/** Records a signed-in shopper's action in the background; never delays or fails the request. */
export function recordBehaviour(
  ctx: Context,
  event: {
    kind: BehaviourKind;
    productId?: string;
    brand?: string;
    categoryId?: string | null;
    query?: string;
  },
): void {
  const customerId = customerIdOf(ctx.principal);
  const store = ctx.deps.behaviour;
  if (!customerId || !store) return;
  const write = async () => {
    const category = event.categoryId ? await ctx.loaders.category.load(event.categoryId) : null;
    await store.record(customerId, [
      {
        kind: event.kind,
        productId: event.productId,
        brand: event.brand,
        categoryHandle: category?.handle,
        query: event.query,
        occurredAt: new Date().toISOString(),
      },
    ]);
  };
  void write().catch((error: unknown) => ctx.deps.logger.warn({ err: error }, 'recording behaviour failed'));
}

/** Records cart adds reported by the cart subgraph, with each variant's product, category and brand. */
export async function recordCartAdds(
  deps: { behaviour: BehaviourStore | null; db: SqlExecutor },
  customerId: string,
  lines: { variantId: string; quantity: number }[],
): Promise<number> {
  if (!deps.behaviour || !lines.length) return 0;
  const variants = await variantsByIds(
    deps.db,
    lines.map((l) => l.variantId),
  );
  const products = new Map(
    (await productsByIds(deps.db, [...new Set(variants.map((v) => v.productId))])).map((p) => [p.id, p]),
  );
  const handles = new Map((await allCategories(deps.db)).map((c) => [c.id, c.handle]));
  const now = new Date().toISOString();
  const events: BehaviourEvent[] = lines.flatMap((line) => {
    const variant = variants.find((v) => v.id === line.variantId);
    const product = variant ? products.get(variant.productId) : undefined;
    if (!product) return [];
    return [
      {
        kind: 'cart_add' as const,
        productId: product.id,
        brand: product.brand,
        categoryHandle: product.categoryId ? handles.get(product.categoryId) : undefined,
        quantity: line.quantity,
        occurredAt: now,
      },
    ];
  });
  await deps.behaviour.record(customerId, events);
  return events.length;
}

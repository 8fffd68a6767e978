// What a shopper sees of stock: units available now (holds already subtracted), batched per request.
import type { Context } from '../context';

export async function availability(
  ctx: Context,
  variantId: string,
): Promise<{ quantityAvailable: number; availableForSale: boolean }> {
  const level = await ctx.loaders.stock.load(variantId);
  const quantityAvailable = Math.max(0, level?.available ?? 0);
  return { quantityAvailable, availableForSale: quantityAvailable > 0 };
}

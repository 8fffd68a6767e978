// Types of the internal contracts between services (docs/internal-contracts.md), shared by producer and consumers.

/** A variant as the catalog describes it to other services (`POST /internal/variants/lookup`). */
export interface VariantInfo {
  id: string;
  productId: string;
  productTitle: string;
  title: string;
  sku: string;
  priceMinor: number;
  compareAtPriceMinor: number | null;
  currencyCode: string;
  weightGrams: number;
  imageUrl: string | null;
  /** The handles of the product's category and of each category above it, nearest first; empty when it has none. */
  categoryHandles?: string[];
}

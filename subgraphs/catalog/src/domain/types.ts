// The catalog's domain objects: plain data, prices in integer minor units.
import type { Connection, UserError } from '@shop/common';
import type { SearchFacet } from '../search/engine';

export interface NameValue {
  name: string;
  value: string;
}

export interface ProductOption {
  name: string;
  values: string[];
}

export interface ProductImage {
  url: string;
  altText: string | null;
}

export interface Category {
  id: string;
  handle: string;
  name: string;
  parentId: string | null;
  position: number;
}

export interface Product {
  id: string;
  handle: string;
  title: string;
  description: string;
  brand: string;
  tags: string[];
  categoryId: string | null;
  specs: NameValue[];
  options: ProductOption[];
  images: ProductImage[];
  currencyCode: string;
  minPriceMinor: number;
  maxPriceMinor: number;
  /** Units sold (from paid orders); the base order of "popular". */
  popularity: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProductVariant {
  id: string;
  productId: string;
  position: number;
  sku: string;
  title: string;
  selectedOptions: NameValue[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  weightGrams: number;
  currencyCode: string;
}

/**
 * What the cache holds per product: everything a detail page reads (the product, its variants and its category),
 * so a cache hit answers the page with one cache read and no SQL.
 */
export interface ProductWithVariants {
  product: Product;
  variants: ProductVariant[];
  category: Category | null;
}

export type ProductConnectionModel = Connection<Product>;

export interface SearchConnectionModel extends Connection<Product> {
  facets: SearchFacet[];
}

export interface ProductPayloadModel {
  product: Product | null;
  userErrors: UserError[];
}

// Admin product changes: validated input, one transaction for the product and its outbox event, then cache and index follow.
import { randomUUID } from 'node:crypto';
import { AppError, requireAdminOrScope, parseDecimal, userError, type UserError } from '@shop/common';
import { eventOf, productChanged } from '@shop/contracts';
import { enqueueEvents, isUniqueViolation } from '@shop/datastores';
import { categoryByHandle } from '../data/categories';
import {
  deleteProduct,
  insertProducts,
  insertVariants,
  lockProduct,
  productByHandle,
  replaceVariants,
  updateProductRow,
  variantsByProductIds,
  variantsBySkus,
} from '../data/products';
import { syncIndex } from './indexing';
import type { Context } from '../context';
import type { CatalogDeps } from '../deps';
import type {
  NameValue,
  Product,
  ProductImage,
  ProductOption,
  ProductPayloadModel,
  ProductVariant,
} from './types';

// eslint-disable-next-line security/detect-unsafe-regex -- linear: every repetition starts with a hyphen, so no two ways match one input
export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_HANDLE = 100;
const MAX_TITLE = 200;
const MAX_TEXT = 10_000;
export const MAX_VARIANTS = 100;
export const MAX_LIST = 50;
/** Options a product may have, each with at most MAX_LIST values. */
export const MAX_OPTIONS = 10;
const CURRENCY = 'USD';

export interface VariantInput {
  sku: string;
  title?: string | null;
  selectedOptions?: NameValue[] | null;
  price: string;
  compareAtPrice?: string | null;
  weightGrams?: number | null;
}

export interface ProductFieldsInput {
  handle?: string | null;
  title?: string | null;
  description?: string | null;
  brand?: string | null;
  tags?: string[] | null;
  categoryHandle?: string | null;
  specs?: NameValue[] | null;
  options?: ProductOption[] | null;
  images?: { url: string; altText?: string | null }[] | null;
  variants?: VariantInput[] | null;
}

export interface ValidVariant {
  sku: string;
  title: string;
  selectedOptions: NameValue[];
  priceMinor: number;
  compareAtPriceMinor: number | null;
  weightGrams: number;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_HANDLE)
    .replace(/-+$/, '');
}

function money(value: string, field: string[], errors: UserError[]): number | null {
  try {
    return parseDecimal(value, CURRENCY);
  } catch {
    errors.push(
      userError(
        'INVALID_PRICE',
        `"${value.slice(0, 32)}" is not a price: use a non-negative amount such as "19.99".`,
        field,
      ),
    );
    return null;
  }
}

/** Pure: checks the variants and turns their prices into minor units. */
export function validateVariants(variants: VariantInput[], errors: UserError[]): ValidVariant[] {
  if (variants.length === 0)
    errors.push(userError('VARIANTS_REQUIRED', 'A product needs at least one variant.', ['variants']));
  if (variants.length > MAX_VARIANTS)
    errors.push(userError('TOO_MANY_VARIANTS', `At most ${MAX_VARIANTS} variants.`, ['variants']));
  const skus = new Set<string>();
  const valid: ValidVariant[] = [];
  variants.forEach((v, i) => {
    const at = (f: string) => ['variants', String(i), f];
    const sku = v.sku.trim();
    if (!sku || sku.length > 64 || !/^[\w.\-/]+$/.test(sku)) {
      errors.push(
        userError(
          'INVALID_SKU',
          'A sku is 1 to 64 letters, digits, dots, dashes, slashes or underscores.',
          at('sku'),
        ),
      );
    } else if (skus.has(sku)) {
      errors.push(userError('DUPLICATE_SKU', `The sku ${sku} is used twice.`, at('sku')));
    }
    skus.add(sku);
    const price = money(v.price, at('price'), errors);
    const compareAt =
      v.compareAtPrice === null || v.compareAtPrice === undefined
        ? null
        : money(v.compareAtPrice, at('compareAtPrice'), errors);
    const weight = v.weightGrams ?? 0;
    if (!Number.isInteger(weight) || weight < 0 || weight > 1_000_000) {
      errors.push(
        userError(
          'INVALID_WEIGHT',
          'The weight is a whole number of grams, not negative.',
          at('weightGrams'),
        ),
      );
    }
    const selectedOptions = (v.selectedOptions ?? []).map((o) => ({
      name: o.name.trim(),
      value: o.value.trim(),
    }));
    const title = (v.title ?? '').trim() || selectedOptions.map((o) => o.value).join(' / ') || 'Default';
    if (title.length > MAX_TITLE)
      errors.push(
        userError('INVALID_TITLE', `A variant title has at most ${MAX_TITLE} characters.`, at('title')),
      );
    if (price !== null && price > 2_000_000_000)
      errors.push(userError('INVALID_PRICE', 'The price is too large.', at('price')));
    if (compareAt !== null && compareAt > 2_000_000_000)
      errors.push(userError('INVALID_PRICE', 'The price is too large.', at('compareAtPrice')));
    if (price !== null)
      valid.push({
        sku,
        title,
        selectedOptions,
        priceMinor: price,
        compareAtPriceMinor: compareAt,
        weightGrams: weight,
      });
  });
  return valid;
}

/** Pure: checks the product fields that are given; `creating` requires title, brand and variants. */
export function validateFields(
  input: ProductFieldsInput,
  creating: boolean,
): { errors: UserError[]; variants: ValidVariant[] | null } {
  const errors: UserError[] = [];
  if (input.handle !== null && input.handle !== undefined) {
    if (input.handle.length > MAX_HANDLE || !HANDLE_PATTERN.test(input.handle)) {
      errors.push(
        userError(
          'INVALID_HANDLE',
          'A handle is lowercase letters and digits separated by single dashes, at most 100 characters.',
          ['handle'],
        ),
      );
    }
  }
  if ((input.title !== undefined && input.title !== null) || creating) {
    const title = (input.title ?? '').trim();
    if (title.length < 1 || title.length > MAX_TITLE) {
      errors.push(userError('INVALID_TITLE', `A title has 1 to ${MAX_TITLE} characters.`, ['title']));
    }
  }
  if ((input.brand !== undefined && input.brand !== null) || creating) {
    const brand = (input.brand ?? '').trim();
    if (brand.length < 1 || brand.length > 100)
      errors.push(userError('INVALID_BRAND', 'A brand has 1 to 100 characters.', ['brand']));
  }
  if ((input.description ?? '').length > MAX_TEXT) {
    errors.push(
      userError('INVALID_DESCRIPTION', `A description has at most ${MAX_TEXT} characters.`, ['description']),
    );
  }
  if ((input.tags ?? []).length > MAX_LIST || (input.tags ?? []).some((t) => !t.trim() || t.length > 50)) {
    errors.push(userError('INVALID_TAGS', `At most ${MAX_LIST} tags of 1 to 50 characters.`, ['tags']));
  }
  if (
    (input.specs ?? []).length > MAX_LIST ||
    (input.specs ?? []).some((s) => !s.name.trim() || s.name.length > 100 || s.value.length > 500)
  ) {
    errors.push(userError('INVALID_SPECS', `At most ${MAX_LIST} specs, each with a name.`, ['specs']));
  }
  if (
    (input.options ?? []).length > MAX_OPTIONS ||
    (input.options ?? []).some((o) => !o.name.trim() || o.values.length === 0 || o.values.length > MAX_LIST)
  ) {
    errors.push(
      userError('INVALID_OPTIONS', 'At most 10 options, each with a name and 1 to 50 values.', ['options']),
    );
  }
  (input.images ?? []).forEach((image, i) => {
    let ok = false;
    try {
      ok = ['https:', 'http:'].includes(new URL(image.url).protocol) && image.url.length <= 2000;
    } catch {
      ok = false;
    }
    if (!ok)
      errors.push(
        userError('INVALID_IMAGE_URL', 'An image URL must be an http(s) URL.', ['images', String(i), 'url']),
      );
  });
  if ((input.images ?? []).length > MAX_LIST)
    errors.push(userError('INVALID_IMAGES', `At most ${MAX_LIST} images.`, ['images']));
  let variants: ValidVariant[] | null = null;
  if (input.variants !== null && input.variants !== undefined)
    variants = validateVariants(input.variants, errors);
  else if (creating)
    errors.push(userError('VARIANTS_REQUIRED', 'A product needs at least one variant.', ['variants']));
  return { errors, variants };
}

function priceRange(variants: ValidVariant[]): { min: number; max: number } {
  const prices = variants.map((v) => v.priceMinor);
  return { min: Math.min(...prices), max: Math.max(...prices) };
}

/** Raised inside a transaction to roll it back with userErrors for the payload. */
class Rejected extends Error {
  constructor(readonly userErrors: UserError[]) {
    super('rejected');
  }
}

function uniqueViolationErrors(error: unknown): UserError[] | null {
  if (!isUniqueViolation(error)) return null;
  const constraint = String((error as { constraint?: unknown }).constraint ?? '');
  if (constraint.includes('sku'))
    return [userError('DUPLICATE_SKU', 'A sku is already used by another variant.', ['variants'])];
  return [userError('DUPLICATE_HANDLE', 'The handle is already used by another product.', ['handle'])];
}

/** After the commit: invalidate cache entries, publish the event, bring the index up to date (the event is the backstop). */
async function afterCommit(deps: CatalogDeps, productId: string, handles: string[]): Promise<void> {
  await deps.productCache.invalidate(productId, handles);
  deps.kickOutbox();
  try {
    await syncIndex(deps.db, deps.engine, [productId]);
  } catch (error) {
    deps.logger.warn(
      { err: error, productId },
      'index update failed; the product.changed consumer will retry',
    );
  }
  // A read that began before the commit may have put the old product back; drop it once more.
  setTimeout(
    () => void deps.productCache.invalidate(productId, handles).catch(() => undefined),
    1000,
  ).unref();
}

async function resolveCategory(
  sql: Parameters<typeof categoryByHandle>[0],
  handle: string | null | undefined,
): Promise<string | null> {
  if (!handle) return null;
  const category = await categoryByHandle(sql, handle);
  if (!category)
    throw new Rejected([
      userError('CATEGORY_NOT_FOUND', `There is no category ${handle}.`, ['categoryHandle']),
    ]);
  return category.id;
}

function buildVariants(
  productId: string,
  valid: ValidVariant[],
  existingBySku: Map<string, ProductVariant>,
): ProductVariant[] {
  return valid.map((v, position) => ({
    id: existingBySku.get(v.sku)?.id ?? randomUUID(),
    productId,
    position,
    sku: v.sku,
    title: v.title,
    selectedOptions: v.selectedOptions,
    priceMinor: v.priceMinor,
    compareAtPriceMinor: v.compareAtPriceMinor,
    weightGrams: v.weightGrams,
    currencyCode: CURRENCY,
  }));
}

function cleanImages(images: { url: string; altText?: string | null }[]): ProductImage[] {
  return images.map((i) => ({ url: i.url, altText: i.altText ?? null }));
}

async function runWrite(
  ctx: Context,
  write: () => Promise<{ product: Product; handles: string[] }>,
): Promise<ProductPayloadModel> {
  let result: { product: Product; handles: string[] };
  try {
    result = await write();
  } catch (error) {
    if (error instanceof Rejected) return { product: null, userErrors: error.userErrors };
    if (error instanceof AppError) throw error;
    const unique = uniqueViolationErrors(error);
    if (unique) return { product: null, userErrors: unique };
    throw error;
  }
  await afterCommit(ctx.deps, result.product.id, result.handles);
  ctx.loaders.product.clear(result.product.id).prime(result.product.id, result.product);
  ctx.loaders.variantsByProduct.clear(result.product.id);
  return { product: result.product, userErrors: [] };
}

export async function createProduct(
  ctx: Context,
  input: ProductFieldsInput & { title: string; brand: string; variants: VariantInput[] },
): Promise<ProductPayloadModel> {
  requireAdminOrScope(ctx.principal, 'catalog:write');
  const { errors, variants } = validateFields(input, true);
  const handle = input.handle ?? slugify(input.title);
  if (!input.handle && !HANDLE_PATTERN.test(handle)) {
    errors.push(userError('INVALID_HANDLE', 'No handle can be made from this title; give one.', ['handle']));
  }
  if (errors.length || !variants) return { product: null, userErrors: errors };
  const { db } = ctx.deps;
  return runWrite(ctx, () =>
    db.transaction(async (tx) => {
      const preErrors: UserError[] = [];
      if (await productByHandle(tx, handle))
        preErrors.push(userError('DUPLICATE_HANDLE', `The handle ${handle} is already used.`, ['handle']));
      const taken = await variantsBySkus(
        tx,
        variants.map((v) => v.sku),
      );
      for (const v of taken)
        preErrors.push(userError('DUPLICATE_SKU', `The sku ${v.sku} is already used.`, ['variants']));
      if (preErrors.length) throw new Rejected(preErrors);
      const now = new Date().toISOString();
      const range = priceRange(variants);
      const product: Product = {
        id: randomUUID(),
        handle,
        title: input.title.trim(),
        description: input.description ?? '',
        brand: input.brand.trim(),
        tags: (input.tags ?? []).map((t) => t.trim()),
        categoryId: await resolveCategory(tx, input.categoryHandle),
        specs: input.specs ?? [],
        options: input.options ?? [],
        images: cleanImages(input.images ?? []),
        currencyCode: CURRENCY,
        minPriceMinor: range.min,
        maxPriceMinor: range.max,
        popularity: 0,
        createdAt: now,
        updatedAt: now,
      };
      await insertProducts(tx, [product]);
      await insertVariants(tx, buildVariants(product.id, variants, new Map()));
      await enqueueEvents(tx, [eventOf(productChanged, { productId: product.id, change: 'created' })]);
      return { product, handles: [handle] };
    }),
  );
}

export async function updateProduct(
  ctx: Context,
  id: string,
  input: ProductFieldsInput,
): Promise<ProductPayloadModel> {
  requireAdminOrScope(ctx.principal, 'catalog:write');
  const { errors, variants } = validateFields(input, false);
  if (errors.length) return { product: null, userErrors: errors };
  const { db } = ctx.deps;
  return runWrite(ctx, () =>
    db.transaction(async (tx) => {
      const old = await lockProduct(tx, id);
      if (!old) throw new Rejected([userError('PRODUCT_NOT_FOUND', 'There is no such product.', ['id'])]);
      const handle = input.handle ?? old.handle;
      if (handle !== old.handle && (await productByHandle(tx, handle))) {
        throw new Rejected([
          userError('DUPLICATE_HANDLE', `The handle ${handle} is already used.`, ['handle']),
        ]);
      }
      let range = { min: old.minPriceMinor, max: old.maxPriceMinor };
      if (variants) {
        const existing = await variantsByProductIds(tx, [id]);
        const bySku = new Map(existing.map((v) => [v.sku, v]));
        const elsewhere = (
          await variantsBySkus(
            tx,
            variants.map((v) => v.sku),
          )
        ).filter((v) => v.productId !== id);
        if (elsewhere.length) {
          throw new Rejected(
            elsewhere.map((v) =>
              userError('DUPLICATE_SKU', `The sku ${v.sku} is already used.`, ['variants']),
            ),
          );
        }
        await replaceVariants(tx, id, buildVariants(id, variants, bySku));
        range = priceRange(variants);
      }
      const product: Product = {
        ...old,
        handle,
        title: input.title?.trim() ?? old.title,
        description: input.description ?? old.description,
        brand: input.brand?.trim() ?? old.brand,
        tags: input.tags?.map((t) => t.trim()) ?? old.tags,
        categoryId:
          input.categoryHandle !== undefined
            ? await resolveCategory(tx, input.categoryHandle)
            : old.categoryId,
        specs: input.specs ?? old.specs,
        options: input.options ?? old.options,
        images: input.images ? cleanImages(input.images) : old.images,
        minPriceMinor: range.min,
        maxPriceMinor: range.max,
        updatedAt: new Date().toISOString(),
      };
      await updateProductRow(tx, product);
      await enqueueEvents(tx, [eventOf(productChanged, { productId: id, change: 'updated' })]);
      return { product, handles: [...new Set([old.handle, handle])] };
    }),
  );
}

export async function removeProduct(
  ctx: Context,
  id: string,
): Promise<{ deletedProductId: string | null; userErrors: UserError[] }> {
  requireAdminOrScope(ctx.principal, 'catalog:write');
  const { db } = ctx.deps;
  const deleted = await db.transaction(async (tx) => {
    const product = await deleteProduct(tx, id);
    if (product) await enqueueEvents(tx, [eventOf(productChanged, { productId: id, change: 'deleted' })]);
    return product;
  });
  if (!deleted)
    return {
      deletedProductId: null,
      userErrors: [userError('PRODUCT_NOT_FOUND', 'There is no such product.', ['id'])],
    };
  await afterCommit(ctx.deps, id, [deleted.handle]);
  ctx.loaders.product.clear(id);
  return { deletedProductId: id, userErrors: [] };
}

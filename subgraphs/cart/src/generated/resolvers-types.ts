import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CartRecord, PricedLine, InventoryLevel as InventoryLevelModel, StockMovement as StockMovementModel, LocationStock as LocationStockModel, VariantRef } from '../domain/types';
import { Money as MoneyModel, UserError as UserErrorModel } from '@shop/common';
import { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date and time in UTC, such as "2026-01-31T12:00:00.000Z". */
  DateTime: { input: string; output: string; }
  /** A decimal number serialised as a string, such as "19.99". */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: any; output: any; }
};

/** Who may share a cached value: anyone (PUBLIC), or only the caller it was answered to (PRIVATE). */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/**
 * A shopping cart. A guest's cart is readable by whoever holds its id and expires 30 days after
 * its last change; a signed-in shopper's cart is readable only by that shopper.
 * Prices and totals are always computed on the server from the catalog's current prices.
 */
export type Cart = {
  __typename?: 'Cart';
  /** The shopper the cart belongs to; null for a guest's cart. */
  buyer?: Maybe<Customer>;
  /** What the cart costs at the catalog's current prices. */
  cost: CartCost;
  /** When the cart was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Products that go with what is in the cart (bought together, else same category), excluding what is already in it. */
  crossSellProducts: Array<Product>;
  /** The cart's id. */
  id: Scalars['ID']['output'];
  /** The lines of the cart, one per variant, oldest first. */
  lines: Array<CartLine>;
  /** The sum of the quantities of all lines. */
  totalQuantity: Scalars['Int']['output'];
  /** When the cart last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/**
 * A shopping cart. A guest's cart is readable by whoever holds its id and expires 30 days after
 * its last change; a signed-in shopper's cart is readable only by that shopper.
 * Prices and totals are always computed on the server from the catalog's current prices.
 */
export type CartCrossSellProductsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The result of cartBuyerIdentityUpdate. */
export type CartBuyerIdentityUpdatePayload = {
  __typename?: 'CartBuyerIdentityUpdatePayload';
  /** The shopper's cart after the merge. */
  cart?: Maybe<Cart>;
  /** Why the cart was not attached. */
  userErrors: Array<UserError>;
};

/**
 * What a cart costs. An entity keyed by its cart's id so that the orders subgraph, which owns discounts, can add
 * the discount amount (federation joins it; the cart never calls orders).
 */
export type CartCost = {
  __typename?: 'CartCost';
  /** The cart this is the cost of (the entity's key; not part of the public API). */
  cartId: Scalars['ID']['output'];
  /** The sum of the lines' totals. */
  subtotalAmount: Money;
  /** The lines at the catalog's current prices, before the discounts (discountAmount, added by orders), shipping and tax that checkout applies. */
  totalAmount: Money;
};

/** The result of cartCreate. */
export type CartCreatePayload = {
  __typename?: 'CartCreatePayload';
  /** The new cart, or null when nothing was created. */
  cart?: Maybe<Cart>;
  /** Why the cart was not created. */
  userErrors: Array<UserError>;
};

/** What a new cart starts with. */
export type CartInput = {
  /** The lines to start with; may be empty. */
  lines?: InputMaybe<Array<CartLineInput>>;
};

/**
 * One variant in a cart, with its quantity. An entity keyed by its id and its cart's id so that the orders
 * subgraph, which owns discounts, can add the line's discount allocations.
 */
export type CartLine = {
  __typename?: 'CartLine';
  /** The cart the line is in (part of the entity's key; not part of the public API). */
  cartId: Scalars['ID']['output'];
  /** What this line costs at the catalog's current price. */
  cost: CartLineCost;
  /** The line's id. */
  id: Scalars['ID']['output'];
  /** The variant this line buys. */
  merchandise: ProductVariant;
  /** How many units, from 1 to 99. */
  quantity: Scalars['Int']['output'];
};

/** What a cart line costs. */
export type CartLineCost = {
  __typename?: 'CartLineCost';
  /** The price of one unit. */
  amountPerQuantity: Money;
  /** The price of one unit times the quantity. */
  totalAmount: Money;
};

/** A variant and a quantity to put in a cart. */
export type CartLineInput = {
  /** The id of the ProductVariant to buy. */
  merchandiseId: Scalars['ID']['input'];
  /** How many units, from 1 to 99. */
  quantity?: Scalars['Int']['input'];
};

/** A new quantity for an existing cart line. */
export type CartLineUpdateInput = {
  /** The id of the cart line. */
  id: Scalars['ID']['input'];
  /** The new quantity, from 1 to 99; remove a line with cartLinesRemove. */
  quantity: Scalars['Int']['input'];
};

/** The result of cartLinesAdd. */
export type CartLinesAddPayload = {
  __typename?: 'CartLinesAddPayload';
  /** The cart after the change. */
  cart?: Maybe<Cart>;
  /** Why the lines were not added; on an error nothing is added. */
  userErrors: Array<UserError>;
};

/** The result of cartLinesRemove. */
export type CartLinesRemovePayload = {
  __typename?: 'CartLinesRemovePayload';
  /** The cart after the change. */
  cart?: Maybe<Cart>;
  /** Why the lines were not removed; on an error nothing is changed. */
  userErrors: Array<UserError>;
};

/** The result of cartLinesUpdate. */
export type CartLinesUpdatePayload = {
  __typename?: 'CartLinesUpdatePayload';
  /** The cart after the change. */
  cart?: Maybe<Cart>;
  /** Why the lines were not updated; on an error nothing is changed. */
  userErrors: Array<UserError>;
};

/** An ISO 4217 currency code. */
export type CurrencyCode =
  | 'AUD'
  | 'CAD'
  | 'CHF'
  | 'DKK'
  | 'EUR'
  | 'GBP'
  | 'JPY'
  | 'NOK'
  | 'PLN'
  | 'SEK'
  | 'USD';

/** A shopper, owned by the users subgraph; the cart only refers to one. */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's id. */
  id: Scalars['ID']['output'];
};

/** The result of inventoryAdjust. */
export type InventoryAdjustPayload = {
  __typename?: 'InventoryAdjustPayload';
  /** The variant's stock after the change. */
  inventoryLevel?: Maybe<InventoryLevel>;
  /** Why the stock was not changed. */
  userErrors: Array<UserError>;
};

/**
 * Stock of one variant. Always `available + held + sold = received` for the default location, from which
 * checkouts reserve; stock at other locations is counted in `totalAvailable` and listed in `locations`.
 */
export type InventoryLevel = {
  __typename?: 'InventoryLevel';
  /** Units that can be bought now: those at the default location, where reservations take stock from. */
  available: Scalars['Int']['output'];
  /** Units held by checkouts in progress. */
  held: Scalars['Int']['output'];
  /** Stock per location, the default location first. */
  locations: Array<LocationStock>;
  /** The audit trail of manual adjustments, restocks and seeding, newest first. */
  movements: Array<StockMovement>;
  /** Units ever received (net of negative adjustments), including returns put back into stock. */
  received: Scalars['Int']['output'];
  /** Units sold. */
  sold: Scalars['Int']['output'];
  /** Units available across all locations: the sum of `locations[].available`. */
  totalAvailable: Scalars['Int']['output'];
  /** When the stock last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The variant. */
  variant: ProductVariant;
};


/**
 * Stock of one variant. Always `available + held + sold = received` for the default location, from which
 * checkouts reserve; stock at other locations is counted in `totalAvailable` and listed in `locations`.
 */
export type InventoryLevelMovementsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The stock of a variant at one location. Stock adjusted without a location is at the `default` location.
 * Policy: checkouts reserve (and sales, releases and returns act) at the default location only; stock at
 * another location is counted in the variant's total but is not sold until moved to the default location
 * (an adjustment out of one location and into the other).
 */
export type LocationStock = {
  __typename?: 'LocationStock';
  /** Units at this location that can be bought or moved (not held, not sold). */
  available: Scalars['Int']['output'];
  /** The location's id; `default` for stock given no location. */
  locationId: Scalars['ID']['output'];
  /** Units ever received at this location (net of negative adjustments; at the default location including returns). */
  received: Scalars['Int']['output'];
  /** When this location's stock last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** An amount of money. Stored as integer minor units; `amount` is their exact decimal string. */
export type Money = {
  __typename?: 'Money';
  /** The decimal amount, such as "19.99". */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currencyCode: CurrencyCode;
};

/** Changes to carts and, for administrators, to stock. */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Attaches a cart to the signed-in shopper, typically right after login. Merge strategy: when the
   * shopper already has an open cart, the lines of the given (guest) cart are merged into it: quantities
   * of the same variant are summed, then capped by the stock available and by 99 per line; lines beyond
   * the 40-line cap are dropped; the guest cart is closed and the shopper's cart is returned. When the
   * shopper has no open cart, the given cart simply becomes theirs (and stops expiring after 30 days).
   * Codes: CART_NOT_FOUND.
   */
  cartBuyerIdentityUpdate: CartBuyerIdentityUpdatePayload;
  /** Creates a cart, owned by the signed-in shopper or a guest's when anonymous. Lines are checked against stock. */
  cartCreate: CartCreatePayload;
  /**
   * Adds lines; a variant already in the cart has its quantity increased. All or nothing: each line's
   * resulting quantity must be 1 to 99 and in stock, and a cart holds at most 40 lines.
   * Codes: INSUFFICIENT_STOCK, INVALID_MERCHANDISE, INVALID_QUANTITY, TOO_MANY_LINES, TOO_MANY_ITEMS (more than 40 lines
   * in one request), CART_NOT_FOUND.
   */
  cartLinesAdd: CartLinesAddPayload;
  /** Removes lines (at most 40 ids). All or nothing. Codes: INVALID_LINE, TOO_MANY_ITEMS, CART_NOT_FOUND. */
  cartLinesRemove: CartLinesRemovePayload;
  /** Sets the quantity of lines (at most 40). All or nothing. Codes: INSUFFICIENT_STOCK, INVALID_QUANTITY, INVALID_LINE, TOO_MANY_ITEMS, CART_NOT_FOUND. */
  cartLinesUpdate: CartLinesUpdatePayload;
  /**
   * Admin only: adds (positive delta) or removes (negative delta) units of a variant's stock, recorded in
   * its audit trail with who, when and why, at one location (the default location when none is given; see
   * LocationStock for what is sold from where). A removal never takes a location below zero.
   * Codes: INVALID_MERCHANDISE, INVALID_QUANTITY, INVALID_REASON, INVALID_LOCATION, INSUFFICIENT_STOCK.
   */
  inventoryAdjust: InventoryAdjustPayload;
};


/** Changes to carts and, for administrators, to stock. */
export type MutationCartBuyerIdentityUpdateArgs = {
  cartId: Scalars['ID']['input'];
};


/** Changes to carts and, for administrators, to stock. */
export type MutationCartCreateArgs = {
  input?: InputMaybe<CartInput>;
};


/** Changes to carts and, for administrators, to stock. */
export type MutationCartLinesAddArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineInput>;
};


/** Changes to carts and, for administrators, to stock. */
export type MutationCartLinesRemoveArgs = {
  cartId: Scalars['ID']['input'];
  lineIds: Array<Scalars['ID']['input']>;
};


/** Changes to carts and, for administrators, to stock. */
export type MutationCartLinesUpdateArgs = {
  cartId: Scalars['ID']['input'];
  lines: Array<CartLineUpdateInput>;
};


/** Changes to carts and, for administrators, to stock. */
export type MutationInventoryAdjustArgs = {
  delta: Scalars['Int']['input'];
  locationId?: InputMaybe<Scalars['ID']['input']>;
  reason: Scalars['String']['input'];
  variantId: Scalars['ID']['input'];
};

/** A product, owned by the catalog subgraph; the cart only refers to one. */
export type Product = {
  __typename?: 'Product';
  /** The product's id. */
  id: Scalars['ID']['output'];
};

/** A purchasable variant of a product, owned by the catalog; the cart adds its stock levels. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** Whether at least one unit can be bought now. */
  availableForSale: Scalars['Boolean']['output'];
  /** The variant's id. */
  id: Scalars['ID']['output'];
  /**
   * Units that can be bought now: stock on hand minus units held by checkouts in progress. Null when stock cannot be
   * read (the cart service is unavailable): a product listing still renders, without stock figures.
   */
  quantityAvailable?: Maybe<Scalars['Int']['output']>;
};

/** What the cart subgraph answers: carts and, for administrators, stock levels. */
export type Query = {
  __typename?: 'Query';
  /**
   * A cart by id. A guest's cart is readable by whoever holds its id; a signed-in shopper's cart only by
   * that shopper (FORBIDDEN to anyone else, the same whether or not the cart exists).
   */
  cart?: Maybe<Cart>;
  /** Admin only: the stock of a variant, with its audit trail. */
  inventoryLevel?: Maybe<InventoryLevel>;
  /** The signed-in shopper's open cart (the most recently changed); null when anonymous or when there is none. */
  myCart?: Maybe<Cart>;
};


/** What the cart subgraph answers: carts and, for administrators, stock levels. */
export type QueryCartArgs = {
  id: Scalars['ID']['input'];
};


/** What the cart subgraph answers: carts and, for administrators, stock levels. */
export type QueryInventoryLevelArgs = {
  variantId: Scalars['ID']['input'];
};

/** One change of a variant's stock: who, when and why. */
export type StockMovement = {
  __typename?: 'StockMovement';
  /** Who made the change: a customer id of an administrator, or a service's name. */
  actor: Scalars['String']['output'];
  /** Units added (positive) or removed (negative). */
  delta: Scalars['Int']['output'];
  /** The movement's id. */
  id: Scalars['ID']['output'];
  /** What kind of change. */
  kind: StockMovementKind;
  /** Where: the location whose stock changed (`default` when none was given). */
  locationId: Scalars['ID']['output'];
  /** When the change was made. */
  occurredAt: Scalars['DateTime']['output'];
  /** Why, as written by whoever made the change. */
  reason: Scalars['String']['output'];
};

/** Why a stock movement happened. */
export type StockMovementKind =
  /** An administrator changed the stock by hand. */
  | 'ADJUSTMENT'
  /** Returned goods were put back into stock. */
  | 'RESTOCK'
  /** Demo data was loaded. */
  | 'SEED';

/** An expected failure of a mutation: bad input, out of stock, a declined card. */
export type UserError = {
  __typename?: 'UserError';
  /** A stable machine-readable code, such as INSUFFICIENT_STOCK. */
  code: Scalars['String']['output'];
  /** The path to the input field at fault, when there is one. */
  field?: Maybe<Array<Scalars['String']['output']>>;
  /** A message a shopper can read. */
  message: Scalars['String']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Cart: Cart;
  CartCost: CartCost;
  ProductVariant: ProductVariant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}> );
  CartCost:
    ( { __typename: 'CartCost' }
    & GraphQLRecursivePick<FederationTypes['CartCost'], {"cartId":true}> );
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CacheControlScope: CacheControlScope;
  Cart: ResolverTypeWrapper<CartRecord>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CartBuyerIdentityUpdatePayload: ResolverTypeWrapper<Omit<CartBuyerIdentityUpdatePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversTypes['Cart']>, userErrors: Array<ResolversTypes['UserError']> }>;
  CartCost: ResolverTypeWrapper<Omit<CartCost, 'subtotalAmount' | 'totalAmount'> & { subtotalAmount: ResolversTypes['Money'], totalAmount: ResolversTypes['Money'] }>;
  CartCreatePayload: ResolverTypeWrapper<Omit<CartCreatePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversTypes['Cart']>, userErrors: Array<ResolversTypes['UserError']> }>;
  CartInput: CartInput;
  CartLine: ResolverTypeWrapper<PricedLine>;
  CartLineCost: ResolverTypeWrapper<Omit<CartLineCost, 'amountPerQuantity' | 'totalAmount'> & { amountPerQuantity: ResolversTypes['Money'], totalAmount: ResolversTypes['Money'] }>;
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartLinesAddPayload: ResolverTypeWrapper<Omit<CartLinesAddPayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversTypes['Cart']>, userErrors: Array<ResolversTypes['UserError']> }>;
  CartLinesRemovePayload: ResolverTypeWrapper<Omit<CartLinesRemovePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversTypes['Cart']>, userErrors: Array<ResolversTypes['UserError']> }>;
  CartLinesUpdatePayload: ResolverTypeWrapper<Omit<CartLinesUpdatePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversTypes['Cart']>, userErrors: Array<ResolversTypes['UserError']> }>;
  CurrencyCode: CurrencyCode;
  Customer: ResolverTypeWrapper<Customer>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  InventoryAdjustPayload: ResolverTypeWrapper<Omit<InventoryAdjustPayload, 'inventoryLevel' | 'userErrors'> & { inventoryLevel?: Maybe<ResolversTypes['InventoryLevel']>, userErrors: Array<ResolversTypes['UserError']> }>;
  InventoryLevel: ResolverTypeWrapper<InventoryLevelModel>;
  LocationStock: ResolverTypeWrapper<LocationStockModel>;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Product: ResolverTypeWrapper<Product>;
  ProductVariant: ResolverTypeWrapper<VariantRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StockMovement: ResolverTypeWrapper<StockMovementModel>;
  StockMovementKind: StockMovementKind;
  UserError: ResolverTypeWrapper<UserErrorModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Cart: CartRecord;
  ID: Scalars['ID']['output'];
  CartBuyerIdentityUpdatePayload: Omit<CartBuyerIdentityUpdatePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversParentTypes['Cart']>, userErrors: Array<ResolversParentTypes['UserError']> };
  CartCost: Omit<CartCost, 'subtotalAmount' | 'totalAmount'> & { subtotalAmount: ResolversParentTypes['Money'], totalAmount: ResolversParentTypes['Money'] } | FederationReferenceTypes['CartCost'];
  CartCreatePayload: Omit<CartCreatePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversParentTypes['Cart']>, userErrors: Array<ResolversParentTypes['UserError']> };
  CartInput: CartInput;
  CartLine: PricedLine;
  CartLineCost: Omit<CartLineCost, 'amountPerQuantity' | 'totalAmount'> & { amountPerQuantity: ResolversParentTypes['Money'], totalAmount: ResolversParentTypes['Money'] };
  CartLineInput: CartLineInput;
  CartLineUpdateInput: CartLineUpdateInput;
  CartLinesAddPayload: Omit<CartLinesAddPayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversParentTypes['Cart']>, userErrors: Array<ResolversParentTypes['UserError']> };
  CartLinesRemovePayload: Omit<CartLinesRemovePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversParentTypes['Cart']>, userErrors: Array<ResolversParentTypes['UserError']> };
  CartLinesUpdatePayload: Omit<CartLinesUpdatePayload, 'cart' | 'userErrors'> & { cart?: Maybe<ResolversParentTypes['Cart']>, userErrors: Array<ResolversParentTypes['UserError']> };
  Customer: Customer;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  InventoryAdjustPayload: Omit<InventoryAdjustPayload, 'inventoryLevel' | 'userErrors'> & { inventoryLevel?: Maybe<ResolversParentTypes['InventoryLevel']>, userErrors: Array<ResolversParentTypes['UserError']> };
  InventoryLevel: InventoryLevelModel;
  LocationStock: LocationStockModel;
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  Product: Product;
  ProductVariant: VariantRef;
  Query: Record<PropertyKey, never>;
  StockMovement: StockMovementModel;
  UserError: UserErrorModel;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CartResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  buyer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['CartCost'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  crossSellProducts?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<CartCrossSellProductsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CartLine']>, ParentType, ContextType>;
  totalQuantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CartBuyerIdentityUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartBuyerIdentityUpdatePayload'] = ResolversParentTypes['CartBuyerIdentityUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartCostResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartCost'] = ResolversParentTypes['CartCost'], FederationReferenceType extends FederationReferenceTypes['CartCost'] = FederationReferenceTypes['CartCost']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CartCost']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subtotalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type CartCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartCreatePayload'] = ResolversParentTypes['CartCreatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLine'] = ResolversParentTypes['CartLine']> = ResolversObject<{
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['CartLineCost'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  merchandise?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CartLineCostResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLineCost'] = ResolversParentTypes['CartLineCost']> = ResolversObject<{
  amountPerQuantity?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  totalAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type CartLinesAddPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLinesAddPayload'] = ResolversParentTypes['CartLinesAddPayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartLinesRemovePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLinesRemovePayload'] = ResolversParentTypes['CartLinesRemovePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartLinesUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLinesUpdatePayload'] = ResolversParentTypes['CartLinesUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type InventoryAdjustPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryAdjustPayload'] = ResolversParentTypes['InventoryAdjustPayload']> = ResolversObject<{
  inventoryLevel?: Resolver<Maybe<ResolversTypes['InventoryLevel']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type InventoryLevelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InventoryLevel'] = ResolversParentTypes['InventoryLevel']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  locations?: Resolver<Array<ResolversTypes['LocationStock']>, ParentType, ContextType>;
  movements?: Resolver<Array<ResolversTypes['StockMovement']>, ParentType, ContextType, RequireFields<InventoryLevelMovementsArgs, 'first'>>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalAvailable?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
}>;

export type LocationStockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LocationStock'] = ResolversParentTypes['LocationStock']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  locationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  received?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cartBuyerIdentityUpdate?: Resolver<ResolversTypes['CartBuyerIdentityUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartBuyerIdentityUpdateArgs, 'cartId'>>;
  cartCreate?: Resolver<ResolversTypes['CartCreatePayload'], ParentType, ContextType, Partial<MutationCartCreateArgs>>;
  cartLinesAdd?: Resolver<ResolversTypes['CartLinesAddPayload'], ParentType, ContextType, RequireFields<MutationCartLinesAddArgs, 'cartId' | 'lines'>>;
  cartLinesRemove?: Resolver<ResolversTypes['CartLinesRemovePayload'], ParentType, ContextType, RequireFields<MutationCartLinesRemoveArgs, 'cartId' | 'lineIds'>>;
  cartLinesUpdate?: Resolver<ResolversTypes['CartLinesUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartLinesUpdateArgs, 'cartId' | 'lines'>>;
  inventoryAdjust?: Resolver<ResolversTypes['InventoryAdjustPayload'], ParentType, ContextType, RequireFields<MutationInventoryAdjustArgs, 'delta' | 'reason' | 'variantId'>>;
}>;

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availableForSale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantityAvailable?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType, RequireFields<QueryCartArgs, 'id'>>;
  inventoryLevel?: Resolver<Maybe<ResolversTypes['InventoryLevel']>, ParentType, ContextType, RequireFields<QueryInventoryLevelArgs, 'variantId'>>;
  myCart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
}>;

export type StockMovementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovement'] = ResolversParentTypes['StockMovement']> = ResolversObject<{
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  delta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StockMovementKind'], ParentType, ContextType>;
  locationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Cart?: CartResolvers<ContextType>;
  CartBuyerIdentityUpdatePayload?: CartBuyerIdentityUpdatePayloadResolvers<ContextType>;
  CartCost?: CartCostResolvers<ContextType>;
  CartCreatePayload?: CartCreatePayloadResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  CartLineCost?: CartLineCostResolvers<ContextType>;
  CartLinesAddPayload?: CartLinesAddPayloadResolvers<ContextType>;
  CartLinesRemovePayload?: CartLinesRemovePayloadResolvers<ContextType>;
  CartLinesUpdatePayload?: CartLinesUpdatePayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  InventoryAdjustPayload?: InventoryAdjustPayloadResolvers<ContextType>;
  InventoryLevel?: InventoryLevelResolvers<ContextType>;
  LocationStock?: LocationStockResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  StockMovement?: StockMovementResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Product as ProductModel, ProductVariant as ProductVariantModel, Category as CategoryModel, ProductConnectionModel, SearchConnectionModel, ProductPayloadModel } from '../domain/types';
import { Money as MoneyModel } from '@shop/common';
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

/** A node of the category tree, such as Footwear > Running Shoes. */
export type Category = {
  __typename?: 'Category';
  /** The direct sub-categories. */
  children: Array<Category>;
  /** A unique, URL-friendly name, such as `running-shoes`. */
  handle: Scalars['String']['output'];
  /** The category's opaque, stable id. */
  id: Scalars['ID']['output'];
  /** The display name. */
  name: Scalars['String']['output'];
  /** The parent category; null for a top-level one. */
  parent?: Maybe<Category>;
  /** Products in this category and its sub-categories, newest first. */
  products: ProductConnection;
};


/** A node of the category tree, such as Footwear > Running Shoes. */
export type CategoryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
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

/** A product image. */
export type Image = {
  __typename?: 'Image';
  /** A text alternative for screen readers. */
  altText?: Maybe<Scalars['String']['output']>;
  /** Where the image is served from. */
  url: Scalars['String']['output'];
};

/** An image to create or replace. */
export type ImageInput = {
  /** A text alternative. */
  altText?: InputMaybe<Scalars['String']['input']>;
  /** An https URL of the image. */
  url: Scalars['String']['input'];
};

/** An amount of money. Stored as integer minor units; `amount` is their exact decimal string. */
export type Money = {
  __typename?: 'Money';
  /** The decimal amount, such as "19.99". */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currencyCode: CurrencyCode;
};

/** Admin changes to the catalog. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Admin: creates a product with its variants; the search index follows. */
  productCreate: ProductCreatePayload;
  /** Admin: deletes a product and its variants; the search index follows. */
  productDelete: ProductDeletePayload;
  /** Admin: changes a product; the search index follows. */
  productUpdate: ProductUpdatePayload;
};


/** Admin changes to the catalog. */
export type MutationProductCreateArgs = {
  input: ProductCreateInput;
};


/** Admin changes to the catalog. */
export type MutationProductDeleteArgs = {
  id: Scalars['ID']['input'];
};


/** Admin changes to the catalog. */
export type MutationProductUpdateArgs = {
  id: Scalars['ID']['input'];
  input: ProductUpdateInput;
};

/** Where a page of a connection sits in the whole list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last item of this page; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether there are more items after this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether there are items before this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first item of this page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** A product for sale: what a shopper browses, with one or more variants that are what goes in a cart. */
export type Product = {
  __typename?: 'Product';
  /** The maker or brand. */
  brand: Scalars['String']['output'];
  /** The category the product sits in, if any. */
  category?: Maybe<Category>;
  /** When the product was created. */
  createdAt: Scalars['DateTime']['output'];
  /** A plain-text description. */
  description: Scalars['String']['output'];
  /** A unique, URL-friendly name, such as `stride-aero-running-shoes`. */
  handle: Scalars['String']['output'];
  /** The product's opaque, stable id. */
  id: Scalars['ID']['output'];
  /** Product images, the first one is the main image. */
  images: Array<Image>;
  /** The options a shopper chooses between (Size, Color), with the values the variants use. */
  options: Array<ProductOption>;
  /** The lowest and highest variant price. */
  priceRange: ProductPriceRange;
  /** Products similar in content to this one. */
  relatedProducts: Array<Product>;
  /** Technical properties, such as `{ name: "Drop", value: "8 mm" }`. */
  specs: Array<ProductSpec>;
  /** Free-form labels. */
  tags: Array<Scalars['String']['output']>;
  /** The product's name. */
  title: Scalars['String']['output'];
  /** The purchasable variants, in display order. */
  variants: Array<ProductVariant>;
};


/** A product for sale: what a shopper browses, with one or more variants that are what goes in a cart. */
export type ProductRelatedProductsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of products. */
export type ProductConnection = {
  __typename?: 'ProductConnection';
  /** The products with their cursors. */
  edges: Array<ProductEdge>;
  /** The products of this page. */
  nodes: Array<Product>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many products the whole list holds. */
  totalCount: Scalars['Int']['output'];
};

/** A new product. */
export type ProductCreateInput = {
  /** The brand. */
  brand: Scalars['String']['input'];
  /** The handle of the category. */
  categoryHandle?: InputMaybe<Scalars['String']['input']>;
  /** A plain-text description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Unique handle (lowercase letters, digits and dashes); derived from the title when omitted. */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** Images. */
  images?: InputMaybe<Array<ImageInput>>;
  /** Options. */
  options?: InputMaybe<Array<ProductOptionInput>>;
  /** Technical properties. */
  specs?: InputMaybe<Array<ProductSpecInput>>;
  /** Free-form labels. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The name (1 to 200 characters). */
  title: Scalars['String']['input'];
  /** At least one variant. */
  variants: Array<ProductVariantInput>;
};

/** The result of productCreate. */
export type ProductCreatePayload = {
  __typename?: 'ProductCreatePayload';
  /** The new product, null on failure. */
  product?: Maybe<Product>;
  /** Why the product was not created. */
  userErrors: Array<UserError>;
};

/** The result of productDelete. */
export type ProductDeletePayload = {
  __typename?: 'ProductDeletePayload';
  /** The id of the deleted product, null on failure. */
  deletedProductId?: Maybe<Scalars['ID']['output']>;
  /** Why the product was not deleted. */
  userErrors: Array<UserError>;
};

/** A product and its cursor. */
export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Pass as `after` to read the page after this product. */
  cursor: Scalars['String']['output'];
  /** The product. */
  node: Product;
};

/** An option a shopper chooses between and its possible values. */
export type ProductOption = {
  __typename?: 'ProductOption';
  /** The option's name, such as "Size". */
  name: Scalars['String']['output'];
  /** The values the product's variants use. */
  values: Array<Scalars['String']['output']>;
};

/** A product option to create or replace. */
export type ProductOptionInput = {
  /** The option's name, such as "Size". */
  name: Scalars['String']['input'];
  /** Its values. */
  values: Array<Scalars['String']['input']>;
};

/** The lowest and highest price among a product's variants. */
export type ProductPriceRange = {
  __typename?: 'ProductPriceRange';
  /** The highest variant price. */
  maxVariantPrice: Money;
  /** The lowest variant price. */
  minVariantPrice: Money;
};

/** How `Query.products` is ordered; ties are broken by id, so pages are stable. */
export type ProductSortKey =
  /** By popularity (units sold), least first (use `reverse: true` for most popular first). */
  | 'BEST_SELLING'
  /** By creation time, oldest first (use `reverse: true` for newest first). */
  | 'CREATED_AT'
  /** By id: an arbitrary but stable order. */
  | 'ID'
  /** By lowest variant price, cheapest first. */
  | 'PRICE'
  /** By title, A to Z. */
  | 'TITLE';

/** A named technical property of a product. */
export type ProductSpec = {
  __typename?: 'ProductSpec';
  /** The property, such as "Material". */
  name: Scalars['String']['output'];
  /** Its value, such as "Cotton". */
  value: Scalars['String']['output'];
};

/** A spec to create or replace. */
export type ProductSpecInput = {
  /** The property's name. */
  name: Scalars['String']['input'];
  /** Its value. */
  value: Scalars['String']['input'];
};

/** Changes to a product; an omitted field stays as it is, a given list replaces the old one. */
export type ProductUpdateInput = {
  /** New brand. */
  brand?: InputMaybe<Scalars['String']['input']>;
  /** New category handle. */
  categoryHandle?: InputMaybe<Scalars['String']['input']>;
  /** New description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** New handle. */
  handle?: InputMaybe<Scalars['String']['input']>;
  /** New images. */
  images?: InputMaybe<Array<ImageInput>>;
  /** New options. */
  options?: InputMaybe<Array<ProductOptionInput>>;
  /** New specs. */
  specs?: InputMaybe<Array<ProductSpecInput>>;
  /** New tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New title. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** New variants (at least one); a variant whose sku already exists keeps its id. */
  variants?: InputMaybe<Array<ProductVariantInput>>;
};

/** The result of productUpdate. */
export type ProductUpdatePayload = {
  __typename?: 'ProductUpdatePayload';
  /** The changed product, null on failure. */
  product?: Maybe<Product>;
  /** Why the product was not changed. */
  userErrors: Array<UserError>;
};

/** A purchasable version of a product, such as size 9 in black. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** The former price, shown struck through when the variant is on sale. */
  compareAtPrice?: Maybe<Money>;
  /** The variant's opaque, stable id (the cart's merchandise id). */
  id: Scalars['ID']['output'];
  /** The price of one unit. */
  price: Money;
  /** The product the variant belongs to. */
  product: Product;
  /** The option values that make up this variant. */
  selectedOptions: Array<SelectedOption>;
  /** The stock keeping unit, unique across the catalog. */
  sku: Scalars['String']['output'];
  /** The variant's name, such as "9 / Black". */
  title: Scalars['String']['output'];
  /** Shipping weight of one unit in grams. */
  weightGrams: Scalars['Int']['output'];
};

/** A variant to create; on update, a variant with an existing sku keeps its id. */
export type ProductVariantInput = {
  /** Former price shown struck through. */
  compareAtPrice?: InputMaybe<Scalars['Decimal']['input']>;
  /** Unit price, such as "19.99" (not negative). */
  price: Scalars['Decimal']['input'];
  /** The option values. */
  selectedOptions?: InputMaybe<Array<SelectedOptionInput>>;
  /** Unique stock keeping unit. */
  sku: Scalars['String']['input'];
  /** Display name; derived from the option values when omitted. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** Shipping weight in grams (not negative). */
  weightGrams?: InputMaybe<Scalars['Int']['input']>;
};

/** Reads of the catalog. */
export type Query = {
  __typename?: 'Query';
  /** Every category, parents before their children. */
  categories: Array<Category>;
  /** A product by id or by handle (give one); null when there is none. */
  product?: Maybe<Product>;
  /** Products, optionally of one category (and its sub-categories). */
  products: ProductConnection;
  /** Products for this shopper: personalised when signed in, popular when anonymous. */
  recommendedProducts: Array<Product>;
  /** Full-text product search: typo tolerant, filtered, faceted. */
  search: SearchResultConnection;
  /** Completions for what a shopper is typing. */
  searchSuggestions: Array<Scalars['String']['output']>;
};


/** Reads of the catalog. */
export type QueryProductArgs = {
  handle?: InputMaybe<Scalars['String']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
};


/** Reads of the catalog. */
export type QueryProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  categoryHandle?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  reverse?: InputMaybe<Scalars['Boolean']['input']>;
  sortKey?: InputMaybe<ProductSortKey>;
};


/** Reads of the catalog. */
export type QueryRecommendedProductsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads of the catalog. */
export type QuerySearchArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filters?: InputMaybe<Array<SearchFilter>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
  sortKey?: InputMaybe<SearchSortKey>;
};


/** Reads of the catalog. */
export type QuerySearchSuggestionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  prefix: Scalars['String']['input'];
};

/** Counts of matching products per value of one property. */
export type SearchFacet = {
  __typename?: 'SearchFacet';
  /** The property: category, brand, price or available. */
  name: Scalars['String']['output'];
  /** Each value with the number of matching products. */
  values: Array<SearchFacetValue>;
};

/** One value of a facet. */
export type SearchFacetValue = {
  __typename?: 'SearchFacetValue';
  /** How many matching products have it. */
  count: Scalars['Int']['output'];
  /** The value, such as a brand name or a category handle. */
  value: Scalars['String']['output'];
};

/** One search filter; filters of different kinds combine with AND, several of the same kind with OR. */
export type SearchFilter = {
  /** Only products that can be bought now (true) or cannot (false). */
  available?: InputMaybe<Scalars['Boolean']['input']>;
  /** A brand name, exactly. */
  brand?: InputMaybe<Scalars['String']['input']>;
  /** A category handle; products of its sub-categories match too. */
  category?: InputMaybe<Scalars['String']['input']>;
  /** The highest price to include, such as "100.00". */
  priceMax?: InputMaybe<Scalars['Decimal']['input']>;
  /** The lowest price to include, such as "50.00". */
  priceMin?: InputMaybe<Scalars['Decimal']['input']>;
  /** A spec name and value, exactly. */
  spec?: InputMaybe<SpecFilter>;
};

/** A page of search results with facets. */
export type SearchResultConnection = {
  __typename?: 'SearchResultConnection';
  /** The matching products with their cursors. */
  edges: Array<SearchResultEdge>;
  /** Counts per category, brand, price band and availability, reflecting the other active filters. */
  facets: Array<SearchFacet>;
  /** The matching products of this page. */
  nodes: Array<Product>;
  /** Where this page sits in the whole result. */
  pageInfo: PageInfo;
  /** How many products match. */
  totalCount: Scalars['Int']['output'];
};

/** A search hit and its cursor. */
export type SearchResultEdge = {
  __typename?: 'SearchResultEdge';
  /** Pass as `after` to read the page after this hit. */
  cursor: Scalars['String']['output'];
  /** The matching product. */
  node: Product;
};

/** How search results are ordered. */
export type SearchSortKey =
  /** Newest first. */
  | 'NEWEST'
  /** Cheapest first. */
  | 'PRICE_ASC'
  /** Most expensive first. */
  | 'PRICE_DESC'
  /** Best match first; personalised for a signed-in shopper. */
  | 'RELEVANCE';

/** One option value of a variant. */
export type SelectedOption = {
  __typename?: 'SelectedOption';
  /** The option's name, such as "Size". */
  name: Scalars['String']['output'];
  /** The chosen value, such as "9". */
  value: Scalars['String']['output'];
};

/** An option value of a variant. */
export type SelectedOptionInput = {
  /** The option's name. */
  name: Scalars['String']['input'];
  /** The value. */
  value: Scalars['String']['input'];
};

/** A filter on one product spec. */
export type SpecFilter = {
  /** The spec's name, such as "Material". */
  name: Scalars['String']['input'];
  /** The spec's value, such as "Cotton". */
  value: Scalars['String']['input'];
};

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
  Product: Product;
  ProductVariant: ProductVariant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
  ProductVariant:
    ( { __typename: 'ProductVariant' }
    & GraphQLRecursivePick<FederationTypes['ProductVariant'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CacheControlScope: CacheControlScope;
  Category: ResolverTypeWrapper<CategoryModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CurrencyCode: CurrencyCode;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Image: ResolverTypeWrapper<Image>;
  ImageInput: ImageInput;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductModel>;
  ProductConnection: ResolverTypeWrapper<ProductConnectionModel>;
  ProductCreateInput: ProductCreateInput;
  ProductCreatePayload: ResolverTypeWrapper<ProductPayloadModel>;
  ProductDeletePayload: ResolverTypeWrapper<ProductDeletePayload>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductOption: ResolverTypeWrapper<ProductOption>;
  ProductOptionInput: ProductOptionInput;
  ProductPriceRange: ResolverTypeWrapper<Omit<ProductPriceRange, 'maxVariantPrice' | 'minVariantPrice'> & { maxVariantPrice: ResolversTypes['Money'], minVariantPrice: ResolversTypes['Money'] }>;
  ProductSortKey: ProductSortKey;
  ProductSpec: ResolverTypeWrapper<ProductSpec>;
  ProductSpecInput: ProductSpecInput;
  ProductUpdateInput: ProductUpdateInput;
  ProductUpdatePayload: ResolverTypeWrapper<ProductPayloadModel>;
  ProductVariant: ResolverTypeWrapper<ProductVariantModel>;
  ProductVariantInput: ProductVariantInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SearchFacet: ResolverTypeWrapper<SearchFacet>;
  SearchFacetValue: ResolverTypeWrapper<SearchFacetValue>;
  SearchFilter: SearchFilter;
  SearchResultConnection: ResolverTypeWrapper<SearchConnectionModel>;
  SearchResultEdge: ResolverTypeWrapper<Omit<SearchResultEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  SearchSortKey: SearchSortKey;
  SelectedOption: ResolverTypeWrapper<SelectedOption>;
  SelectedOptionInput: SelectedOptionInput;
  SpecFilter: SpecFilter;
  UserError: ResolverTypeWrapper<UserError>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Category: CategoryModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Image: Image;
  ImageInput: ImageInput;
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Product: ProductModel;
  ProductConnection: ProductConnectionModel;
  ProductCreateInput: ProductCreateInput;
  ProductCreatePayload: ProductPayloadModel;
  ProductDeletePayload: ProductDeletePayload;
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductOption: ProductOption;
  ProductOptionInput: ProductOptionInput;
  ProductPriceRange: Omit<ProductPriceRange, 'maxVariantPrice' | 'minVariantPrice'> & { maxVariantPrice: ResolversParentTypes['Money'], minVariantPrice: ResolversParentTypes['Money'] };
  ProductSpec: ProductSpec;
  ProductSpecInput: ProductSpecInput;
  ProductUpdateInput: ProductUpdateInput;
  ProductUpdatePayload: ProductPayloadModel;
  ProductVariant: ProductVariantModel;
  ProductVariantInput: ProductVariantInput;
  Query: Record<PropertyKey, never>;
  SearchFacet: SearchFacet;
  SearchFacetValue: SearchFacetValue;
  SearchFilter: SearchFilter;
  SearchResultConnection: SearchConnectionModel;
  SearchResultEdge: Omit<SearchResultEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  SelectedOption: SelectedOption;
  SelectedOptionInput: SelectedOptionInput;
  SpecFilter: SpecFilter;
  UserError: UserError;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CategoryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Category'] = ResolversParentTypes['Category']> = ResolversObject<{
  children?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, Partial<CategoryProductsArgs>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type ImageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Image'] = ResolversParentTypes['Image']> = ResolversObject<{
  altText?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  productCreate?: Resolver<ResolversTypes['ProductCreatePayload'], ParentType, ContextType, RequireFields<MutationProductCreateArgs, 'input'>>;
  productDelete?: Resolver<ResolversTypes['ProductDeletePayload'], ParentType, ContextType, RequireFields<MutationProductDeleteArgs, 'id'>>;
  productUpdate?: Resolver<ResolversTypes['ProductUpdatePayload'], ParentType, ContextType, RequireFields<MutationProductUpdateArgs, 'id' | 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  category?: Resolver<Maybe<ResolversTypes['Category']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Array<ResolversTypes['Image']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['ProductOption']>, ParentType, ContextType>;
  priceRange?: Resolver<ResolversTypes['ProductPriceRange'], ParentType, ContextType>;
  relatedProducts?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<ProductRelatedProductsArgs, 'first'>>;
  specs?: Resolver<Array<ResolversTypes['ProductSpec']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ProductVariant']>, ParentType, ContextType>;
}>;

export type ProductConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductCreatePayload'] = ResolversParentTypes['ProductCreatePayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductDeletePayload'] = ResolversParentTypes['ProductDeletePayload']> = ResolversObject<{
  deletedProductId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type ProductOptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductOption'] = ResolversParentTypes['ProductOption']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ProductPriceRangeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductPriceRange'] = ResolversParentTypes['ProductPriceRange']> = ResolversObject<{
  maxVariantPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  minVariantPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type ProductSpecResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSpec'] = ResolversParentTypes['ProductSpec']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProductUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductUpdatePayload'] = ResolversParentTypes['ProductUpdatePayload']> = ResolversObject<{
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant'], FederationReferenceType extends FederationReferenceTypes['ProductVariant'] = FederationReferenceTypes['ProductVariant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ProductVariant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  compareAtPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  product?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
  selectedOptions?: Resolver<Array<ResolversTypes['SelectedOption']>, ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weightGrams?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['Category']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, Partial<QueryProductArgs>>;
  products?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, RequireFields<QueryProductsArgs, 'reverse' | 'sortKey'>>;
  recommendedProducts?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryRecommendedProductsArgs, 'first'>>;
  search?: Resolver<ResolversTypes['SearchResultConnection'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'query' | 'sortKey'>>;
  searchSuggestions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType, RequireFields<QuerySearchSuggestionsArgs, 'first' | 'prefix'>>;
}>;

export type SearchFacetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchFacet'] = ResolversParentTypes['SearchFacet']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['SearchFacetValue']>, ParentType, ContextType>;
}>;

export type SearchFacetValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchFacetValue'] = ResolversParentTypes['SearchFacetValue']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SearchResultConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchResultConnection'] = ResolversParentTypes['SearchResultConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SearchResultEdge']>, ParentType, ContextType>;
  facets?: Resolver<Array<ResolversTypes['SearchFacet']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Product']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SearchResultEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SearchResultEdge'] = ResolversParentTypes['SearchResultEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
}>;

export type SelectedOptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SelectedOption'] = ResolversParentTypes['SelectedOption']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Category?: CategoryResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Image?: ImageResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductCreatePayload?: ProductCreatePayloadResolvers<ContextType>;
  ProductDeletePayload?: ProductDeletePayloadResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  ProductOption?: ProductOptionResolvers<ContextType>;
  ProductPriceRange?: ProductPriceRangeResolvers<ContextType>;
  ProductSpec?: ProductSpecResolvers<ContextType>;
  ProductUpdatePayload?: ProductUpdatePayloadResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SearchFacet?: SearchFacetResolvers<ContextType>;
  SearchFacetValue?: SearchFacetValueResolvers<ContextType>;
  SearchResultConnection?: SearchResultConnectionResolvers<ContextType>;
  SearchResultEdge?: SearchResultEdgeResolvers<ContextType>;
  SelectedOption?: SelectedOptionResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

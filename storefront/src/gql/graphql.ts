/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A shipping carrier. */
export type Carrier =
  | 'DHL'
  | 'FEDEX'
  | 'UPS';

/** What a new cart starts with. */
export type CartInput = {
  /** The lines to start with; may be empty. */
  lines?: Array<CartLineInput> | null | undefined;
};

/** A variant and a quantity to put in a cart. */
export type CartLineInput = {
  /** The id of the ProductVariant to buy. */
  merchandiseId: string | number;
  /** How many units, from 1 to 99. */
  quantity?: number;
};

/** A new quantity for an existing cart line. */
export type CartLineUpdateInput = {
  /** The id of the cart line. */
  id: string | number;
  /** The new quantity, from 1 to 99; remove a line with cartLinesRemove. */
  quantity: number;
};

/** The input of checkoutCreate. */
export type CheckoutCreateInput = {
  /** The cart to check out. */
  cartId: string | number;
  /** Where the order confirmation goes. */
  email: string;
  /** Where the order ships to. */
  shippingAddress: MailingAddressInput;
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

/** Credentials to sign in with. */
export type CustomerLoginInput = {
  /** A name for this device, shown in customerSessions. */
  deviceName?: string | null | undefined;
  /** Email address. */
  email: string;
  /** Password. */
  password: string;
  /** A single-use recovery code instead of the TOTP code. */
  recoveryCode?: string | null | undefined;
  /** Keeps the session alive for 30 days of inactivity instead of 30 minutes. */
  rememberMe?: boolean | null | undefined;
  /** The authenticator app's current code, when MFA is on. */
  totpCode?: string | null | undefined;
};

/** A new account. */
export type CustomerRegisterInput = {
  /** Email address; case and surrounding spaces are ignored. */
  email: string;
  /** First name, at most 100 characters. */
  firstName?: string | null | undefined;
  /** Last name, at most 100 characters. */
  lastName?: string | null | undefined;
  /** 12 to 128 characters, not a common password. */
  password: string;
};

/** An address to save. */
export type MailingAddressInput = {
  /** Street address, at most 200 characters. */
  address1: string;
  /** Apartment, suite, unit. */
  address2?: string | null | undefined;
  /** City or town. */
  city: string;
  /** ISO 3166-1 alpha-2 country code, such as US. */
  countryCode: string;
  /** The recipient's first name. */
  firstName?: string | null | undefined;
  /** The recipient's last name. */
  lastName?: string | null | undefined;
  /** Phone number. */
  phone?: string | null | undefined;
  /** Province, state or region. */
  province?: string | null | undefined;
  /** Postal or ZIP code, at most 20 characters. */
  zip: string;
};

/** Where an order is in its life. */
export type OrderStatus =
  /** Cancelled (a failed payment, out of stock, or by the shopper or an admin). */
  | 'CANCELLED'
  /** Shipped. */
  | 'FULFILLED'
  /** Paid in full. */
  | 'PAID'
  /** Part of the captured amount was refunded. */
  | 'PARTIALLY_REFUNDED'
  /** Created; the payment has not completed yet. */
  | 'PENDING_PAYMENT'
  /** Refunded in full. */
  | 'REFUNDED';

/** How the shopper pays: a payment method created in the browser by Stripe.js; card data never reaches us. */
export type PaymentInput = {
  /** A Stripe PaymentMethod id, such as pm_card_visa, or one of the signed-in shopper's own saved paymentMethods. */
  paymentMethodId: string;
};

/** A client's manifest to publish: a partner's, or the shop's own (firstParty). */
export type PersistedDocumentsPublishInput = {
  /** The client the manifest is for: a live API key must name it, unless it is the shop's own client (firstParty). */
  clientName: string;
  /**
   * The shop's own client, such as its storefront: published with no API key, mutations included, and any caller may
   * run its documents by hash (naming it in the apollographql-client-name header, or not). Publishing with this set
   * registers the client as the shop's own; later publishes need not repeat it. A client that a live API key names
   * cannot be the shop's own (CLIENT_IS_PARTNER).
   */
  firstParty?: boolean | null | undefined;
  /**
   * Apollo's persisted query manifest: { format: "apollo-persisted-query-manifest", version: 1, operations: [{ id,
   * name, type, body }] }.
   */
  manifest: unknown;
};

/** A shipped order line, or part of one, to send back. */
export type ReturnLineInput = {
  /** The order line's id. */
  orderLineId: string | number;
  /** How many units, 1 to 999, at most what was shipped and not yet returned. */
  quantity: number;
};

/** What a shopper asks to send back, and why. */
export type ReturnRequestInput = {
  /** The lines to return. */
  lines: Array<ReturnLineInput>;
  /** The order the items came with. */
  orderId: string | number;
  /** Why, in the shopper's words (at most 1000 characters). */
  reason: string;
};

/** Where a return is in its journey back to the shop. */
export type ReturnStatus =
  /** The shop agreed; a return label exists. */
  | 'APPROVED'
  /** The carrier has the parcel on its way back. */
  | 'IN_TRANSIT'
  /** The shop has the items back. */
  | 'RECEIVED'
  /** The shopper was refunded. */
  | 'REFUNDED'
  /** The shop declined the return. */
  | 'REJECTED'
  /** The shopper asked; the shop has not decided. */
  | 'REQUESTED';

/** One search filter; filters of different kinds combine with AND, several of the same kind with OR. */
export type SearchFilter = {
  /** Only products that can be bought now (true) or cannot (false). */
  available?: boolean | null | undefined;
  /** A brand name, exactly. */
  brand?: string | null | undefined;
  /** A category handle; products of its sub-categories match too. */
  category?: string | null | undefined;
  /** The highest price to include, such as "100.00". */
  priceMax?: string | null | undefined;
  /** The lowest price to include, such as "50.00". */
  priceMin?: string | null | undefined;
  /** A spec name and value, exactly. */
  spec?: SpecFilter | null | undefined;
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

/** Where a shipment is in its journey. */
export type ShipmentStatus =
  /** The parcel was delivered. */
  | 'DELIVERED'
  /** The carrier reports a problem (address, weather, damage). */
  | 'EXCEPTION'
  /** The carrier has the parcel. */
  | 'IN_TRANSIT'
  /** A label exists; the carrier has not picked the parcel up yet. */
  | 'LABEL_CREATED'
  /** The parcel is on the vehicle for its last mile. */
  | 'OUT_FOR_DELIVERY'
  /** The parcel went back to the shop. */
  | 'RETURNED';

/** A filter on one product spec. */
export type SpecFilter = {
  /** The spec's name, such as "Material". */
  name: string;
  /** The spec's value, such as "Cotton". */
  value: string;
};

export type UserErrorFieldsFragment = { code: string, field: Array<string> | null, message: string };

export type AddressFieldsFragment = { id: string, firstName: string | null, lastName: string | null, address1: string, address2: string | null, city: string, province: string | null, zip: string, countryCode: string, phone: string | null };

export type CustomerRegisterMutationVariables = Exact<{
  input: CustomerRegisterInput;
}>;


export type CustomerRegisterMutation = { customerRegister: { userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CustomerLoginMutationVariables = Exact<{
  input: CustomerLoginInput;
}>;


export type CustomerLoginMutation = { customerLogin: { accessToken: string | null, expiresAt: string | null, mfaRequired: boolean, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CustomerLogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type CustomerLogoutMutation = { customerLogout: { success: boolean } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, firstName: string | null, lastName: string | null, mfaEnabled: boolean, defaultAddress: { id: string } | null, addresses: Array<{ id: string, firstName: string | null, lastName: string | null, address1: string, address2: string | null, city: string, province: string | null, zip: string, countryCode: string, phone: string | null }> } | null };

export type MyOrdersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type MyOrdersQuery = { me: { id: string, orders: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, number: string, status: OrderStatus, createdAt: string, shipments: Array<{ id: string, carrier: Carrier, service: string, trackingNumber: string, trackingUrl: string, status: ShipmentStatus, estimatedDelivery: string | null, events: Array<{ status: ShipmentStatus, description: string, location: string | null, occurredAt: string }> }>, subtotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, lines: Array<{ id: string, title: string, variantTitle: string, quantity: number, total: { amount: string, currencyCode: CurrencyCode } }> }> } } | null };

export type MyReturnsQueryVariables = Exact<{
  orderId?: string | number | null | undefined;
}>;


export type MyReturnsQuery = { returns: Array<{ id: string, orderId: string, status: ReturnStatus, reason: string, createdAt: string, trackingNumber: string | null, lines: Array<{ orderLineId: string, quantity: number }> }> };

export type MySessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type MySessionsQuery = { customerSessions: Array<{ id: string, device: string | null, createdAt: string, lastSeenAt: string, current: boolean }> };

export type CustomerSessionRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type CustomerSessionRevokeMutation = { customerSessionRevoke: { revokedSessionId: string | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CustomerAddressCreateMutationVariables = Exact<{
  address: MailingAddressInput;
  setDefault?: boolean | null | undefined;
}>;


export type CustomerAddressCreateMutation = { customerAddressCreate: { customerAddress: { id: string, firstName: string | null, lastName: string | null, address1: string, address2: string | null, city: string, province: string | null, zip: string, countryCode: string, phone: string | null } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CustomerAddressDeleteMutationVariables = Exact<{
  id: string | number;
}>;


export type CustomerAddressDeleteMutation = { customerAddressDelete: { userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CustomerMfaEnrollMutationVariables = Exact<{
  currentPassword?: string | null | undefined;
}>;


export type CustomerMfaEnrollMutation = { customerMfaEnroll: { secret: string | null, otpauthUrl: string | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CustomerMfaConfirmMutationVariables = Exact<{
  code: string;
}>;


export type CustomerMfaConfirmMutation = { customerMfaConfirm: { recoveryCodes: Array<string> | null, accessToken: string | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type ReturnRequestMutationVariables = Exact<{
  input: ReturnRequestInput;
}>;


export type ReturnRequestMutation = { returnRequest: { return: { id: string, status: ReturnStatus } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CartFieldsFragment = { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> };

export type CartErrorsFragment = { code: string, field: Array<string> | null, message: string };

export type CartQueryVariables = Exact<{
  id: string | number;
}>;


export type CartQuery = { cart: { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> } | null };

export type CartCreateMutationVariables = Exact<{
  input?: CartInput | null | undefined;
}>;


export type CartCreateMutation = { cartCreate: { cart: { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CartLinesAddMutationVariables = Exact<{
  cartId: string | number;
  lines: Array<CartLineInput> | CartLineInput;
}>;


export type CartLinesAddMutation = { cartLinesAdd: { cart: { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CartLinesUpdateMutationVariables = Exact<{
  cartId: string | number;
  lines: Array<CartLineUpdateInput> | CartLineUpdateInput;
}>;


export type CartLinesUpdateMutation = { cartLinesUpdate: { cart: { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CartLinesRemoveMutationVariables = Exact<{
  cartId: string | number;
  lineIds: Array<string | number> | string | number;
}>;


export type CartLinesRemoveMutation = { cartLinesRemove: { cart: { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CartBuyerIdentityUpdateMutationVariables = Exact<{
  cartId: string | number;
}>;


export type CartBuyerIdentityUpdateMutation = { cartBuyerIdentityUpdate: { cart: { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CartDiscountCodesUpdateMutationVariables = Exact<{
  cartId: string | number;
  discountCodes: Array<string> | string;
}>;


export type CartDiscountCodesUpdateMutation = { cartDiscountCodesUpdate: { cart: { id: string, totalQuantity: number, cost: { subtotalAmount: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, lines: Array<{ id: string, quantity: number, cost: { amountPerQuantity: { amount: string, currencyCode: CurrencyCode }, totalAmount: { amount: string, currencyCode: CurrencyCode } }, merchandise: { id: string, title: string, quantityAvailable: number | null, product: { handle: string, title: string, images: Array<{ url: string, altText: string | null }> } } }>, crossSellProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, discountCodes: Array<{ code: string, applicable: boolean }>, discountAllocations: Array<{ title: string, code: string | null, discountedAmount: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type ProductCardFragment = { id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { recommendedProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }>, products: { nodes: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }> } };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { categories: Array<{ id: string, handle: string, name: string, parent: { handle: string } | null }> };

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filters?: Array<SearchFilter> | SearchFilter | null | undefined;
  sortKey?: SearchSortKey | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: Array<{ name: string, values: Array<{ value: string, count: number }> }>, nodes: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }> } };

export type SuggestionsQueryVariables = Exact<{
  prefix: string;
}>;


export type SuggestionsQuery = { searchSuggestions: Array<string> };

export type ProductQueryVariables = Exact<{
  handle: string;
}>;


export type ProductQuery = { product: { id: string, handle: string, title: string, description: string, brand: string, category: { handle: string, name: string } | null, specs: Array<{ name: string, value: string }>, options: Array<{ name: string, values: Array<string> }>, images: Array<{ url: string, altText: string | null }>, variants: Array<{ id: string, sku: string, title: string, quantityAvailable: number | null, availableForSale: boolean, selectedOptions: Array<{ name: string, value: string }>, price: { amount: string, currencyCode: CurrencyCode }, compareAtPrice: { amount: string, currencyCode: CurrencyCode } | null }>, relatedProducts: Array<{ id: string, handle: string, title: string, brand: string, priceRange: { minVariantPrice: { amount: string, currencyCode: CurrencyCode } }, images: Array<{ url: string, altText: string | null }> }> } | null };

export type MoneyFieldsFragment = { amount: string, currencyCode: CurrencyCode };

export type CheckoutFieldsFragment = { id: string, email: string, subtotal: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, shippingLine: { handle: string, carrier: Carrier, service: string, price: { amount: string, currencyCode: CurrencyCode } } | null, availableShippingRates: Array<{ handle: string, carrier: Carrier, service: string, estimatedDeliveryDays: number, price: { amount: string, currencyCode: CurrencyCode } }> };

export type OrderFieldsFragment = { id: string, number: string, status: OrderStatus, createdAt: string, subtotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, lines: Array<{ id: string, title: string, variantTitle: string, quantity: number, total: { amount: string, currencyCode: CurrencyCode } }> };

export type OrderDetailFragment = { id: string, number: string, status: OrderStatus, createdAt: string, shipments: Array<{ id: string, carrier: Carrier, service: string, trackingNumber: string, trackingUrl: string, status: ShipmentStatus, estimatedDelivery: string | null, events: Array<{ status: ShipmentStatus, description: string, location: string | null, occurredAt: string }> }>, subtotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, lines: Array<{ id: string, title: string, variantTitle: string, quantity: number, total: { amount: string, currencyCode: CurrencyCode } }> };

export type CheckoutCreateMutationVariables = Exact<{
  input: CheckoutCreateInput;
}>;


export type CheckoutCreateMutation = { checkoutCreate: { checkout: { id: string, email: string, subtotal: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, shippingLine: { handle: string, carrier: Carrier, service: string, price: { amount: string, currencyCode: CurrencyCode } } | null, availableShippingRates: Array<{ handle: string, carrier: Carrier, service: string, estimatedDeliveryDays: number, price: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CheckoutShippingRateSelectMutationVariables = Exact<{
  checkoutId: string | number;
  rateHandle: string;
}>;


export type CheckoutShippingRateSelectMutation = { checkoutShippingRateSelect: { checkout: { id: string, email: string, subtotal: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, shippingLine: { handle: string, carrier: Carrier, service: string, price: { amount: string, currencyCode: CurrencyCode } } | null, availableShippingRates: Array<{ handle: string, carrier: Carrier, service: string, estimatedDeliveryDays: number, price: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type CheckoutCompleteMutationVariables = Exact<{
  checkoutId: string | number;
  payment: PaymentInput;
  idempotencyKey: string;
}>;


export type CheckoutCompleteMutation = { checkoutComplete: { orderClaimToken: string | null, order: { id: string, number: string, status: OrderStatus, createdAt: string, subtotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, lines: Array<{ id: string, title: string, variantTitle: string, quantity: number, total: { amount: string, currencyCode: CurrencyCode } }> } | null, nextAction: { type: string, redirectUrl: string | null } | null, checkout: { id: string, email: string, subtotal: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, shippingLine: { handle: string, carrier: Carrier, service: string, price: { amount: string, currencyCode: CurrencyCode } } | null, availableShippingRates: Array<{ handle: string, carrier: Carrier, service: string, estimatedDeliveryDays: number, price: { amount: string, currencyCode: CurrencyCode } }> } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type OrderClaimMutationVariables = Exact<{
  claimToken: string;
}>;


export type OrderClaimMutation = { orderClaim: { order: { id: string, number: string } | null, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export type OrderQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderQuery = { order: { id: string, number: string, status: OrderStatus, createdAt: string, shipments: Array<{ id: string, carrier: Carrier, service: string, trackingNumber: string, trackingUrl: string, status: ShipmentStatus, estimatedDelivery: string | null, events: Array<{ status: ShipmentStatus, description: string, location: string | null, occurredAt: string }> }>, subtotal: { amount: string, currencyCode: CurrencyCode }, shippingTotal: { amount: string, currencyCode: CurrencyCode }, taxTotal: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, lines: Array<{ id: string, title: string, variantTitle: string, quantity: number, total: { amount: string, currencyCode: CurrencyCode } }> } | null };

export type CheckoutQueryVariables = Exact<{
  id: string | number;
}>;


export type CheckoutQuery = { checkout: { id: string, email: string, subtotal: { amount: string, currencyCode: CurrencyCode }, tax: { amount: string, currencyCode: CurrencyCode }, total: { amount: string, currencyCode: CurrencyCode }, shippingLine: { handle: string, carrier: Carrier, service: string, price: { amount: string, currencyCode: CurrencyCode } } | null, availableShippingRates: Array<{ handle: string, carrier: Carrier, service: string, estimatedDeliveryDays: number, price: { amount: string, currencyCode: CurrencyCode } }> } | null };

export type StorefrontPublishMutationVariables = Exact<{
  input: PersistedDocumentsPublishInput;
}>;


export type StorefrontPublishMutation = { persistedDocumentsPublish: { clientName: string, published: number, userErrors: Array<{ code: string, field: Array<string> | null, message: string }> } };

export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const AddressFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AddressFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MailingAddress"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"address1"}},{"kind":"Field","name":{"kind":"Name","value":"address2"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"province"}},{"kind":"Field","name":{"kind":"Name","value":"zip"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}}]}}]} as unknown as DocumentNode<AddressFieldsFragment, unknown>;
export const ProductCardFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minVariantPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}}]}}]}}]} as unknown as DocumentNode<ProductCardFragment, unknown>;
export const CartFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CartFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Cart"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"totalQuantity"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subtotalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"cost"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amountPerQuantity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"totalAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"merchandise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"quantityAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"crossSellProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"4"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ProductCard"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discountCodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"applicable"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discountAllocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"discountedAmount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ProductCard"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"priceRange"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"minVariantPrice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"images"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"altText"}}]}}]}}]} as unknown as DocumentNode<CartFieldsFragment, unknown>;
export const CartErrorsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CartErrors"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CartErrorsFragment, unknown>;
export const MoneyFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]} as unknown as DocumentNode<MoneyFieldsFragment, unknown>;
export const CheckoutFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CheckoutFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Checkout"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tax"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shippingLine"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"availableShippingRates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"handle"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedDeliveryDays"}},{"kind":"Field","name":{"kind":"Name","value":"price"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]} as unknown as DocumentNode<CheckoutFieldsFragment, unknown>;
export const OrderFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shippingTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"variantTitle"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}}]} as unknown as DocumentNode<OrderFieldsFragment, unknown>;
export const OrderDetailFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderDetail"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderFields"}},{"kind":"Field","name":{"kind":"Name","value":"shipments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"carrier"}},{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"trackingNumber"}},{"kind":"Field","name":{"kind":"Name","value":"trackingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedDelivery"}},{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"location"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MoneyFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Money"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currencyCode"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Order"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shippingTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxTotal"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"variantTitle"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MoneyFields"}}]}}]}}]}}]} as unknown as DocumentNode<OrderDetailFragment, unknown>;
export const CustomerRegisterDocument = {"__meta__":{"hash":"11797a549d9d4dc0e03a1462c3ec0ac253bc6327f8ba2621d9ab2252514848f3"}} as unknown as DocumentNode<CustomerRegisterMutation, CustomerRegisterMutationVariables>;
export const CustomerLoginDocument = {"__meta__":{"hash":"774afa7d318cb936b0ccb81545ecdb4aaca2313ac12f20999cfb549afc661b7d"}} as unknown as DocumentNode<CustomerLoginMutation, CustomerLoginMutationVariables>;
export const CustomerLogoutDocument = {"__meta__":{"hash":"dfdcc5c9e92445a4286a734cc4d5cad16d57c8df3dceae7d7cd70ab0b6bb9c86"}} as unknown as DocumentNode<CustomerLogoutMutation, CustomerLogoutMutationVariables>;
export const MeDocument = {"__meta__":{"hash":"1073edf25760299edca8f7f598ea029e414cbddcf7db971a4244eb6ba5707fb3"}} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MyOrdersDocument = {"__meta__":{"hash":"ea8fe58d8552d7915ce2fa9512a30cb9c71c8b78faab4822598206efe9a7725a"}} as unknown as DocumentNode<MyOrdersQuery, MyOrdersQueryVariables>;
export const MyReturnsDocument = {"__meta__":{"hash":"e12c615a398101e70f515f3832be74f1d6f23c966afd9c2baa4d8fe15eb6f81d"}} as unknown as DocumentNode<MyReturnsQuery, MyReturnsQueryVariables>;
export const MySessionsDocument = {"__meta__":{"hash":"71c20961c2442b5a4ef1e2530c0ee8a5f94ca91a5ec4d89b62e98b0e355677b9"}} as unknown as DocumentNode<MySessionsQuery, MySessionsQueryVariables>;
export const CustomerSessionRevokeDocument = {"__meta__":{"hash":"dc9b3eae9e77390e8f680f5e361e0ea5a68d75e2a07938535ccadd30801ba656"}} as unknown as DocumentNode<CustomerSessionRevokeMutation, CustomerSessionRevokeMutationVariables>;
export const CustomerAddressCreateDocument = {"__meta__":{"hash":"1613e4e74b6ec2361ccfbfe6ec2f3807530a6a3fd7f4257de7f4c34015e94998"}} as unknown as DocumentNode<CustomerAddressCreateMutation, CustomerAddressCreateMutationVariables>;
export const CustomerAddressDeleteDocument = {"__meta__":{"hash":"45eda9c399f6059e8db4a70a1a938ff7991b49d484a5da4de8452ebe3ec9ee18"}} as unknown as DocumentNode<CustomerAddressDeleteMutation, CustomerAddressDeleteMutationVariables>;
export const CustomerMfaEnrollDocument = {"__meta__":{"hash":"6e72a29273b5c14489ad400a30386fc799a2518444867094f38a5cd25b44bf9a"}} as unknown as DocumentNode<CustomerMfaEnrollMutation, CustomerMfaEnrollMutationVariables>;
export const CustomerMfaConfirmDocument = {"__meta__":{"hash":"6564fc8e4308560536fcab9219ea2b273aaf8abbd9a661021a712cce86ffc2c3"}} as unknown as DocumentNode<CustomerMfaConfirmMutation, CustomerMfaConfirmMutationVariables>;
export const ReturnRequestDocument = {"__meta__":{"hash":"115b680bb956db9a3180e9d6c3bf0d09bb8e479673602b987fdddeaee79716e5"}} as unknown as DocumentNode<ReturnRequestMutation, ReturnRequestMutationVariables>;
export const CartDocument = {"__meta__":{"hash":"f0ee332e750f3e1f3eace5e0f1b8bfbc8df9a0be74e0164d58909f44014c7aa1"}} as unknown as DocumentNode<CartQuery, CartQueryVariables>;
export const CartCreateDocument = {"__meta__":{"hash":"828c32b35b82faf20a58aac6f87f6b593d18faf23b375e04ccc23aa999f03e82"}} as unknown as DocumentNode<CartCreateMutation, CartCreateMutationVariables>;
export const CartLinesAddDocument = {"__meta__":{"hash":"8285a8a88ab26cb9dc13dd6ac5ef962ec0f8372f0455fcb748bfe4409d6eb5df"}} as unknown as DocumentNode<CartLinesAddMutation, CartLinesAddMutationVariables>;
export const CartLinesUpdateDocument = {"__meta__":{"hash":"fc9bdbef8f5026f145c7a2fe2176104a3aad09bd290aa867d4a0bcaee5bafabd"}} as unknown as DocumentNode<CartLinesUpdateMutation, CartLinesUpdateMutationVariables>;
export const CartLinesRemoveDocument = {"__meta__":{"hash":"71b554cfd9476334a5d47882a41781ecfb43b0f312b10a883181fdb2b7236b83"}} as unknown as DocumentNode<CartLinesRemoveMutation, CartLinesRemoveMutationVariables>;
export const CartBuyerIdentityUpdateDocument = {"__meta__":{"hash":"6d90b4bab31dd41c1a84d8c8989eca2259c72e1e8072b36f2f1089cd686a1bf9"}} as unknown as DocumentNode<CartBuyerIdentityUpdateMutation, CartBuyerIdentityUpdateMutationVariables>;
export const CartDiscountCodesUpdateDocument = {"__meta__":{"hash":"23c66984f1a3d58b7fcff645c4df3e330ae29a840f06fdfc9691a8d8a8791685"}} as unknown as DocumentNode<CartDiscountCodesUpdateMutation, CartDiscountCodesUpdateMutationVariables>;
export const HomeDocument = {"__meta__":{"hash":"6d6460d4ef7b41f36154fa7ac4aebbf08d96f821d2ef4740163c9bcf5225a3a6"}} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const CategoriesDocument = {"__meta__":{"hash":"6904bb4b5a60e106bc3f39424d35c573c8049168561f7170c47feeb3bfcf4cbc"}} as unknown as DocumentNode<CategoriesQuery, CategoriesQueryVariables>;
export const SearchDocument = {"__meta__":{"hash":"ded95e7ab8b5e0d3ad7ef0710ffe849c674ffab527da92bbf2a29cb4665380cb"}} as unknown as DocumentNode<SearchQuery, SearchQueryVariables>;
export const SuggestionsDocument = {"__meta__":{"hash":"a8da8037639314615458c522aeab9d5485ff654ed0e55752d65da907a95dea5c"}} as unknown as DocumentNode<SuggestionsQuery, SuggestionsQueryVariables>;
export const ProductDocument = {"__meta__":{"hash":"5348c2a7f5ee9386f70f00fa29cc9ee49f009be812892371c0ca64de887a7a4d"}} as unknown as DocumentNode<ProductQuery, ProductQueryVariables>;
export const CheckoutCreateDocument = {"__meta__":{"hash":"957c914b4db2951408d0410065e36ccdcf7a06f34c0ddc45bf7551a0cdd07507"}} as unknown as DocumentNode<CheckoutCreateMutation, CheckoutCreateMutationVariables>;
export const CheckoutShippingRateSelectDocument = {"__meta__":{"hash":"5cc06c74cda3b79ae6280221585cc315c10263ab3130c94641502c31e616d6e4"}} as unknown as DocumentNode<CheckoutShippingRateSelectMutation, CheckoutShippingRateSelectMutationVariables>;
export const CheckoutCompleteDocument = {"__meta__":{"hash":"58d7a5f55ca8e6ca0c6506ae0554713d6b06d872df755c78a48a089a34097356"}} as unknown as DocumentNode<CheckoutCompleteMutation, CheckoutCompleteMutationVariables>;
export const OrderClaimDocument = {"__meta__":{"hash":"feeb2a6b718ccff89913d428e8968b85a2095dd89a4eac9cbecb47d561048aea"}} as unknown as DocumentNode<OrderClaimMutation, OrderClaimMutationVariables>;
export const OrderDocument = {"__meta__":{"hash":"495f2cbe964dac57d02be39deffbfb458fef7c6e57d29a6112cc53f63158f21a"}} as unknown as DocumentNode<OrderQuery, OrderQueryVariables>;
export const CheckoutDocument = {"__meta__":{"hash":"73b43ced030157bbeaacd1fa00bd59fcc6eaa4e5c94c80f359d269d24be8f54e"}} as unknown as DocumentNode<CheckoutQuery, CheckoutQueryVariables>;
export const StorefrontPublishDocument = {"__meta__":{"hash":"16ca6d05e3c4896f3453e88da14ec0a7510775babcb514bbdb7614ebbe47862e"}} as unknown as DocumentNode<StorefrontPublishMutation, StorefrontPublishMutationVariables>;
import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { CheckoutModel, PricedLine, OrderModel, PricedRefund, RateModel, CustomerRef, VariantRef, OrderConnectionModel, OrderEdgeModel, SubscriptionModel, SubscriptionConnectionModel, SubscriptionEdgeModel, DiscountConnectionModel, DiscountEdgeModel, PricedAllocation, CartRef, CartCostRef, CartLineRef, CartDiscountCodesUpdateModel } from '../domain/models';
import { SubscriptionPayload } from '../domain/subscriptions';
import { SavedPaymentMethod } from '../payments/gateway';
import { TaxRateRecord } from '../data/tax-rates';
import { GiftCardRecord } from '../data/gift-cards';
import { AppliedGiftCardModel, GiftCardCreateResult } from '../domain/gift-cards';
import { TaxRateResult } from '../domain/tax-rates';
import { StoredDiscount } from '../data/discounts';
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

/** A gift card applied to a checkout and what it pays of it. */
export type AppliedGiftCard = {
  __typename?: 'AppliedGiftCard';
  /** What the card would pay of this checkout if it were completed now (cards pay in the order applied). */
  amountUsed: Money;
  /** What is left on the card now. */
  balance: Money;
  /** The gift card's id (for checkoutGiftCardRemove). */
  id: Scalars['ID']['output'];
  /** The last four characters of the code. */
  lastCharacters: Scalars['String']['output'];
};

/** Who may share a cached value: anyone (PUBLIC), or only the caller it was answered to (PRIVATE). */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** A shipping carrier. */
export type Carrier =
  | 'DHL'
  | 'FEDEX'
  | 'UPS';

/** A cart (owned by the cart subgraph); orders adds the discounts it would be charged with. */
export type Cart = {
  __typename?: 'Cart';
  /** The discounts that apply to the cart (automatic ones and codes), each with its whole amount; shipping discounts apply at checkout. */
  discountAllocations: Array<DiscountAllocation>;
  /** The codes entered on the cart, and whether each applies. */
  discountCodes: Array<CartDiscountCode>;
  /** The cart's id. */
  id: Scalars['ID']['output'];
};

/** A cart's cost (owned by the cart subgraph); orders adds what its discounts take off. */
export type CartCost = {
  __typename?: 'CartCost';
  /** The cart (the entity's key; not part of the public API). */
  cartId: Scalars['ID']['output'];
  /**
   * What the cart's discounts take off its lines (automatic ones and applicable codes); shipping discounts apply at
   * checkout. The sum of Cart.discountAllocations.
   */
  discountAmount: Money;
  /** The cart's subtotal, from the cart subgraph; orders reads its currency. */
  subtotalAmount: Money;
};

/** A discount code on a cart. */
export type CartDiscountCode = {
  __typename?: 'CartDiscountCode';
  /** Whether it applies to the cart as it is now. */
  applicable: Scalars['Boolean']['output'];
  /** The code, upper-case. */
  code: Scalars['String']['output'];
};

/** The result of cartDiscountCodesUpdate. */
export type CartDiscountCodesUpdatePayload = {
  __typename?: 'CartDiscountCodesUpdatePayload';
  /** The cart, or null when it does not exist. */
  cart?: Maybe<Cart>;
  /** DISCOUNT_CODE_INVALID, DISCOUNT_CODE_EXPIRED, DISCOUNT_USAGE_LIMIT_REACHED, DISCOUNT_MINIMUM_NOT_MET, DISCOUNT_NOT_COMBINABLE (field: the code's index), CART_NOT_FOUND. */
  userErrors: Array<UserError>;
};

/** A cart line (owned by the cart subgraph); orders adds what each discount takes off it. */
export type CartLine = {
  __typename?: 'CartLine';
  /** The cart the line is in (part of the entity's key; not part of the public API). */
  cartId: Scalars['ID']['output'];
  /** What each discount takes off this line; for each discount, its lines' allocations sum to its amount. */
  discountAllocations: Array<DiscountAllocation>;
  /** The line's id. */
  id: Scalars['ID']['output'];
};

/** A checkout: a priced snapshot of a cart with the shopper's address, on its way to become an order. */
export type Checkout = {
  __typename?: 'Checkout';
  /** The gift cards applied, in the order they pay. */
  appliedGiftCards: Array<AppliedGiftCard>;
  /** The rates the shipping subgraph offered for this destination and these items, cheapest first. */
  availableShippingRates: Array<ShippingRate>;
  /** The discounts applied to the checkout, each with its whole amount (re-evaluated on the server: a client never sends an amount). */
  discountAllocations: Array<DiscountAllocation>;
  /** The discount codes the checkout was priced with (from its cart). */
  discountCodes: Array<Scalars['String']['output']>;
  /** What the discounts take off the lines and shipping. */
  discountTotal: Money;
  /** Where the order confirmation goes. */
  email: Scalars['String']['output'];
  /** The checkout's id. */
  id: Scalars['ID']['output'];
  /** What is being bought. */
  lines: Array<CheckoutLine>;
  /** What the payment method would be charged now: the total less what the applied gift cards pay. */
  paymentDue: Money;
  /** Where the order ships to (a snapshot; its id is the snapshot's). */
  shippingAddress: MailingAddress;
  /** The selected shipping rate, or null until one is selected. */
  shippingLine?: Maybe<ShippingRate>;
  /** The sum of the lines. */
  subtotal: Money;
  /** Tax on the lines after their discounts (and on shipping after its discounts where the destination taxes it), rounded half-up per line. Prices are tax-exclusive: tax is added on top, at the rate of the destination's subdivision (else its country) when the checkout was made. */
  tax: Money;
  /** Subtotal plus shipping, less discounts, plus tax. */
  total: Money;
};

/** The result of checkoutComplete. */
export type CheckoutCompletePayload = {
  __typename?: 'CheckoutCompletePayload';
  /** The checkout re-priced at today's prices, when they moved since it was priced (PRICES_CHANGED); null otherwise. */
  checkout?: Maybe<Checkout>;
  /** What the shopper must do before the payment completes, when anything. */
  nextAction?: Maybe<NextAction>;
  /** The order, when one was placed (PAID, or PENDING_PAYMENT while an action is pending). */
  order?: Maybe<Order>;
  /**
   * For a guest's order (null otherwise): the token that lets the account the shopper makes or signs in to later take
   * the order (orderClaim). Only this answer carries it; keep it with the order. It works for 30 days after the order
   * was placed.
   */
  orderClaimToken?: Maybe<Scalars['String']['output']>;
  /**
   * What went wrong, if anything: PAYMENT_DECLINED, INSUFFICIENT_STOCK, CHECKOUT_NOT_FOUND, SHIPPING_RATE_REQUIRED,
   * IDEMPOTENCY_KEY_REUSED, PRICES_CHANGED (the checkout was priced over an hour ago and its prices have moved: nothing
   * was charged, `checkout` has the new totals, complete again), TOO_MANY_PENDING_PAYMENTS (the shopper, cart or client
   * address already has as many orders awaiting payment as the shop allows), INVALID_PAYMENT_METHOD (also a saved card
   * that is not the caller's), ...
   */
  userErrors: Array<UserError>;
};

/** The input of checkoutCreate. */
export type CheckoutCreateInput = {
  /** The cart to check out. */
  cartId: Scalars['ID']['input'];
  /** Where the order confirmation goes. */
  email: Scalars['String']['input'];
  /** Where the order ships to. */
  shippingAddress: MailingAddressInput;
};

/** A line of a checkout, priced from the cart snapshot the server took (never from the client). */
export type CheckoutLine = {
  __typename?: 'CheckoutLine';
  /** What each discount takes off this line. */
  discountAllocations: Array<DiscountAllocation>;
  /** The line's id. */
  id: Scalars['ID']['output'];
  /** How many units. */
  quantity: Scalars['Int']['output'];
  /** The variant's stock-keeping unit. */
  sku: Scalars['String']['output'];
  /** The product's title. */
  title: Scalars['String']['output'];
  /** The price of the line: unit price times quantity. */
  total: Money;
  /** The price of one unit. */
  unitPrice: Money;
  /** The variant bought. */
  variant: ProductVariant;
  /** The variant's title, such as "Blue / M". */
  variantTitle: Scalars['String']['output'];
};

/** The result of checkoutCreate and checkoutShippingRateSelect. */
export type CheckoutPayload = {
  __typename?: 'CheckoutPayload';
  /** The checkout, or null when it could not be made. */
  checkout?: Maybe<Checkout>;
  /** What went wrong, if anything. */
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

/** A shopper, owned by the users subgraph; this subgraph adds their orders. */
export type Customer = {
  __typename?: 'Customer';
  /** Gift cards issued to the customer, newest first (at most 100). Readable by the customer and by admins. */
  giftCards: Array<GiftCard>;
  /** The customer's id. */
  id: Scalars['ID']['output'];
  /** The orders the customer placed, newest first (checkout attempts whose payment never succeeded are not listed). Readable by the customer and by admins. */
  orders: OrderConnection;
  /** The payment methods saved on the customer's account at the payment provider (saved when a subscription is created). Readable by the customer and by admins only (not by partner keys). */
  paymentMethods: Array<PaymentMethod>;
  /** The customer's product subscriptions (recurring orders), newest first. Readable by the customer and by admins. */
  subscriptions: ProductSubscriptionConnection;
};


/** A shopper, owned by the users subgraph; this subgraph adds their orders. */
export type CustomerOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A shopper, owned by the users subgraph; this subgraph adds their orders. */
export type CustomerSubscriptionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A discount: a code a shopper enters, or applied automatically. */
export type Discount = {
  __typename?: 'Discount';
  /** False once deactivated. */
  active: Scalars['Boolean']['output'];
  /** What it applies to. */
  appliesTo: DiscountAppliesTo;
  /** Whether it applies without a code. */
  automatic: Scalars['Boolean']['output'];
  /** BUY_X_GET_Y: units to buy. */
  buyQuantity?: Maybe<Scalars['Int']['output']>;
  /** The code, or null for an automatic discount. */
  code?: Maybe<Scalars['String']['output']>;
  /** What it combines with. */
  combinesWith: DiscountCombinesWith;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The currency of value (FIXED_AMOUNT) and minimumSubtotal; such a discount applies only to carts in it. */
  currencyCode: CurrencyCode;
  /** Until when it applies (exclusive). */
  endsAt?: Maybe<Scalars['DateTime']['output']>;
  /** BUY_X_GET_Y: units discounted. */
  getQuantity?: Maybe<Scalars['Int']['output']>;
  /** The discount's id. */
  id: Scalars['ID']['output'];
  /** What it does. */
  kind: DiscountKind;
  /** The subtotal of the lines it applies to must reach this. */
  minimumSubtotal?: Maybe<Money>;
  /** Whether each customer (or checkout email) may use it once. */
  oncePerCustomer: Scalars['Boolean']['output'];
  /** From when it applies. */
  startsAt?: Maybe<Scalars['DateTime']['output']>;
  /** What shoppers see. */
  title: Scalars['String']['output'];
  /** How many paid orders have used it. */
  usageCount: Scalars['Int']['output'];
  /** How many paid orders may use it in all. */
  usageLimit?: Maybe<Scalars['Int']['output']>;
  /** Percent for PERCENTAGE and BUY_X_GET_Y, an amount in currencyCode for FIXED_AMOUNT, null for FREE_SHIPPING. */
  value?: Maybe<Scalars['Decimal']['output']>;
};

/** What one discount takes off a line, a cart, a checkout or its shipping. */
export type DiscountAllocation = {
  __typename?: 'DiscountAllocation';
  /** The code, or null for an automatic discount. */
  code?: Maybe<Scalars['String']['output']>;
  /** How much it takes off. */
  discountedAmount: Money;
  /** The discount's title. */
  title: Scalars['String']['output'];
};

/** The products and categories a discount applies to; both empty means the whole order. */
export type DiscountAppliesTo = {
  __typename?: 'DiscountAppliesTo';
  /** Category handles (a product in a subcategory is in its parent too). */
  categoryHandles: Array<Scalars['String']['output']>;
  /** Product ids. */
  productIds: Array<Scalars['ID']['output']>;
};

/** The products and categories a discount applies to. */
export type DiscountAppliesToInput = {
  /** Category handles. */
  categoryHandles?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Product ids. */
  productIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Which other classes of discount a discount combines with (Shopify's combinesWith); both must allow it. */
export type DiscountCombinesWith = {
  __typename?: 'DiscountCombinesWith';
  /** Order discounts (no appliesTo). */
  orderDiscounts: Scalars['Boolean']['output'];
  /** Product discounts (with appliesTo, or buy X get Y). */
  productDiscounts: Scalars['Boolean']['output'];
  /** Shipping discounts. */
  shippingDiscounts: Scalars['Boolean']['output'];
};

/** Which classes of discount this one combines with. */
export type DiscountCombinesWithInput = {
  /** Order discounts. */
  orderDiscounts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Product discounts. */
  productDiscounts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Shipping discounts. */
  shippingDiscounts?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of discounts, newest first. */
export type DiscountConnection = {
  __typename?: 'DiscountConnection';
  /** The discounts with their cursors. */
  edges: Array<DiscountEdge>;
  /** The discounts. */
  nodes: Array<Discount>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many discounts there are in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a discount connection. */
export type DiscountEdge = {
  __typename?: 'DiscountEdge';
  /** Where this edge sits; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The discount. */
  node: Discount;
};

/** The input of discountCreate and discountUpdate (on update, omitted fields keep their value). */
export type DiscountInput = {
  /** What it applies to; omitted or empty, the whole order. */
  appliesTo?: InputMaybe<DiscountAppliesToInput>;
  /** Whether it applies without a code (default: when no code is given). */
  automatic?: InputMaybe<Scalars['Boolean']['input']>;
  /** BUY_X_GET_Y: units to buy. */
  buyQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** The code shoppers enter (3 to 64 letters, digits, dashes, underscores; matched case-insensitively). Omit for an automatic discount. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** What it combines with (default: nothing). */
  combinesWith?: InputMaybe<DiscountCombinesWithInput>;
  /** The currency of value and minimumSubtotal (default USD). */
  currencyCode?: InputMaybe<CurrencyCode>;
  /** Until when it applies. */
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** BUY_X_GET_Y: units discounted. */
  getQuantity?: InputMaybe<Scalars['Int']['input']>;
  /** What it does. */
  kind?: InputMaybe<DiscountKind>;
  /** The minimum subtotal of the lines it applies to. */
  minimumSubtotal?: InputMaybe<Scalars['Decimal']['input']>;
  /** Once per customer (or checkout email). */
  oncePerCustomer?: InputMaybe<Scalars['Boolean']['input']>;
  /** From when it applies. */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What shoppers see. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** How many paid orders may use it in all. */
  usageLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Percent ("12.5") for PERCENTAGE and BUY_X_GET_Y; an amount in currencyCode for FIXED_AMOUNT; ignored for FREE_SHIPPING. */
  value?: InputMaybe<Scalars['Decimal']['input']>;
};

/** What a discount does. */
export type DiscountKind =
  /** For every buyQuantity units bought, getQuantity more (the cheapest) get value percent off (100 when omitted). */
  | 'BUY_X_GET_Y'
  /** value (in the discount's currency) off the lines it applies to, split over them in proportion. */
  | 'FIXED_AMOUNT'
  /** The shipping rate costs nothing. */
  | 'FREE_SHIPPING'
  /** value percent off the lines it applies to. */
  | 'PERCENTAGE';

/** The result of discountCreate, discountUpdate and discountDeactivate. */
export type DiscountPayload = {
  __typename?: 'DiscountPayload';
  /** The discount after the change. */
  discount?: Maybe<Discount>;
  /** INVALID_DISCOUNT (field names the input), DISCOUNT_CODE_TAKEN, DISCOUNT_NOT_FOUND. */
  userErrors: Array<UserError>;
};

/** A gift card. Its code is shown once, when it is created; only its last characters are kept readable. */
export type GiftCard = {
  __typename?: 'GiftCard';
  /** What is left on the card, in the card's currency; never below zero. */
  balance: Money;
  /** The customer the card was issued to, if any. */
  customer?: Maybe<Customer>;
  /** The last day the card can be used (YYYY-MM-DD, UTC), or null when it never expires. */
  expiresOn?: Maybe<Scalars['String']['output']>;
  /** The gift card's id. */
  id: Scalars['ID']['output'];
  /** What the card was issued with. */
  initialValue: Money;
  /** The last four characters of the code. */
  lastCharacters: Scalars['String']['output'];
};

/** What giftCardCreate sets. Amounts are in the card's currency. */
export type GiftCardCreateInput = {
  /** A code of 16 to 64 letters and digits (spaces and dashes ignored); when omitted one of 16 characters is generated from a secure random source. */
  code?: InputMaybe<Scalars['String']['input']>;
  /** The customer the card is issued to. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** The last day the card can be used (YYYY-MM-DD, UTC). */
  expiresOn?: InputMaybe<Scalars['String']['input']>;
  /** The card's value and currency. */
  initialValue: MoneyInput;
};

/** The result of giftCardCreate. */
export type GiftCardCreatePayload = {
  __typename?: 'GiftCardCreatePayload';
  /** The card's code, shown this once: only its hash is stored. */
  code?: Maybe<Scalars['String']['output']>;
  /** The card as stored. */
  giftCard?: Maybe<GiftCard>;
  /** What went wrong, if anything. */
  userErrors: Array<UserError>;
};

/** A postal address. */
export type MailingAddress = {
  __typename?: 'MailingAddress';
  /** Street address. */
  address1: Scalars['String']['output'];
  /** Apartment, suite, unit. */
  address2?: Maybe<Scalars['String']['output']>;
  /** City or town. */
  city: Scalars['String']['output'];
  /** ISO 3166-1 alpha-2 country code, such as US. */
  countryCode: Scalars['String']['output'];
  /** The recipient's first name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** The address's id. */
  id: Scalars['ID']['output'];
  /** The recipient's last name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Province, state or region. */
  province?: Maybe<Scalars['String']['output']>;
  /** Postal or ZIP code. */
  zip: Scalars['String']['output'];
};

/** An address to save. */
export type MailingAddressInput = {
  /** Street address, at most 200 characters. */
  address1: Scalars['String']['input'];
  /** Apartment, suite, unit. */
  address2?: InputMaybe<Scalars['String']['input']>;
  /** City or town. */
  city: Scalars['String']['input'];
  /** ISO 3166-1 alpha-2 country code, such as US. */
  countryCode: Scalars['String']['input'];
  /** The recipient's first name. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** The recipient's last name. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** Phone number. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Province, state or region. */
  province?: InputMaybe<Scalars['String']['input']>;
  /** Postal or ZIP code, at most 20 characters. */
  zip: Scalars['String']['input'];
};

/** An amount of money. Stored as integer minor units; `amount` is their exact decimal string. */
export type Money = {
  __typename?: 'Money';
  /** The decimal amount, such as "19.99". */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currencyCode: CurrencyCode;
};

/** An amount of money given as input. */
export type MoneyInput = {
  /** The decimal amount, such as "50.00". */
  amount: Scalars['Decimal']['input'];
  /** The currency. */
  currencyCode: CurrencyCode;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Replaces the discount codes on a cart; codes that do not apply are kept (applicable: false) and each says why in userErrors. */
  cartDiscountCodesUpdate: CartDiscountCodesUpdatePayload;
  /** Places the order: takes the applied gift cards first (debited once, with the order), reserves stock, authorises the payment, commits the stock, then captures the payment once and marks the order PAID (if the stock is gone by then the authorisation is voided: INSUFFICIENT_STOCK, nothing charged). Retrying with the same key returns the same result and never charges twice. */
  checkoutComplete: CheckoutCompletePayload;
  /** Snapshots a cart into a checkout priced on the server, with shipping rates and tax. */
  checkoutCreate: CheckoutPayload;
  /** Applies a gift card to a checkout by its code; checkoutComplete debits it before charging the payment method. Codes: GIFT_CARD_NOT_FOUND, GIFT_CARD_EXPIRED, GIFT_CARD_DEPLETED, GIFT_CARD_CURRENCY_MISMATCH. */
  checkoutGiftCardApply: CheckoutPayload;
  /** Removes an applied gift card from a checkout. */
  checkoutGiftCardRemove: CheckoutPayload;
  /** Selects one of the checkout's offered shipping rates; totals are recomputed on the server. */
  checkoutShippingRateSelect: CheckoutPayload;
  /** Admin only: creates a discount. */
  discountCreate: DiscountPayload;
  /** Admin only: stops a discount from applying; checkouts priced with it are refused at completion. */
  discountDeactivate: DiscountPayload;
  /** Admin only: changes a discount (uses already made stand). */
  discountUpdate: DiscountPayload;
  /** Admin only: issues a gift card. The code is in the answer this once and stored only hashed. */
  giftCardCreate: GiftCardCreatePayload;
  /** Cancels an order before it is fulfilled: releases its stock and refunds what was captured. */
  orderCancel: OrderPayload;
  /**
   * Adds a guest's order to the signed-in shopper's account (UNAUTHENTICATED when signed out), with the claim token
   * its checkout answered with (CheckoutCompletePayload.orderClaimToken). The token alone moves an order: an account
   * whose email matches a guest's order gets nothing without it. Claiming an order already in one's account answers it
   * unchanged.
   */
  orderClaim: OrderClaimPayload;
  /** Admin only: refunds part or all of what was captured, never more. */
  orderRefund: OrderPayload;
  /** Removes a saved payment method from the signed-in shopper's customer at the payment provider. FORBIDDEN for a method that is not theirs. */
  paymentMethodDetach: PaymentMethodDetachPayload;
  /** Cancels a subscription of the signed-in shopper (or, for an admin, anyone's); no later period is ordered or charged. FORBIDDEN alike whether it exists or not. */
  subscriptionCancel: ProductSubscriptionPayload;
  /** Starts a product subscription for the signed-in shopper: saves the payment method on their customer at the payment provider and places the first period's order. */
  subscriptionCreate: ProductSubscriptionPayload;
  /** Admin only: sets the tax rate of a country or subdivision (inserted, or replaced when one exists). Checkouts made from now on are taxed by it; existing checkouts keep the rate they were priced with. */
  taxRateUpsert: TaxRatePayload;
};


export type MutationCartDiscountCodesUpdateArgs = {
  cartId: Scalars['ID']['input'];
  discountCodes: Array<Scalars['String']['input']>;
};


export type MutationCheckoutCompleteArgs = {
  checkoutId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  payment?: InputMaybe<PaymentInput>;
};


export type MutationCheckoutCreateArgs = {
  input: CheckoutCreateInput;
};


export type MutationCheckoutGiftCardApplyArgs = {
  checkoutId: Scalars['ID']['input'];
  code: Scalars['String']['input'];
};


export type MutationCheckoutGiftCardRemoveArgs = {
  checkoutId: Scalars['ID']['input'];
  giftCardId: Scalars['ID']['input'];
};


export type MutationCheckoutShippingRateSelectArgs = {
  checkoutId: Scalars['ID']['input'];
  rateHandle: Scalars['String']['input'];
};


export type MutationDiscountCreateArgs = {
  input: DiscountInput;
};


export type MutationDiscountDeactivateArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDiscountUpdateArgs = {
  id: Scalars['ID']['input'];
  input: DiscountInput;
};


export type MutationGiftCardCreateArgs = {
  input: GiftCardCreateInput;
};


export type MutationOrderCancelArgs = {
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationOrderClaimArgs = {
  claimToken: Scalars['String']['input'];
};


export type MutationOrderRefundArgs = {
  amount: Scalars['Decimal']['input'];
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationPaymentMethodDetachArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSubscriptionCancelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSubscriptionCreateArgs = {
  input: ProductSubscriptionCreateInput;
};


export type MutationTaxRateUpsertArgs = {
  input: TaxRateInput;
};

/** What the shopper must do before a payment completes, such as 3-D Secure authentication. */
export type NextAction = {
  __typename?: 'NextAction';
  /** The PaymentIntent's client secret, for Stripe.js to handle the action. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  /** Where to send the shopper, for REDIRECT_TO_URL. */
  redirectUrl?: Maybe<Scalars['String']['output']>;
  /** The kind of action: REDIRECT_TO_URL or USE_STRIPE_SDK. */
  type: Scalars['String']['output'];
};

/** An order: what a shopper bought and paid for. */
export type Order = {
  __typename?: 'Order';
  /** Why a person should look at the order, or null: its payment completed after its stock was gone (see ordersNeedingAttention). */
  attentionReason?: Maybe<OrderAttentionReason>;
  /** Whether the order was kept and charged although its stock was gone when its payment completed (the shop allows backorders); it ships when restocked. */
  backordered: Scalars['Boolean']['output'];
  /** Why the order was cancelled, when it was (for a payment that completed after the stock was gone, what became of the money). */
  cancelReason?: Maybe<Scalars['String']['output']>;
  /** When the order was placed. */
  createdAt: Scalars['DateTime']['output'];
  /** The shopper, or null for a guest's order. */
  customer?: Maybe<Customer>;
  /** The discount codes the order used. */
  discountCodes: Array<Scalars['String']['output']>;
  /** What discounts took off the lines and shipping. */
  discountTotal: Money;
  /** The contact email. */
  email: Scalars['String']['output'];
  /** What gift cards paid of the total (the payment method was charged the rest). */
  giftCardTotal: Money;
  /** The order's id. */
  id: Scalars['ID']['output'];
  /** What was bought. */
  lines: Array<OrderLine>;
  /** A human-friendly number, such as #1001. */
  number: Scalars['String']['output'];
  /** Refunds made on the order. */
  refunds: Array<Refund>;
  /** Where the order ships to. */
  shippingAddress: MailingAddress;
  /** The shipping price. */
  shippingTotal: Money;
  /** Where the order is in its life. */
  status: OrderStatus;
  /** The sum of the lines. */
  subtotal: Money;
  /** The tax, computed after discounts. */
  taxTotal: Money;
  /** What the shopper pays. */
  total: Money;
};

/**
 * Why a person should look at an order. The payment is authorised first and captured only once the stock is
 * committed, so this happens only when a payment completes after the order's stock hold ran out (3-D Secure
 * finished late) and the stock has sold since.
 */
export type OrderAttentionReason =
  /** The shop allows backorders: the payment was captured and the order kept (PAID, backordered). */
  | 'BACKORDERED'
  /** The provider had captured the payment already; it was refunded in full and the order cancelled. */
  | 'STOCK_GONE_PAYMENT_REFUNDED'
  /** The authorisation was voided, nothing was charged, and the order cancelled (INSUFFICIENT_STOCK). */
  | 'STOCK_GONE_PAYMENT_VOIDED';

/** The result of orderClaim. */
export type OrderClaimPayload = {
  __typename?: 'OrderClaimPayload';
  /** The order, now in the signed-in shopper's account. */
  order?: Maybe<Order>;
  /**
   * CLAIM_TOKEN_INVALID (not a token this shop issued), CLAIM_TOKEN_EXPIRED (over 30 days after the order),
   * ORDER_ALREADY_CLAIMED (the order is in another account); field: claimToken.
   */
  userErrors: Array<UserError>;
};

/** A page of orders. */
export type OrderConnection = {
  __typename?: 'OrderConnection';
  /** The orders with their cursors. */
  edges: Array<OrderEdge>;
  /** The orders. */
  nodes: Array<Order>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many orders there are in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of an order connection. */
export type OrderEdge = {
  __typename?: 'OrderEdge';
  /** Where this edge sits; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The order. */
  node: Order;
};

/** A line of an order. */
export type OrderLine = {
  __typename?: 'OrderLine';
  /** What each discount took off this line (refunds of the line give back its price less these). */
  discountAllocations: Array<DiscountAllocation>;
  /** The line's id. */
  id: Scalars['ID']['output'];
  /** How many units. */
  quantity: Scalars['Int']['output'];
  /** The variant's stock-keeping unit. */
  sku: Scalars['String']['output'];
  /** The product's title at the time of the order. */
  title: Scalars['String']['output'];
  /** The price of the line. */
  total: Money;
  /** The price of one unit. */
  unitPrice: Money;
  /** The variant bought. */
  variant: ProductVariant;
  /** The variant's title at the time of the order. */
  variantTitle: Scalars['String']['output'];
};

/** The result of orderCancel and orderRefund. */
export type OrderPayload = {
  __typename?: 'OrderPayload';
  /** The order after the change. */
  order?: Maybe<Order>;
  /** What went wrong, if anything. */
  userErrors: Array<UserError>;
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

/** How the shopper pays: a payment method created in the browser by Stripe.js; card data never reaches us. */
export type PaymentInput = {
  /** A Stripe PaymentMethod id, such as pm_card_visa, or one of the signed-in shopper's own saved paymentMethods. */
  paymentMethodId: Scalars['String']['input'];
};

/** A payment method saved at the payment provider. Only the card's brand, last four digits and expiry are known here. */
export type PaymentMethod = {
  __typename?: 'PaymentMethod';
  /** The card brand, such as visa. */
  brand: Scalars['String']['output'];
  /** The expiry month (1 to 12). */
  expMonth: Scalars['Int']['output'];
  /** The expiry year. */
  expYear: Scalars['Int']['output'];
  /** The provider's payment method id, such as pm_1Nabc… */
  id: Scalars['ID']['output'];
  /** The last four digits of the card number. */
  last4: Scalars['String']['output'];
};

/** The result of paymentMethodDetach. */
export type PaymentMethodDetachPayload = {
  __typename?: 'PaymentMethodDetachPayload';
  /** The id of the payment method removed from the customer, or null when none was. */
  detachedPaymentMethodId?: Maybe<Scalars['ID']['output']>;
  /** What went wrong, if anything: PAYMENT_METHOD_IN_USE. */
  userErrors: Array<UserError>;
};

/**
 * A recurring order: one variant, re-ordered and charged every interval to a saved payment method, each renewal an
 * ordinary order priced at that moment from the catalog. Named ProductSubscription rather than Subscription (as
 * API.md's recurring billing might suggest) because GraphQL reserves the root type name `Subscription` for the
 * subscription operation type.
 */
export type ProductSubscription = {
  __typename?: 'ProductSubscription';
  /** When it was cancelled, if it was. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the current period began. */
  currentPeriodStart: Scalars['DateTime']['output'];
  /** Where the receipts go. */
  email: Scalars['String']['output'];
  /** The subscription's id. */
  id: Scalars['ID']['output'];
  /** How often it renews. */
  interval: SubscriptionInterval;
  /** When the next renewal order is placed, or null once cancelled. */
  nextRenewalAt?: Maybe<Scalars['DateTime']['output']>;
  /** The saved payment method charged every period. */
  paymentMethodId: Scalars['String']['output'];
  /** How many units every period. */
  quantity: Scalars['Int']['output'];
  /** Where every renewal ships to (a snapshot). */
  shippingAddress: MailingAddress;
  /** Where the subscription is in its life. */
  status: ProductSubscriptionStatus;
  /** The variant re-ordered every period. */
  variant: ProductVariant;
};

/** A page of product subscriptions. */
export type ProductSubscriptionConnection = {
  __typename?: 'ProductSubscriptionConnection';
  /** The subscriptions with their cursors. */
  edges: Array<ProductSubscriptionEdge>;
  /** The subscriptions. */
  nodes: Array<ProductSubscription>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many subscriptions there are in all. */
  totalCount: Scalars['Int']['output'];
};

/** The input of subscriptionCreate. `shippingAddress` and `email` are additions to API.md's input: a renewal needs somewhere to ship and to send the receipt, and the shopper's profile is not readable by this subgraph. */
export type ProductSubscriptionCreateInput = {
  /** Where receipts go. Optional: without it, the email of the customer's latest paid order. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** How often it renews. */
  interval: SubscriptionInterval;
  /** A Stripe PaymentMethod id created by Stripe.js (such as pm_card_visa), or one of the customer's saved paymentMethods; it is saved on the customer. */
  paymentMethodId: Scalars['String']['input'];
  /** How many units every period (1 to 100). */
  quantity: Scalars['Int']['input'];
  /** Where every renewal ships to. Optional: without it, the shipping address of the customer's latest paid order. */
  shippingAddress?: InputMaybe<MailingAddressInput>;
  /** The variant to re-order. */
  variantId: Scalars['ID']['input'];
};

/** An edge of a product subscription connection. */
export type ProductSubscriptionEdge = {
  __typename?: 'ProductSubscriptionEdge';
  /** Where this edge sits; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The subscription. */
  node: ProductSubscription;
};

/** The result of subscriptionCreate and subscriptionCancel. */
export type ProductSubscriptionPayload = {
  __typename?: 'ProductSubscriptionPayload';
  /** The order of the first period, placed at once on the sandbox provider (on Stripe it follows Stripe's invoice.paid webhook). */
  order?: Maybe<Order>;
  /** The subscription after the change, or null when none was made. */
  subscription?: Maybe<ProductSubscription>;
  /** What went wrong, if anything: INVALID_MERCHANDISE, INVALID_QUANTITY, INVALID_PAYMENT_METHOD, PAYMENT_DECLINED, SHIPPING_ADDRESS_REQUIRED, SHIPPING_UNAVAILABLE, SUBSCRIPTION_CANCELLED, ... */
  userErrors: Array<UserError>;
};

/** Where a product subscription is in its life. */
export type ProductSubscriptionStatus =
  /** Renewing every period. */
  | 'ACTIVE'
  /** Stopped; no further orders. */
  | 'CANCELLED'
  /** The last renewal's payment was declined; the next period is tried again. */
  | 'PAST_DUE';

/** A product variant, owned by the catalog subgraph; this subgraph only returns references to it. */
export type ProductVariant = {
  __typename?: 'ProductVariant';
  /** The variant's id. */
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A checkout, to its owner (anyone holding the id of a guest's checkout); FORBIDDEN alike whether it exists or not. */
  checkout?: Maybe<Checkout>;
  /** Admin only: every discount, newest first, with how many paid orders used each. */
  discounts: DiscountConnection;
  /** Admin only: a gift card by id, or null. */
  giftCard?: Maybe<GiftCard>;
  /** An order, to its owner or an admin; FORBIDDEN alike whether it exists or not. */
  order?: Maybe<Order>;
  /** Orders a person should look at (see OrderAttentionReason), newest first. Admins and partners holding orders:read. */
  ordersNeedingAttention: OrderConnection;
  /** Admin only: every tax rate, by country then subdivision. Destinations with no rate pay no tax. */
  taxRates: Array<TaxRate>;
};


export type QueryCheckoutArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDiscountsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryGiftCardArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrderArgs = {
  id: Scalars['ID']['input'];
};


export type QueryOrdersNeedingAttentionArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Money given back on an order. */
export type Refund = {
  __typename?: 'Refund';
  /** How much was refunded. */
  amount: Money;
  /** When the refund was asked for. */
  createdAt: Scalars['DateTime']['output'];
  /** The refund's id. */
  id: Scalars['ID']['output'];
  /** Why. */
  reason?: Maybe<Scalars['String']['output']>;
  /** PENDING, SUCCEEDED or FAILED. */
  status: Scalars['String']['output'];
};

/** A way to ship a set of items to a destination, with its price. */
export type ShippingRate = {
  __typename?: 'ShippingRate';
  /** The carrier that delivers. */
  carrier: Carrier;
  /** Business days until delivery, estimated. */
  estimatedDeliveryDays: Scalars['Int']['output'];
  /** An opaque, signed handle for this rate; pass it to checkoutShippingRateSelect. It cannot be forged or altered. */
  handle: Scalars['String']['output'];
  /** What shipping costs. */
  price: Money;
  /** The carrier's service level, such as EXPRESS or GROUND. */
  service: Scalars['String']['output'];
};

/** How often a subscription renews. */
export type SubscriptionInterval =
  /** Every day. */
  | 'DAY'
  /** Every month (from the 31st: the last day of shorter months). */
  | 'MONTH'
  /** Every week. */
  | 'WEEK'
  /** Every year. */
  | 'YEAR';

/** A tax rate for a country or one of its subdivisions. Prices are tax-exclusive: the rate is added on top of lines (and of shipping where shippingTaxable). */
export type TaxRate = {
  __typename?: 'TaxRate';
  /** The ISO 3166-1 alpha-2 country code. */
  countryCode: Scalars['String']['output'];
  /** The tax's name on receipts, such as VAT or Sales tax. */
  name: Scalars['String']['output'];
  /** The ISO 3166-2 subdivision code within the country (such as CA for California), or null for the country-wide rate; a subdivision's rate overrides its country's. */
  province?: Maybe<Scalars['String']['output']>;
  /** The rate as a decimal fraction, such as "0.0725" for 7.25 %. */
  rate: Scalars['Decimal']['output'];
  /** Whether shipping is taxed at this rate too. */
  shippingTaxable: Scalars['Boolean']['output'];
};

/** What taxRateUpsert sets. */
export type TaxRateInput = {
  /** The ISO 3166-1 alpha-2 country code. */
  countryCode: Scalars['String']['input'];
  /** The tax's name on receipts, 1 to 100 characters. */
  name: Scalars['String']['input'];
  /** An ISO 3166-2 subdivision code of the country, or null (or empty) for the country-wide rate. */
  province?: InputMaybe<Scalars['String']['input']>;
  /** The rate as a decimal fraction from 0 to 1 with at most 6 decimals, such as "0.0725". */
  rate: Scalars['Decimal']['input'];
  /** Whether shipping is taxed too; when omitted a stored rate keeps its setting and a new one does not tax shipping. */
  shippingTaxable?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of taxRateUpsert. */
export type TaxRatePayload = {
  __typename?: 'TaxRatePayload';
  /** The rate as stored. */
  taxRate?: Maybe<TaxRate>;
  /** What went wrong, if anything. */
  userErrors: Array<UserError>;
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
  Cart: Cart;
  CartCost: CartCost;
  CartLine: CartLine;
  Customer: Customer;
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Cart:
    ( { __typename: 'Cart' }
    & GraphQLRecursivePick<FederationTypes['Cart'], {"id":true}> );
  CartCost:
    ( { __typename: 'CartCost' }
    & GraphQLRecursivePick<FederationTypes['CartCost'], {"cartId":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['CartCost'], {"subtotalAmount":{"currencyCode":true}}> ) );
  CartLine:
    ( { __typename: 'CartLine' }
    & GraphQLRecursivePick<FederationTypes['CartLine'], {"id":true,"cartId":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AppliedGiftCard: ResolverTypeWrapper<AppliedGiftCardModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CacheControlScope: CacheControlScope;
  Carrier: Carrier;
  Cart: ResolverTypeWrapper<CartRef>;
  CartCost: ResolverTypeWrapper<CartCostRef>;
  CartDiscountCode: ResolverTypeWrapper<CartDiscountCode>;
  CartDiscountCodesUpdatePayload: ResolverTypeWrapper<CartDiscountCodesUpdateModel>;
  CartLine: ResolverTypeWrapper<CartLineRef>;
  Checkout: ResolverTypeWrapper<CheckoutModel>;
  CheckoutCompletePayload: ResolverTypeWrapper<Omit<CheckoutCompletePayload, 'checkout' | 'order'> & { checkout?: Maybe<ResolversTypes['Checkout']>, order?: Maybe<ResolversTypes['Order']> }>;
  CheckoutCreateInput: CheckoutCreateInput;
  CheckoutLine: ResolverTypeWrapper<PricedLine>;
  CheckoutPayload: ResolverTypeWrapper<Omit<CheckoutPayload, 'checkout'> & { checkout?: Maybe<ResolversTypes['Checkout']> }>;
  CurrencyCode: CurrencyCode;
  Customer: ResolverTypeWrapper<CustomerRef>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Discount: ResolverTypeWrapper<StoredDiscount>;
  DiscountAllocation: ResolverTypeWrapper<PricedAllocation>;
  DiscountAppliesTo: ResolverTypeWrapper<DiscountAppliesTo>;
  DiscountAppliesToInput: DiscountAppliesToInput;
  DiscountCombinesWith: ResolverTypeWrapper<DiscountCombinesWith>;
  DiscountCombinesWithInput: DiscountCombinesWithInput;
  DiscountConnection: ResolverTypeWrapper<DiscountConnectionModel>;
  DiscountEdge: ResolverTypeWrapper<DiscountEdgeModel>;
  DiscountInput: DiscountInput;
  DiscountKind: DiscountKind;
  DiscountPayload: ResolverTypeWrapper<Omit<DiscountPayload, 'discount'> & { discount?: Maybe<ResolversTypes['Discount']> }>;
  GiftCard: ResolverTypeWrapper<GiftCardRecord>;
  GiftCardCreateInput: GiftCardCreateInput;
  GiftCardCreatePayload: ResolverTypeWrapper<GiftCardCreateResult>;
  MailingAddress: ResolverTypeWrapper<MailingAddress>;
  MailingAddressInput: MailingAddressInput;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NextAction: ResolverTypeWrapper<NextAction>;
  Order: ResolverTypeWrapper<OrderModel>;
  OrderAttentionReason: OrderAttentionReason;
  OrderClaimPayload: ResolverTypeWrapper<Omit<OrderClaimPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderConnection: ResolverTypeWrapper<OrderConnectionModel>;
  OrderEdge: ResolverTypeWrapper<OrderEdgeModel>;
  OrderLine: ResolverTypeWrapper<PricedLine>;
  OrderPayload: ResolverTypeWrapper<Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversTypes['Order']> }>;
  OrderStatus: OrderStatus;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PaymentInput: PaymentInput;
  PaymentMethod: ResolverTypeWrapper<SavedPaymentMethod>;
  PaymentMethodDetachPayload: ResolverTypeWrapper<PaymentMethodDetachPayload>;
  ProductSubscription: ResolverTypeWrapper<SubscriptionModel>;
  ProductSubscriptionConnection: ResolverTypeWrapper<SubscriptionConnectionModel>;
  ProductSubscriptionCreateInput: ProductSubscriptionCreateInput;
  ProductSubscriptionEdge: ResolverTypeWrapper<SubscriptionEdgeModel>;
  ProductSubscriptionPayload: ResolverTypeWrapper<SubscriptionPayload>;
  ProductSubscriptionStatus: ProductSubscriptionStatus;
  ProductVariant: ResolverTypeWrapper<VariantRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Refund: ResolverTypeWrapper<PricedRefund>;
  ShippingRate: ResolverTypeWrapper<RateModel>;
  SubscriptionInterval: SubscriptionInterval;
  TaxRate: ResolverTypeWrapper<TaxRateRecord>;
  TaxRateInput: TaxRateInput;
  TaxRatePayload: ResolverTypeWrapper<TaxRateResult>;
  UserError: ResolverTypeWrapper<UserError>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AppliedGiftCard: AppliedGiftCardModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Cart: CartRef;
  CartCost: CartCostRef;
  CartDiscountCode: CartDiscountCode;
  CartDiscountCodesUpdatePayload: CartDiscountCodesUpdateModel;
  CartLine: CartLineRef;
  Checkout: CheckoutModel;
  CheckoutCompletePayload: Omit<CheckoutCompletePayload, 'checkout' | 'order'> & { checkout?: Maybe<ResolversParentTypes['Checkout']>, order?: Maybe<ResolversParentTypes['Order']> };
  CheckoutCreateInput: CheckoutCreateInput;
  CheckoutLine: PricedLine;
  CheckoutPayload: Omit<CheckoutPayload, 'checkout'> & { checkout?: Maybe<ResolversParentTypes['Checkout']> };
  Customer: CustomerRef;
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Discount: StoredDiscount;
  DiscountAllocation: PricedAllocation;
  DiscountAppliesTo: DiscountAppliesTo;
  DiscountAppliesToInput: DiscountAppliesToInput;
  DiscountCombinesWith: DiscountCombinesWith;
  DiscountCombinesWithInput: DiscountCombinesWithInput;
  DiscountConnection: DiscountConnectionModel;
  DiscountEdge: DiscountEdgeModel;
  DiscountInput: DiscountInput;
  DiscountPayload: Omit<DiscountPayload, 'discount'> & { discount?: Maybe<ResolversParentTypes['Discount']> };
  GiftCard: GiftCardRecord;
  GiftCardCreateInput: GiftCardCreateInput;
  GiftCardCreatePayload: GiftCardCreateResult;
  MailingAddress: MailingAddress;
  MailingAddressInput: MailingAddressInput;
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  NextAction: NextAction;
  Order: OrderModel;
  OrderClaimPayload: Omit<OrderClaimPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  OrderConnection: OrderConnectionModel;
  OrderEdge: OrderEdgeModel;
  OrderLine: PricedLine;
  OrderPayload: Omit<OrderPayload, 'order'> & { order?: Maybe<ResolversParentTypes['Order']> };
  PageInfo: PageInfo;
  PaymentInput: PaymentInput;
  PaymentMethod: SavedPaymentMethod;
  PaymentMethodDetachPayload: PaymentMethodDetachPayload;
  ProductSubscription: SubscriptionModel;
  ProductSubscriptionConnection: SubscriptionConnectionModel;
  ProductSubscriptionCreateInput: ProductSubscriptionCreateInput;
  ProductSubscriptionEdge: SubscriptionEdgeModel;
  ProductSubscriptionPayload: SubscriptionPayload;
  ProductVariant: VariantRef;
  Query: Record<PropertyKey, never>;
  Refund: PricedRefund;
  ShippingRate: RateModel;
  TaxRate: TaxRateRecord;
  TaxRateInput: TaxRateInput;
  TaxRatePayload: TaxRateResult;
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

export type AppliedGiftCardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AppliedGiftCard'] = ResolversParentTypes['AppliedGiftCard']> = ResolversObject<{
  amountUsed?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastCharacters?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CartResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Cart'] = ResolversParentTypes['Cart'], FederationReferenceType extends FederationReferenceTypes['Cart'] = FederationReferenceTypes['Cart']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Cart']> | FederationReferenceType, FederationReferenceType, ContextType>;
  discountAllocations?: Resolver<Array<ResolversTypes['DiscountAllocation']>, ParentType, ContextType>;
  discountCodes?: Resolver<Array<ResolversTypes['CartDiscountCode']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CartCostResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartCost'] = ResolversParentTypes['CartCost'], FederationReferenceType extends FederationReferenceTypes['CartCost'] = FederationReferenceTypes['CartCost']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CartCost']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  discountAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type CartDiscountCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartDiscountCode'] = ResolversParentTypes['CartDiscountCode']> = ResolversObject<{
  applicable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CartDiscountCodesUpdatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartDiscountCodesUpdatePayload'] = ResolversParentTypes['CartDiscountCodesUpdatePayload']> = ResolversObject<{
  cart?: Resolver<Maybe<ResolversTypes['Cart']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CartLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CartLine'] = ResolversParentTypes['CartLine'], FederationReferenceType extends FederationReferenceTypes['CartLine'] = FederationReferenceTypes['CartLine']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CartLine']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cartId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  discountAllocations?: Resolver<Array<ResolversTypes['DiscountAllocation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CheckoutResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Checkout'] = ResolversParentTypes['Checkout']> = ResolversObject<{
  appliedGiftCards?: Resolver<Array<ResolversTypes['AppliedGiftCard']>, ParentType, ContextType>;
  availableShippingRates?: Resolver<Array<ResolversTypes['ShippingRate']>, ParentType, ContextType>;
  discountAllocations?: Resolver<Array<ResolversTypes['DiscountAllocation']>, ParentType, ContextType>;
  discountCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  discountTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['CheckoutLine']>, ParentType, ContextType>;
  paymentDue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes['MailingAddress'], ParentType, ContextType>;
  shippingLine?: Resolver<Maybe<ResolversTypes['ShippingRate']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type CheckoutCompletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CheckoutCompletePayload'] = ResolversParentTypes['CheckoutCompletePayload']> = ResolversObject<{
  checkout?: Resolver<Maybe<ResolversTypes['Checkout']>, ParentType, ContextType>;
  nextAction?: Resolver<Maybe<ResolversTypes['NextAction']>, ParentType, ContextType>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  orderClaimToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CheckoutLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CheckoutLine'] = ResolversParentTypes['CheckoutLine']> = ResolversObject<{
  discountAllocations?: Resolver<Array<ResolversTypes['DiscountAllocation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
  variantTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CheckoutPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CheckoutPayload'] = ResolversParentTypes['CheckoutPayload']> = ResolversObject<{
  checkout?: Resolver<Maybe<ResolversTypes['Checkout']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  giftCards?: Resolver<Array<ResolversTypes['GiftCard']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  orders?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<CustomerOrdersArgs>>;
  paymentMethods?: Resolver<Array<ResolversTypes['PaymentMethod']>, ParentType, ContextType>;
  subscriptions?: Resolver<ResolversTypes['ProductSubscriptionConnection'], ParentType, ContextType, Partial<CustomerSubscriptionsArgs>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DiscountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Discount'] = ResolversParentTypes['Discount']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  appliesTo?: Resolver<ResolversTypes['DiscountAppliesTo'], ParentType, ContextType>;
  automatic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  buyQuantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  combinesWith?: Resolver<ResolversTypes['DiscountCombinesWith'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
  endsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  getQuantity?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['DiscountKind'], ParentType, ContextType>;
  minimumSubtotal?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  oncePerCustomer?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usageCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usageLimit?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
}>;

export type DiscountAllocationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountAllocation'] = ResolversParentTypes['DiscountAllocation']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  discountedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DiscountAppliesToResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountAppliesTo'] = ResolversParentTypes['DiscountAppliesTo']> = ResolversObject<{
  categoryHandles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  productIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type DiscountCombinesWithResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountCombinesWith'] = ResolversParentTypes['DiscountCombinesWith']> = ResolversObject<{
  orderDiscounts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  productDiscounts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  shippingDiscounts?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type DiscountConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountConnection'] = ResolversParentTypes['DiscountConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DiscountEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Discount']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DiscountEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountEdge'] = ResolversParentTypes['DiscountEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Discount'], ParentType, ContextType>;
}>;

export type DiscountPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscountPayload'] = ResolversParentTypes['DiscountPayload']> = ResolversObject<{
  discount?: Resolver<Maybe<ResolversTypes['Discount']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type GiftCardResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GiftCard'] = ResolversParentTypes['GiftCard']> = ResolversObject<{
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  expiresOn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  initialValue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  lastCharacters?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GiftCardCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GiftCardCreatePayload'] = ResolversParentTypes['GiftCardCreatePayload']> = ResolversObject<{
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  giftCard?: Resolver<Maybe<ResolversTypes['GiftCard']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type MailingAddressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MailingAddress'] = ResolversParentTypes['MailingAddress']> = ResolversObject<{
  address1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  address2?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  city?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  province?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  zip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cartDiscountCodesUpdate?: Resolver<ResolversTypes['CartDiscountCodesUpdatePayload'], ParentType, ContextType, RequireFields<MutationCartDiscountCodesUpdateArgs, 'cartId' | 'discountCodes'>>;
  checkoutComplete?: Resolver<ResolversTypes['CheckoutCompletePayload'], ParentType, ContextType, RequireFields<MutationCheckoutCompleteArgs, 'checkoutId' | 'idempotencyKey'>>;
  checkoutCreate?: Resolver<ResolversTypes['CheckoutPayload'], ParentType, ContextType, RequireFields<MutationCheckoutCreateArgs, 'input'>>;
  checkoutGiftCardApply?: Resolver<ResolversTypes['CheckoutPayload'], ParentType, ContextType, RequireFields<MutationCheckoutGiftCardApplyArgs, 'checkoutId' | 'code'>>;
  checkoutGiftCardRemove?: Resolver<ResolversTypes['CheckoutPayload'], ParentType, ContextType, RequireFields<MutationCheckoutGiftCardRemoveArgs, 'checkoutId' | 'giftCardId'>>;
  checkoutShippingRateSelect?: Resolver<ResolversTypes['CheckoutPayload'], ParentType, ContextType, RequireFields<MutationCheckoutShippingRateSelectArgs, 'checkoutId' | 'rateHandle'>>;
  discountCreate?: Resolver<ResolversTypes['DiscountPayload'], ParentType, ContextType, RequireFields<MutationDiscountCreateArgs, 'input'>>;
  discountDeactivate?: Resolver<ResolversTypes['DiscountPayload'], ParentType, ContextType, RequireFields<MutationDiscountDeactivateArgs, 'id'>>;
  discountUpdate?: Resolver<ResolversTypes['DiscountPayload'], ParentType, ContextType, RequireFields<MutationDiscountUpdateArgs, 'id' | 'input'>>;
  giftCardCreate?: Resolver<ResolversTypes['GiftCardCreatePayload'], ParentType, ContextType, RequireFields<MutationGiftCardCreateArgs, 'input'>>;
  orderCancel?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationOrderCancelArgs, 'orderId'>>;
  orderClaim?: Resolver<ResolversTypes['OrderClaimPayload'], ParentType, ContextType, RequireFields<MutationOrderClaimArgs, 'claimToken'>>;
  orderRefund?: Resolver<ResolversTypes['OrderPayload'], ParentType, ContextType, RequireFields<MutationOrderRefundArgs, 'amount' | 'orderId'>>;
  paymentMethodDetach?: Resolver<ResolversTypes['PaymentMethodDetachPayload'], ParentType, ContextType, RequireFields<MutationPaymentMethodDetachArgs, 'id'>>;
  subscriptionCancel?: Resolver<ResolversTypes['ProductSubscriptionPayload'], ParentType, ContextType, RequireFields<MutationSubscriptionCancelArgs, 'id'>>;
  subscriptionCreate?: Resolver<ResolversTypes['ProductSubscriptionPayload'], ParentType, ContextType, RequireFields<MutationSubscriptionCreateArgs, 'input'>>;
  taxRateUpsert?: Resolver<ResolversTypes['TaxRatePayload'], ParentType, ContextType, RequireFields<MutationTaxRateUpsertArgs, 'input'>>;
}>;

export type NextActionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NextAction'] = ResolversParentTypes['NextAction']> = ResolversObject<{
  clientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  redirectUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attentionReason?: Resolver<Maybe<ResolversTypes['OrderAttentionReason']>, ParentType, ContextType>;
  backordered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cancelReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  discountCodes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  discountTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  giftCardTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['OrderLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['Refund']>, ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes['MailingAddress'], ParentType, ContextType>;
  shippingTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OrderStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  taxTotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
}>;

export type OrderClaimPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderClaimPayload'] = ResolversParentTypes['OrderClaimPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type OrderConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderConnection'] = ResolversParentTypes['OrderConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrderEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Order']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrderEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderEdge'] = ResolversParentTypes['OrderEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Order'], ParentType, ContextType>;
}>;

export type OrderLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderLine'] = ResolversParentTypes['OrderLine']> = ResolversObject<{
  discountAllocations?: Resolver<Array<ResolversTypes['DiscountAllocation']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sku?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
  variantTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type OrderPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OrderPayload'] = ResolversParentTypes['OrderPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PaymentMethodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentMethod'] = ResolversParentTypes['PaymentMethod']> = ResolversObject<{
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expMonth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  last4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PaymentMethodDetachPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentMethodDetachPayload'] = ResolversParentTypes['PaymentMethodDetachPayload']> = ResolversObject<{
  detachedPaymentMethodId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductSubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSubscription'] = ResolversParentTypes['ProductSubscription']> = ResolversObject<{
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentPeriodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['SubscriptionInterval'], ParentType, ContextType>;
  nextRenewalAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paymentMethodId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shippingAddress?: Resolver<ResolversTypes['MailingAddress'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProductSubscriptionStatus'], ParentType, ContextType>;
  variant?: Resolver<ResolversTypes['ProductVariant'], ParentType, ContextType>;
}>;

export type ProductSubscriptionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSubscriptionConnection'] = ResolversParentTypes['ProductSubscriptionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ProductSubscriptionEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ProductSubscription']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProductSubscriptionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSubscriptionEdge'] = ResolversParentTypes['ProductSubscriptionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ProductSubscription'], ParentType, ContextType>;
}>;

export type ProductSubscriptionPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductSubscriptionPayload'] = ResolversParentTypes['ProductSubscriptionPayload']> = ResolversObject<{
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['ProductSubscription']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ProductVariantResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProductVariant'] = ResolversParentTypes['ProductVariant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  checkout?: Resolver<Maybe<ResolversTypes['Checkout']>, ParentType, ContextType, RequireFields<QueryCheckoutArgs, 'id'>>;
  discounts?: Resolver<ResolversTypes['DiscountConnection'], ParentType, ContextType, Partial<QueryDiscountsArgs>>;
  giftCard?: Resolver<Maybe<ResolversTypes['GiftCard']>, ParentType, ContextType, RequireFields<QueryGiftCardArgs, 'id'>>;
  order?: Resolver<Maybe<ResolversTypes['Order']>, ParentType, ContextType, RequireFields<QueryOrderArgs, 'id'>>;
  ordersNeedingAttention?: Resolver<ResolversTypes['OrderConnection'], ParentType, ContextType, Partial<QueryOrdersNeedingAttentionArgs>>;
  taxRates?: Resolver<Array<ResolversTypes['TaxRate']>, ParentType, ContextType>;
}>;

export type RefundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShippingRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShippingRate'] = ResolversParentTypes['ShippingRate']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['Carrier'], ParentType, ContextType>;
  estimatedDeliveryDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TaxRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TaxRate'] = ResolversParentTypes['TaxRate']> = ResolversObject<{
  countryCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  province?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  shippingTaxable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type TaxRatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TaxRatePayload'] = ResolversParentTypes['TaxRatePayload']> = ResolversObject<{
  taxRate?: Resolver<Maybe<ResolversTypes['TaxRate']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AppliedGiftCard?: AppliedGiftCardResolvers<ContextType>;
  Cart?: CartResolvers<ContextType>;
  CartCost?: CartCostResolvers<ContextType>;
  CartDiscountCode?: CartDiscountCodeResolvers<ContextType>;
  CartDiscountCodesUpdatePayload?: CartDiscountCodesUpdatePayloadResolvers<ContextType>;
  CartLine?: CartLineResolvers<ContextType>;
  Checkout?: CheckoutResolvers<ContextType>;
  CheckoutCompletePayload?: CheckoutCompletePayloadResolvers<ContextType>;
  CheckoutLine?: CheckoutLineResolvers<ContextType>;
  CheckoutPayload?: CheckoutPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Discount?: DiscountResolvers<ContextType>;
  DiscountAllocation?: DiscountAllocationResolvers<ContextType>;
  DiscountAppliesTo?: DiscountAppliesToResolvers<ContextType>;
  DiscountCombinesWith?: DiscountCombinesWithResolvers<ContextType>;
  DiscountConnection?: DiscountConnectionResolvers<ContextType>;
  DiscountEdge?: DiscountEdgeResolvers<ContextType>;
  DiscountPayload?: DiscountPayloadResolvers<ContextType>;
  GiftCard?: GiftCardResolvers<ContextType>;
  GiftCardCreatePayload?: GiftCardCreatePayloadResolvers<ContextType>;
  MailingAddress?: MailingAddressResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NextAction?: NextActionResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  OrderClaimPayload?: OrderClaimPayloadResolvers<ContextType>;
  OrderConnection?: OrderConnectionResolvers<ContextType>;
  OrderEdge?: OrderEdgeResolvers<ContextType>;
  OrderLine?: OrderLineResolvers<ContextType>;
  OrderPayload?: OrderPayloadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PaymentMethod?: PaymentMethodResolvers<ContextType>;
  PaymentMethodDetachPayload?: PaymentMethodDetachPayloadResolvers<ContextType>;
  ProductSubscription?: ProductSubscriptionResolvers<ContextType>;
  ProductSubscriptionConnection?: ProductSubscriptionConnectionResolvers<ContextType>;
  ProductSubscriptionEdge?: ProductSubscriptionEdgeResolvers<ContextType>;
  ProductSubscriptionPayload?: ProductSubscriptionPayloadResolvers<ContextType>;
  ProductVariant?: ProductVariantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  ShippingRate?: ShippingRateResolvers<ContextType>;
  TaxRate?: TaxRateResolvers<ContextType>;
  TaxRatePayload?: TaxRatePayloadResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

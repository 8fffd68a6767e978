import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { RateInfo as RateInfoModel } from '../domain/rates';
import { Shipment as ShipmentModel, TrackingEvent as TrackingEventModel, OrderRef as OrderRefModel, CustomerRef as CustomerRefModel } from '../domain/shipments';
import { Money as MoneyModel } from '@shop/common';
import { Return as ReturnModel } from '../domain/returns-model';
import { TimelineEntry as TimelineEntryModel, CustomerNote as CustomerNoteModel } from '../data/crm';
import { WebhookSubscription as WebhookSubscriptionModel } from '../data/webhooks';
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

/** A shipping carrier. */
export type Carrier =
  | 'DHL'
  | 'FEDEX'
  | 'UPS';

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

/** A customer (owned by the users subgraph), extended here with CRM facts. */
export type Customer = {
  __typename?: 'Customer';
  /** The customer's id. */
  id: Scalars['ID']['output'];
  /** The marketing segments the customer falls in, such as new, repeat, vip, returner, dormant. */
  segments: Array<Scalars['String']['output']>;
  /** What happened with the customer, newest first: orders, shipments, returns, notes, messages sent. */
  timeline: TimelineEventConnection;
};


/** A customer (owned by the users subgraph), extended here with CRM facts. */
export type CustomerTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of customers. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers with their cursors. */
  edges: Array<CustomerEdge>;
  /** The customers. */
  nodes: Array<Customer>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many customers there are in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a CustomerConnection. */
export type CustomerEdge = {
  __typename?: 'CustomerEdge';
  /** Where this customer sits; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The customer. */
  node: Customer;
};

/** A note staff wrote about a customer. */
export type CustomerNote = {
  __typename?: 'CustomerNote';
  /** Who wrote it (a staff customer id). */
  authorId: Scalars['ID']['output'];
  /** What the note says. */
  body: Scalars['String']['output'];
  /** When it was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer it is about. */
  customerId: Scalars['ID']['output'];
  /** The note's id. */
  id: Scalars['ID']['output'];
};

/** The result of customerNoteAdd. */
export type CustomerNoteAddPayload = {
  __typename?: 'CustomerNoteAddPayload';
  /** The note, unless there were userErrors. */
  note?: Maybe<CustomerNote>;
  /** Why the note was not added. */
  userErrors: Array<UserError>;
};

/** The result of fulfillmentCreate. */
export type FulfillmentCreatePayload = {
  __typename?: 'FulfillmentCreatePayload';
  /** The label to stick on the parcel, unless there were userErrors. */
  label?: Maybe<ShippingLabel>;
  /** The new shipment, unless there were userErrors. */
  shipment?: Maybe<Shipment>;
  /** Why the shipment was not created. */
  userErrors: Array<UserError>;
};

/** An order line and how many of its units to ship. */
export type FulfillmentLineInput = {
  /** The order line's id. */
  orderLineId: Scalars['ID']['input'];
  /** How many units, 1 to 999. */
  quantity: Scalars['Int']['input'];
};

/** An amount of money. Stored as integer minor units; `amount` is their exact decimal string. */
export type Money = {
  __typename?: 'Money';
  /** The decimal amount, such as "19.99". */
  amount: Scalars['Decimal']['output'];
  /** The currency of the amount. */
  currencyCode: CurrencyCode;
};

/** Fulfillment. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Admin only: writes a note on a customer's timeline. */
  customerNoteAdd: CustomerNoteAddPayload;
  /**
   * Admin (or a partner key with fulfillment:write) only: ships lines of a paid order with a carrier, creating a
   * sandbox label and tracking number. The order must exist and be PAID (or FULFILLED with units left), each line
   * must be the order's and not exceed what is left to ship; the shipment belongs to the order's customer.
   */
  fulfillmentCreate: FulfillmentCreatePayload;
  /** Admin only: agrees to a requested return and issues a prepaid return label. */
  returnApprove: ReturnPayload;
  /** Admin only: records that the items came back and publishes return.received. */
  returnReceive: ReturnPayload;
  /** Admin only: declines a requested return. */
  returnReject: ReturnPayload;
  /** The order's owner asks to send shipped items back. */
  returnRequest: ReturnPayload;
  /** Admin only: delivers the given event topics to a URL, signed, with retries. */
  webhookSubscriptionCreate: WebhookSubscriptionCreatePayload;
};


/** Fulfillment. */
export type MutationCustomerNoteAddArgs = {
  body: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
};


/** Fulfillment. */
export type MutationFulfillmentCreateArgs = {
  carrier: Carrier;
  lines: Array<FulfillmentLineInput>;
  orderId: Scalars['ID']['input'];
  service: Scalars['String']['input'];
};


/** Fulfillment. */
export type MutationReturnApproveArgs = {
  id: Scalars['ID']['input'];
};


/** Fulfillment. */
export type MutationReturnReceiveArgs = {
  id: Scalars['ID']['input'];
};


/** Fulfillment. */
export type MutationReturnRejectArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


/** Fulfillment. */
export type MutationReturnRequestArgs = {
  input: ReturnRequestInput;
};


/** Fulfillment. */
export type MutationWebhookSubscriptionCreateArgs = {
  topics: Array<Scalars['String']['input']>;
  url: Scalars['String']['input'];
};

/** An order (owned by the orders subgraph), extended here with its shipments. */
export type Order = {
  __typename?: 'Order';
  /** The order's id. */
  id: Scalars['ID']['output'];
  /** The order's shipments, oldest first. */
  shipments: Array<Shipment>;
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

/** Shipping rates and public tracking. */
export type Query = {
  __typename?: 'Query';
  /** Admin only: customers, optionally those in one segment (new, repeat, vip, returner, dormant), by id. */
  customers: CustomerConnection;
  /** The signed-in shopper's returns, or an admin's view of any order's returns. */
  returns: Array<Return>;
  /** What shipping the items to the destination costs with each carrier and service, cheapest first. */
  shippingRates: Array<ShippingRate>;
  /** A shipment by its tracking number, for anyone who holds the number; null when there is none. */
  trackShipment?: Maybe<Shipment>;
};


/** Shipping rates and public tracking. */
export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  segment?: InputMaybe<Scalars['String']['input']>;
};


/** Shipping rates and public tracking. */
export type QueryReturnsArgs = {
  orderId?: InputMaybe<Scalars['ID']['input']>;
};


/** Shipping rates and public tracking. */
export type QueryShippingRatesArgs = {
  input: ShippingRatesInput;
};


/** Shipping rates and public tracking. */
export type QueryTrackShipmentArgs = {
  trackingNumber: Scalars['String']['input'];
};

/** Items of an order on their way back to the shop. */
export type Return = {
  __typename?: 'Return';
  /** When the shopper asked. */
  createdAt: Scalars['DateTime']['output'];
  /** The return's id. */
  id: Scalars['ID']['output'];
  /** What comes back. */
  lines: Array<ReturnLine>;
  /** The order the items came with. */
  orderId: Scalars['ID']['output'];
  /** Why, in the shopper's words. */
  reason: Scalars['String']['output'];
  /** The prepaid label to send the parcel back with, once the return is approved. */
  returnLabel?: Maybe<ShippingLabel>;
  /** Where the return is. */
  status: ReturnStatus;
  /** The return parcel's tracking number, once approved. */
  trackingNumber?: Maybe<Scalars['String']['output']>;
};

/** An order line, or part of one, in a return. */
export type ReturnLine = {
  __typename?: 'ReturnLine';
  /** The order line's id. */
  orderLineId: Scalars['ID']['output'];
  /** How many units come back. */
  quantity: Scalars['Int']['output'];
};

/** A shipped order line, or part of one, to send back. */
export type ReturnLineInput = {
  /** The order line's id. */
  orderLineId: Scalars['ID']['input'];
  /** How many units, 1 to 999, at most what was shipped and not yet returned. */
  quantity: Scalars['Int']['input'];
};

/** The result of a return mutation. */
export type ReturnPayload = {
  __typename?: 'ReturnPayload';
  /** The return, unless there were userErrors. */
  return?: Maybe<Return>;
  /** Why the return did not change. */
  userErrors: Array<UserError>;
};

/** What a shopper asks to send back, and why. */
export type ReturnRequestInput = {
  /** The lines to return. */
  lines: Array<ReturnLineInput>;
  /** The order the items came with. */
  orderId: Scalars['ID']['input'];
  /** Why, in the shopper's words (at most 1000 characters). */
  reason: Scalars['String']['input'];
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

/** A parcel on its way with a carrier. */
export type Shipment = {
  __typename?: 'Shipment';
  /** The carrier that delivers it. */
  carrier: Carrier;
  /** When the parcel should arrive, estimated. */
  estimatedDelivery?: Maybe<Scalars['DateTime']['output']>;
  /** The carrier's updates, oldest first. */
  events: Array<TrackingEvent>;
  /** The shipment's id. */
  id: Scalars['ID']['output'];
  /** The order lines in this shipment. */
  lines: Array<ShipmentLine>;
  /** The carrier's service level. */
  service: Scalars['String']['output'];
  /** Where the parcel is in its journey; it only moves forward. */
  status: ShipmentStatus;
  /** The carrier's tracking number. */
  trackingNumber: Scalars['String']['output'];
  /** A page on the carrier's site that tracks the parcel. */
  trackingUrl: Scalars['String']['output'];
};

/** An order line, or part of one, in a shipment. */
export type ShipmentLine = {
  __typename?: 'ShipmentLine';
  /** The order line's id (owned by the orders subgraph). */
  orderLineId: Scalars['ID']['output'];
  /** How many units of the line are in this shipment. */
  quantity: Scalars['Int']['output'];
};

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

/** Where a parcel goes, as far as pricing it needs. */
export type ShippingDestinationInput = {
  /** ISO 3166-1 alpha-2 country code, such as US. */
  countryCode: Scalars['String']['input'];
  /** Postal or ZIP code. */
  zip: Scalars['String']['input'];
};

/** A variant and how many of it to ship. */
export type ShippingItemInput = {
  /** How many units, 1 to 999. */
  quantity: Scalars['Int']['input'];
  /** The product variant's id. */
  variantId: Scalars['ID']['input'];
};

/** A sandbox shipping label, as the carrier would print it. */
export type ShippingLabel = {
  __typename?: 'ShippingLabel';
  /** The label itself, base64-encoded. */
  data: Scalars['String']['output'];
  /** The label's format, such as ZPL. */
  format: Scalars['String']['output'];
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

/** What to price: a destination and 1 to 100 items. */
export type ShippingRatesInput = {
  /** Where the parcel goes. */
  destination: ShippingDestinationInput;
  /** What goes in the parcel. */
  items: Array<ShippingItemInput>;
};

/** One thing that happened with a customer. */
export type TimelineEvent = {
  __typename?: 'TimelineEvent';
  /** The note's text, for NOTE_ADDED. */
  body?: Maybe<Scalars['String']['output']>;
  /** The event's id. */
  id: Scalars['ID']['output'];
  /** What kind of thing happened. */
  kind: TimelineEventKind;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The id of the order, shipment, return or note it is about. */
  referenceId?: Maybe<Scalars['ID']['output']>;
  /** A one-line summary, such as "Order #1001 placed". */
  title: Scalars['String']['output'];
};

/** A page of a customer's timeline, newest first. */
export type TimelineEventConnection = {
  __typename?: 'TimelineEventConnection';
  /** The events with their cursors. */
  edges: Array<TimelineEventEdge>;
  /** The events. */
  nodes: Array<TimelineEvent>;
  /** Where this page sits. */
  pageInfo: PageInfo;
  /** How many events there are in all. */
  totalCount: Scalars['Int']['output'];
};

/** An edge of a TimelineEventConnection. */
export type TimelineEventEdge = {
  __typename?: 'TimelineEventEdge';
  /** Where this event sits; pass it as `after`. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: TimelineEvent;
};

/** What kind of thing happened with a customer. */
export type TimelineEventKind =
  /** A message was sent to the customer or about them (an outbound webhook delivery). */
  | 'MESSAGE_SENT'
  /** Staff wrote a note. */
  | 'NOTE_ADDED'
  /** An order was paid. */
  | 'ORDER_PLACED'
  /** The customer opened an account. */
  | 'REGISTERED'
  /** The customer asked to return items. */
  | 'RETURN_REQUESTED'
  /** A return changed status. */
  | 'RETURN_UPDATED'
  /** A shipment left for the customer. */
  | 'SHIPMENT_CREATED'
  /** A shipment moved along its journey. */
  | 'SHIPMENT_UPDATED';

/** One scan or status update from the carrier. */
export type TrackingEvent = {
  __typename?: 'TrackingEvent';
  /** What happened, in the carrier's words. */
  description: Scalars['String']['output'];
  /** Where it happened, when the carrier says. */
  location?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** The status this event reports. */
  status: ShipmentStatus;
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

/** Where an ERP or marketing tool wants events delivered. */
export type WebhookSubscription = {
  __typename?: 'WebhookSubscription';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The subscription's id. */
  id: Scalars['ID']['output'];
  /** The event topics delivered, such as shipment.updated. */
  topics: Array<Scalars['String']['output']>;
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};

/** The result of webhookSubscriptionCreate. */
export type WebhookSubscriptionCreatePayload = {
  __typename?: 'WebhookSubscriptionCreatePayload';
  /** The key that signs deliveries (HMAC-SHA256 in the x-shop-webhook-signature header). Shown only here, once. */
  signingSecret?: Maybe<Scalars['String']['output']>;
  /** Why the subscription was not created. */
  userErrors: Array<UserError>;
  /** The subscription, unless there were userErrors. */
  webhookSubscription?: Maybe<WebhookSubscription>;
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
  Customer: Customer;
  Order: Order;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Order:
    ( { __typename: 'Order' }
    & GraphQLRecursivePick<FederationTypes['Order'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CacheControlScope: CacheControlScope;
  Carrier: Carrier;
  CurrencyCode: CurrencyCode;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CustomerEdge']>, nodes: Array<ResolversTypes['Customer']> }>;
  CustomerEdge: ResolverTypeWrapper<Omit<CustomerEdge, 'node'> & { node: ResolversTypes['Customer'] }>;
  CustomerNote: ResolverTypeWrapper<CustomerNoteModel>;
  CustomerNoteAddPayload: ResolverTypeWrapper<Omit<CustomerNoteAddPayload, 'note'> & { note?: Maybe<ResolversTypes['CustomerNote']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  FulfillmentCreatePayload: ResolverTypeWrapper<Omit<FulfillmentCreatePayload, 'shipment'> & { shipment?: Maybe<ResolversTypes['Shipment']> }>;
  FulfillmentLineInput: FulfillmentLineInput;
  Money: ResolverTypeWrapper<MoneyModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Order: ResolverTypeWrapper<OrderRefModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Return: ResolverTypeWrapper<ReturnModel>;
  ReturnLine: ResolverTypeWrapper<ReturnLine>;
  ReturnLineInput: ReturnLineInput;
  ReturnPayload: ResolverTypeWrapper<Omit<ReturnPayload, 'return'> & { return?: Maybe<ResolversTypes['Return']> }>;
  ReturnRequestInput: ReturnRequestInput;
  ReturnStatus: ReturnStatus;
  Shipment: ResolverTypeWrapper<ShipmentModel>;
  ShipmentLine: ResolverTypeWrapper<ShipmentLine>;
  ShipmentStatus: ShipmentStatus;
  ShippingDestinationInput: ShippingDestinationInput;
  ShippingItemInput: ShippingItemInput;
  ShippingLabel: ResolverTypeWrapper<ShippingLabel>;
  ShippingRate: ResolverTypeWrapper<RateInfoModel>;
  ShippingRatesInput: ShippingRatesInput;
  TimelineEvent: ResolverTypeWrapper<TimelineEntryModel>;
  TimelineEventConnection: ResolverTypeWrapper<Omit<TimelineEventConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['TimelineEventEdge']>, nodes: Array<ResolversTypes['TimelineEvent']> }>;
  TimelineEventEdge: ResolverTypeWrapper<Omit<TimelineEventEdge, 'node'> & { node: ResolversTypes['TimelineEvent'] }>;
  TimelineEventKind: TimelineEventKind;
  TrackingEvent: ResolverTypeWrapper<TrackingEventModel>;
  UserError: ResolverTypeWrapper<UserError>;
  WebhookSubscription: ResolverTypeWrapper<WebhookSubscriptionModel>;
  WebhookSubscriptionCreatePayload: ResolverTypeWrapper<Omit<WebhookSubscriptionCreatePayload, 'webhookSubscription'> & { webhookSubscription?: Maybe<ResolversTypes['WebhookSubscription']> }>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Customer: CustomerRefModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  CustomerConnection: Omit<CustomerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CustomerEdge']>, nodes: Array<ResolversParentTypes['Customer']> };
  CustomerEdge: Omit<CustomerEdge, 'node'> & { node: ResolversParentTypes['Customer'] };
  CustomerNote: CustomerNoteModel;
  CustomerNoteAddPayload: Omit<CustomerNoteAddPayload, 'note'> & { note?: Maybe<ResolversParentTypes['CustomerNote']> };
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  FulfillmentCreatePayload: Omit<FulfillmentCreatePayload, 'shipment'> & { shipment?: Maybe<ResolversParentTypes['Shipment']> };
  FulfillmentLineInput: FulfillmentLineInput;
  Money: MoneyModel;
  Mutation: Record<PropertyKey, never>;
  Order: OrderRefModel;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Return: ReturnModel;
  ReturnLine: ReturnLine;
  ReturnLineInput: ReturnLineInput;
  ReturnPayload: Omit<ReturnPayload, 'return'> & { return?: Maybe<ResolversParentTypes['Return']> };
  ReturnRequestInput: ReturnRequestInput;
  Shipment: ShipmentModel;
  ShipmentLine: ShipmentLine;
  ShippingDestinationInput: ShippingDestinationInput;
  ShippingItemInput: ShippingItemInput;
  ShippingLabel: ShippingLabel;
  ShippingRate: RateInfoModel;
  ShippingRatesInput: ShippingRatesInput;
  TimelineEvent: TimelineEntryModel;
  TimelineEventConnection: Omit<TimelineEventConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['TimelineEventEdge']>, nodes: Array<ResolversParentTypes['TimelineEvent']> };
  TimelineEventEdge: Omit<TimelineEventEdge, 'node'> & { node: ResolversParentTypes['TimelineEvent'] };
  TrackingEvent: TrackingEventModel;
  UserError: UserError;
  WebhookSubscription: WebhookSubscriptionModel;
  WebhookSubscriptionCreatePayload: Omit<WebhookSubscriptionCreatePayload, 'webhookSubscription'> & { webhookSubscription?: Maybe<ResolversParentTypes['WebhookSubscription']> };
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
}>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  segments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['TimelineEventConnection'], ParentType, ContextType, Partial<CustomerTimelineArgs>>;
}>;

export type CustomerConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CustomerEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CustomerEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerEdge'] = ResolversParentTypes['CustomerEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
}>;

export type CustomerNoteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerNote'] = ResolversParentTypes['CustomerNote']> = ResolversObject<{
  authorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  customerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type CustomerNoteAddPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerNoteAddPayload'] = ResolversParentTypes['CustomerNoteAddPayload']> = ResolversObject<{
  note?: Resolver<Maybe<ResolversTypes['CustomerNote']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type FulfillmentCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FulfillmentCreatePayload'] = ResolversParentTypes['FulfillmentCreatePayload']> = ResolversObject<{
  label?: Resolver<Maybe<ResolversTypes['ShippingLabel']>, ParentType, ContextType>;
  shipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currencyCode?: Resolver<ResolversTypes['CurrencyCode'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  customerNoteAdd?: Resolver<ResolversTypes['CustomerNoteAddPayload'], ParentType, ContextType, RequireFields<MutationCustomerNoteAddArgs, 'body' | 'customerId'>>;
  fulfillmentCreate?: Resolver<ResolversTypes['FulfillmentCreatePayload'], ParentType, ContextType, RequireFields<MutationFulfillmentCreateArgs, 'carrier' | 'lines' | 'orderId' | 'service'>>;
  returnApprove?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnApproveArgs, 'id'>>;
  returnReceive?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnReceiveArgs, 'id'>>;
  returnReject?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnRejectArgs, 'id'>>;
  returnRequest?: Resolver<ResolversTypes['ReturnPayload'], ParentType, ContextType, RequireFields<MutationReturnRequestArgs, 'input'>>;
  webhookSubscriptionCreate?: Resolver<ResolversTypes['WebhookSubscriptionCreatePayload'], ParentType, ContextType, RequireFields<MutationWebhookSubscriptionCreateArgs, 'topics' | 'url'>>;
}>;

export type OrderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Order'] = ResolversParentTypes['Order'], FederationReferenceType extends FederationReferenceTypes['Order'] = FederationReferenceTypes['Order']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Order']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shipments?: Resolver<Array<ResolversTypes['Shipment']>, ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, Partial<QueryCustomersArgs>>;
  returns?: Resolver<Array<ResolversTypes['Return']>, ParentType, ContextType, Partial<QueryReturnsArgs>>;
  shippingRates?: Resolver<Array<ResolversTypes['ShippingRate']>, ParentType, ContextType, RequireFields<QueryShippingRatesArgs, 'input'>>;
  trackShipment?: Resolver<Maybe<ResolversTypes['Shipment']>, ParentType, ContextType, RequireFields<QueryTrackShipmentArgs, 'trackingNumber'>>;
}>;

export type ReturnResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Return'] = ResolversParentTypes['Return']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ReturnLine']>, ParentType, ContextType>;
  orderId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returnLabel?: Resolver<Maybe<ResolversTypes['ShippingLabel']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReturnStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ReturnLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReturnLine'] = ResolversParentTypes['ReturnLine']> = ResolversObject<{
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ReturnPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReturnPayload'] = ResolversParentTypes['ReturnPayload']> = ResolversObject<{
  return?: Resolver<Maybe<ResolversTypes['Return']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ShipmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Shipment'] = ResolversParentTypes['Shipment']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['Carrier'], ParentType, ContextType>;
  estimatedDelivery?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['TrackingEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ShipmentLine']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
  trackingNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trackingUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShipmentLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShipmentLine'] = ResolversParentTypes['ShipmentLine']> = ResolversObject<{
  orderLineId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ShippingLabelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShippingLabel'] = ResolversParentTypes['ShippingLabel']> = ResolversObject<{
  data?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShippingRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShippingRate'] = ResolversParentTypes['ShippingRate']> = ResolversObject<{
  carrier?: Resolver<ResolversTypes['Carrier'], ParentType, ContextType>;
  estimatedDeliveryDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  handle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TimelineEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineEvent'] = ResolversParentTypes['TimelineEvent']> = ResolversObject<{
  body?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TimelineEventKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  referenceId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TimelineEventConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineEventConnection'] = ResolversParentTypes['TimelineEventConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TimelineEventEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['TimelineEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TimelineEventEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TimelineEventEdge'] = ResolversParentTypes['TimelineEventEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TimelineEvent'], ParentType, ContextType>;
}>;

export type TrackingEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrackingEvent'] = ResolversParentTypes['TrackingEvent']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  location?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ShipmentStatus'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WebhookSubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookSubscription'] = ResolversParentTypes['WebhookSubscription']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type WebhookSubscriptionCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WebhookSubscriptionCreatePayload'] = ResolversParentTypes['WebhookSubscriptionCreatePayload']> = ResolversObject<{
  signingSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhookSubscription?: Resolver<Maybe<ResolversTypes['WebhookSubscription']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  CustomerEdge?: CustomerEdgeResolvers<ContextType>;
  CustomerNote?: CustomerNoteResolvers<ContextType>;
  CustomerNoteAddPayload?: CustomerNoteAddPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  FulfillmentCreatePayload?: FulfillmentCreatePayloadResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Order?: OrderResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Return?: ReturnResolvers<ContextType>;
  ReturnLine?: ReturnLineResolvers<ContextType>;
  ReturnPayload?: ReturnPayloadResolvers<ContextType>;
  Shipment?: ShipmentResolvers<ContextType>;
  ShipmentLine?: ShipmentLineResolvers<ContextType>;
  ShippingLabel?: ShippingLabelResolvers<ContextType>;
  ShippingRate?: ShippingRateResolvers<ContextType>;
  TimelineEvent?: TimelineEventResolvers<ContextType>;
  TimelineEventConnection?: TimelineEventConnectionResolvers<ContextType>;
  TimelineEventEdge?: TimelineEventEdgeResolvers<ContextType>;
  TrackingEvent?: TrackingEventResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  WebhookSubscription?: WebhookSubscriptionResolvers<ContextType>;
  WebhookSubscriptionCreatePayload?: WebhookSubscriptionCreatePayloadResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

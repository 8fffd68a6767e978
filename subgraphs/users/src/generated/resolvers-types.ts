import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { Customer as CustomerModel, Address as AddressModel, ApiKey as ApiKeyModel } from '../domain/types';
import { SessionView as SessionModel } from '../domain/account-settings';
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
  /** Any JSON value, such as a persisted query manifest. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: any; output: any; }
};

/** A partner's API key. The key itself is shown once, when created. */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** The partner client whose published documents the key runs (persistedDocumentsPublish). */
  clientName?: Maybe<Scalars['String']['output']>;
  /** The cost per second the key's bucket refills at; the gateway's partner default when null. */
  costPerSecond?: Maybe<Scalars['Int']['output']>;
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The key's id; it is also the partner id the gateway forwards. */
  id: Scalars['ID']['output'];
  /** When the key was last used (to the minute). */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** A name to recognise the partner by. */
  name: Scalars['String']['output'];
  /** The first characters of the key, to recognise it. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; a revoked key is refused. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /**
   * Held to its client's published documents, sent by hash; anything else is PERSISTED_QUERY_REQUIRED or
   * PERSISTED_QUERY_NOT_FOUND.
   */
  safelistOnly: Scalars['Boolean']['output'];
  /** What the key may do; see apiKeyCreate for each scope. */
  scopes: Array<Scalars['String']['output']>;
};

/** The result of apiKeyCreate. */
export type ApiKeyCreatePayload = {
  __typename?: 'ApiKeyCreatePayload';
  /** The new key's record. */
  apiKey?: Maybe<ApiKey>;
  /** The key itself, shown only now; send it as `X-Api-Key`. */
  key?: Maybe<Scalars['String']['output']>;
  /** Why the key was not created. */
  userErrors: Array<UserError>;
};

/** The result of apiKeyRevoke and apiKeyUpdate. */
export type ApiKeyPayload = {
  __typename?: 'ApiKeyPayload';
  /** The key's record. */
  apiKey?: Maybe<ApiKey>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** Who may share a cached value: anyone (PUBLIC), or only the caller it was answered to (PRIVATE). */
export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

/** A shopper's account. Readable only by the shopper themselves, an admin, or another service. */
export type Customer = {
  __typename?: 'Customer';
  /** The address book, oldest first. */
  addresses: Array<MailingAddress>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The address used by default at checkout. */
  defaultAddress?: Maybe<MailingAddress>;
  /** The sign-in email, normalised to lower case. */
  email: Scalars['String']['output'];
  /** Whether the customer confirmed their email address through the link sent to it. */
  emailVerified: Scalars['Boolean']['output'];
  /** First name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** The customer's id. */
  id: Scalars['ID']['output'];
  /** Last name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Whether sign-in asks for a TOTP code. */
  mfaEnabled: Scalars['Boolean']['output'];
  /** CUSTOMER or ADMIN. */
  role: CustomerRole;
};

/** The result of customerAddressDelete. */
export type CustomerAddressDeletePayload = {
  __typename?: 'CustomerAddressDeletePayload';
  /** The id of the deleted address. */
  deletedCustomerAddressId?: Maybe<Scalars['ID']['output']>;
  /** Why the address was not deleted. */
  userErrors: Array<UserError>;
};

/** The result of an address creation or update. */
export type CustomerAddressPayload = {
  __typename?: 'CustomerAddressPayload';
  /** The saved address. */
  customerAddress?: Maybe<MailingAddress>;
  /** Why the address was not saved. */
  userErrors: Array<UserError>;
};

/** Everything the users service holds on the shopper. */
export type CustomerDataExport = {
  __typename?: 'CustomerDataExport';
  /** When the export was made. */
  generatedAt: Scalars['DateTime']['output'];
  /** The data as one JSON document. */
  json: Scalars['String']['output'];
};

/** The result of customerDelete. */
export type CustomerDeletePayload = {
  __typename?: 'CustomerDeletePayload';
  /** The id of the erased account. */
  deletedCustomerId?: Maybe<Scalars['ID']['output']>;
  /** Why the account was not erased. */
  userErrors: Array<UserError>;
};

/** Credentials to sign in with. */
export type CustomerLoginInput = {
  /** A name for this device, shown in customerSessions. */
  deviceName?: InputMaybe<Scalars['String']['input']>;
  /** Email address. */
  email: Scalars['String']['input'];
  /** Password. */
  password: Scalars['String']['input'];
  /** A single-use recovery code instead of the TOTP code. */
  recoveryCode?: InputMaybe<Scalars['String']['input']>;
  /** Keeps the session alive for 30 days of inactivity instead of 30 minutes. */
  rememberMe?: InputMaybe<Scalars['Boolean']['input']>;
  /** The authenticator app's current code, when MFA is on. */
  totpCode?: InputMaybe<Scalars['String']['input']>;
};

/** The result of customerLogin. */
export type CustomerLoginPayload = {
  __typename?: 'CustomerLoginPayload';
  /** The bearer token; send it as `Authorization: Bearer <token>`. */
  accessToken?: Maybe<Scalars['String']['output']>;
  /** The signed-in customer. */
  customer?: Maybe<Customer>;
  /** When the token expires unless used (each use extends it). */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** True when the password was right and a TOTP or recovery code is needed: send the login again with one. */
  mfaRequired: Scalars['Boolean']['output'];
  /** INVALID_CREDENTIALS (the same for any wrong email, password or a throttled account) or INVALID_MFA_CODE. */
  userErrors: Array<UserError>;
};

/** The result of customerLogout. */
export type CustomerLogoutPayload = {
  __typename?: 'CustomerLogoutPayload';
  /** Whether the session ended; its token is refused from the next request on. */
  success: Scalars['Boolean']['output'];
  /** Always empty. */
  userErrors: Array<UserError>;
};

/** The result of customerMfaEnroll. */
export type CustomerMfaEnrollPayload = {
  __typename?: 'CustomerMfaEnrollPayload';
  /** The otpauth:// URL, to show as a QR code. */
  otpauthUrl?: Maybe<Scalars['String']['output']>;
  /** The TOTP secret (base32), to type into an authenticator app. */
  secret?: Maybe<Scalars['String']['output']>;
  /** Why enrolment did not start. */
  userErrors: Array<UserError>;
};

/** The result of customerMfaConfirm and customerMfaDisable. */
export type CustomerMfaPayload = {
  __typename?: 'CustomerMfaPayload';
  /** A new token: every earlier session of the customer, this one included, has ended. */
  accessToken?: Maybe<Scalars['String']['output']>;
  /** The customer after the change. */
  customer?: Maybe<Customer>;
  /** When the new token expires unless used. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Ten single-use recovery codes, shown only now (after confirmation). */
  recoveryCodes?: Maybe<Array<Scalars['String']['output']>>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** The result of customerPasswordChange and customerEmailUpdate. */
export type CustomerPasswordChangePayload = {
  __typename?: 'CustomerPasswordChangePayload';
  /** A new token: every earlier session of the customer, this one included, has ended. */
  accessToken?: Maybe<Scalars['String']['output']>;
  /** The customer. */
  customer?: Maybe<Customer>;
  /** When the new token expires unless used. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** A result that carries the customer. */
export type CustomerPayload = {
  __typename?: 'CustomerPayload';
  /** The customer after the change. */
  customer?: Maybe<Customer>;
  /** Why the change was not made. */
  userErrors: Array<UserError>;
};

/** A new account. */
export type CustomerRegisterInput = {
  /** Email address; case and surrounding spaces are ignored. */
  email: Scalars['String']['input'];
  /** First name, at most 100 characters. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** Last name, at most 100 characters. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /** 12 to 128 characters, not a common password. */
  password: Scalars['String']['input'];
};

/** The result of customerRegister. */
export type CustomerRegisterPayload = {
  __typename?: 'CustomerRegisterPayload';
  /**
   * Always null: registration answers the same for a new and a taken address, so it cannot tell who has an
   * account. The address's owner is emailed (a confirmation link, or a note that the account exists); sign in
   * with customerLogin.
   */
  customer?: Maybe<Customer>;
  /**
   * Why the input was refused (INVALID_EMAIL, PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON..., THROTTLED after too
   * many registrations from one client address). A taken address is not an error.
   */
  userErrors: Array<UserError>;
};

/** What a customer may do: shop, or also administer the shop. */
export type CustomerRole =
  /** A shop administrator. */
  | 'ADMIN'
  /** A shopper. */
  | 'CUSTOMER';

/** A signed-in device of the shopper. */
export type CustomerSession = {
  __typename?: 'CustomerSession';
  /** When the shopper signed in. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether this is the session making the request. */
  current: Scalars['Boolean']['output'];
  /** The device name given at sign-in. */
  device?: Maybe<Scalars['String']['output']>;
  /** When the session ends unless used again. */
  expiresAt: Scalars['DateTime']['output'];
  /** The session's id (not its token); pass it to customerSessionRevoke. */
  id: Scalars['ID']['output'];
  /** When the session was last used (updated at most once a minute). */
  lastSeenAt: Scalars['DateTime']['output'];
};

/** The result of customerSessionRevoke. */
export type CustomerSessionRevokePayload = {
  __typename?: 'CustomerSessionRevokePayload';
  /** The id of the ended session. */
  revokedSessionId?: Maybe<Scalars['ID']['output']>;
  /** Why the session was not ended. */
  userErrors: Array<UserError>;
};

/** A result with only userErrors. */
export type CustomerUserErrorsPayload = {
  __typename?: 'CustomerUserErrorsPayload';
  /** Why the request was not carried out. */
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

/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Creates a partner API key (ADMIN); the key itself is shown once, in the payload. A partner sends it as
   * X-Api-Key. Scopes, each opening some admin operations to the partner (everything else stays with admins):
   * catalog:read (the catalog, as a shopper reads it); catalog:write (productCreate, productUpdate,
   * productDelete); inventory:read (stock levels and locations); inventory:write (inventoryAdjust);
   * orders:read (any order, and any customer's orders and subscriptions); fulfillment:write (fulfillmentCreate);
   * customers:read (customers by segment, and their profiles). An unknown scope is the userError INVALID_SCOPES.
   * A key with a clientName runs that client's published documents (persistedDocumentsPublish); a safelistOnly
   * key (the default) runs nothing else, so it must name its client (else the userError CLIENT_NAME_REQUIRED):
   * a key that runs any document is asked for with safelistOnly: false. costPerSecond sets the rate its cost
   * bucket refills at.
   */
  apiKeyCreate: ApiKeyCreatePayload;
  /** Revokes a partner API key (ADMIN); it is refused from then on. */
  apiKeyRevoke: ApiKeyPayload;
  /**
   * Changes a live partner key's terms (ADMIN); an argument left out keeps its value, null clears it. The result
   * holds to apiKeyCreate's rule: a safelistOnly key names its client (else CLIENT_NAME_REQUIRED). A key that is
   * safelistOnly with no clientName (one made before keys named clients) runs nothing until it is given one here,
   * or set safelistOnly: false. NOT_FOUND for an unknown or revoked key. The gateway applies it from the next request.
   */
  apiKeyUpdate: ApiKeyPayload;
  /** Adds an address; the first address, or one with setDefault, becomes the default. */
  customerAddressCreate: CustomerAddressPayload;
  /** Deletes an address of the signed-in customer. */
  customerAddressDelete: CustomerAddressDeletePayload;
  /** Changes an address of the signed-in customer. */
  customerAddressUpdate: CustomerAddressPayload;
  /** Makes an address the default. */
  customerDefaultAddressUpdate: CustomerPayload;
  /** Erases the signed-in customer's account and sessions; needs the current password. */
  customerDelete: CustomerDeletePayload;
  /**
   * Changes the sign-in email; needs the current password. The new address must be confirmed again, the old one
   * is told, and a new token replaces every session.
   */
  customerEmailUpdate: CustomerPasswordChangePayload;
  /** Sends the email that confirms the signed-in customer's address again (THROTTLED past a few an hour). */
  customerEmailVerificationSend: CustomerUserErrorsPayload;
  /** Confirms an email address with the token from the email. */
  customerEmailVerify: CustomerPayload;
  /** Signs in; with MFA on, a second call carries the TOTP or a recovery code. */
  customerLogin: CustomerLoginPayload;
  /** Ends the current session. */
  customerLogout: CustomerLogoutPayload;
  /** Confirms MFA set-up with a first code: MFA turns on, recovery codes are issued and a new token replaces every session. */
  customerMfaConfirm: CustomerMfaPayload;
  /** Turns MFA off; needs the current password and a TOTP or recovery code. */
  customerMfaDisable: CustomerMfaPayload;
  /**
   * Starts MFA set-up: returns a TOTP secret to confirm with customerMfaConfirm. Needs the current password, so a
   * stolen session alone cannot put MFA under someone else's control; without it the answer is the userError
   * CURRENT_PASSWORD_REQUIRED. (The argument is nullable only so that the contract's argument-less call still
   * validates and gets that clear answer.)
   */
  customerMfaEnroll: CustomerMfaEnrollPayload;
  /** Changes the password; every other session ends and a new token is returned. */
  customerPasswordChange: CustomerPasswordChangePayload;
  /** Sets a new password with the token from the reset email; every session ends. */
  customerPasswordReset: CustomerPayload;
  /**
   * Emails a password reset link if the address has an account; the answer is the same either way. THROTTLED
   * past a few per address, or many per client address, an hour.
   */
  customerPasswordResetRequest: CustomerUserErrorsPayload;
  /**
   * Creates an account and emails the address to confirm it; for a taken address, emails its owner instead and
   * answers the same. Does not sign in.
   */
  customerRegister: CustomerRegisterPayload;
  /** Ends one of the signed-in customer's sessions. */
  customerSessionRevoke: CustomerSessionRevokePayload;
  /**
   * Publishes a client's trusted documents (ADMIN), a partner's or the shop's own (firstParty): every id must be the
   * SHA-256 of its body and every body must validate against the supergraph, else userErrors and nothing is published. The manifest becomes the
   * client's whole set: publishing it again changes nothing, and a document it no longer holds stops running.
   */
  persistedDocumentsPublish: PersistedDocumentsPublishPayload;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationApiKeyCreateArgs = {
  clientName?: InputMaybe<Scalars['String']['input']>;
  costPerSecond?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  safelistOnly?: InputMaybe<Scalars['Boolean']['input']>;
  scopes: Array<Scalars['String']['input']>;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationApiKeyRevokeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationApiKeyUpdateArgs = {
  clientName?: InputMaybe<Scalars['String']['input']>;
  costPerSecond?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  safelistOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerAddressCreateArgs = {
  address: MailingAddressInput;
  setDefault?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerAddressDeleteArgs = {
  id: Scalars['ID']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerAddressUpdateArgs = {
  address: MailingAddressInput;
  id: Scalars['ID']['input'];
  setDefault?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerDefaultAddressUpdateArgs = {
  addressId: Scalars['ID']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerDeleteArgs = {
  currentPassword: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerEmailUpdateArgs = {
  currentPassword: Scalars['String']['input'];
  email: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerEmailVerifyArgs = {
  token: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerLoginArgs = {
  input: CustomerLoginInput;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerMfaConfirmArgs = {
  code: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerMfaDisableArgs = {
  code: Scalars['String']['input'];
  currentPassword: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerMfaEnrollArgs = {
  currentPassword?: InputMaybe<Scalars['String']['input']>;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerPasswordChangeArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerPasswordResetArgs = {
  newPassword: Scalars['String']['input'];
  token: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerPasswordResetRequestArgs = {
  email: Scalars['String']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerRegisterArgs = {
  input: CustomerRegisterInput;
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationCustomerSessionRevokeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * A request runs at most one of the mutations that check a password or a code, or hash a new password
 * (customerRegister, customerLogin, customerPasswordChange, customerPasswordReset, customerEmailUpdate,
 * customerEmailVerify, customerMfaEnroll, customerMfaConfirm, customerMfaDisable, customerDelete): a request
 * selecting more, aliases included, is refused before any runs with extensions.code TOO_MANY_CREDENTIAL_CHECKS.
 * Wrong passwords and wrong codes count toward one lockout per account.
 */
export type MutationPersistedDocumentsPublishArgs = {
  input: PersistedDocumentsPublishInput;
};

/** One operation of a partner client's published manifest. */
export type PersistedDocument = {
  __typename?: 'PersistedDocument';
  /** The document's text. */
  body: Scalars['String']['output'];
  /** The SHA-256 of the body, in hex; the client sends it as its document's hash. */
  id: Scalars['ID']['output'];
  /** The operation's name. */
  name?: Maybe<Scalars['String']['output']>;
  /** query or mutation. */
  type: Scalars['String']['output'];
};

/** A page of published documents. */
export type PersistedDocumentConnection = {
  __typename?: 'PersistedDocumentConnection';
  /** The documents with their cursors. */
  edges: Array<PersistedDocumentEdge>;
  /** The documents. */
  nodes: Array<PersistedDocument>;
  /** Where this page stands. */
  pageInfo: PersistedDocumentPageInfo;
  /** How many documents the client has published. */
  totalCount: Scalars['Int']['output'];
};

/** A published document and its cursor. */
export type PersistedDocumentEdge = {
  __typename?: 'PersistedDocumentEdge';
  /** Pass as `after` for the next page. */
  cursor: Scalars['String']['output'];
  /** The document. */
  node: PersistedDocument;
};

/** Where a page of published documents stands. */
export type PersistedDocumentPageInfo = {
  __typename?: 'PersistedDocumentPageInfo';
  /** The cursor of the last document of the page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more documents follow. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A client's manifest to publish: a partner's, or the shop's own (firstParty). */
export type PersistedDocumentsPublishInput = {
  /** The client the manifest is for: a live API key must name it, unless it is the shop's own client (firstParty). */
  clientName: Scalars['String']['input'];
  /**
   * The shop's own client, such as its storefront: published with no API key, mutations included, and any caller may
   * run its documents by hash (naming it in the apollographql-client-name header, or not). Publishing with this set
   * registers the client as the shop's own; later publishes need not repeat it. A client that a live API key names
   * cannot be the shop's own (CLIENT_IS_PARTNER).
   */
  firstParty?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Apollo's persisted query manifest: { format: "apollo-persisted-query-manifest", version: 1, operations: [{ id,
   * name, type, body }] }.
   */
  manifest: Scalars['JSON']['input'];
};

/** The result of persistedDocumentsPublish. */
export type PersistedDocumentsPublishPayload = {
  __typename?: 'PersistedDocumentsPublishPayload';
  /** The client the manifest was published for. */
  clientName: Scalars['String']['output'];
  /** How many documents the client now has; 0 when refused. */
  published: Scalars['Int']['output'];
  /**
   * Why nothing was published: a wrong hash, an invalid body, a mutation for a client that may only read, too
   * many operations, an unknown client (NOT_FOUND), a partner's client published as the shop's own
   * (CLIENT_IS_PARTNER).
   */
  userErrors: Array<UserError>;
};

export type Query = {
  __typename?: 'Query';
  /** Partner API keys (ADMIN). */
  apiKeys: Array<ApiKey>;
  /** Everything this service holds on the signed-in customer. */
  customerDataExport: CustomerDataExport;
  /** The signed-in customer's live sessions, newest first. */
  customerSessions: Array<CustomerSession>;
  /** The signed-in customer; null when anonymous. */
  me?: Maybe<Customer>;
  /** The documents published for a partner client, in id order (ADMIN). */
  persistedDocuments: PersistedDocumentConnection;
};


export type QueryPersistedDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  clientName: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
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
  Customer: Customer;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ApiKeyCreatePayload: ResolverTypeWrapper<Omit<ApiKeyCreatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  ApiKeyPayload: ResolverTypeWrapper<Omit<ApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  CacheControlScope: CacheControlScope;
  Customer: ResolverTypeWrapper<CustomerModel>;
  CustomerAddressDeletePayload: ResolverTypeWrapper<CustomerAddressDeletePayload>;
  CustomerAddressPayload: ResolverTypeWrapper<Omit<CustomerAddressPayload, 'customerAddress'> & { customerAddress?: Maybe<ResolversTypes['MailingAddress']> }>;
  CustomerDataExport: ResolverTypeWrapper<CustomerDataExport>;
  CustomerDeletePayload: ResolverTypeWrapper<CustomerDeletePayload>;
  CustomerLoginInput: CustomerLoginInput;
  CustomerLoginPayload: ResolverTypeWrapper<Omit<CustomerLoginPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerLogoutPayload: ResolverTypeWrapper<CustomerLogoutPayload>;
  CustomerMfaEnrollPayload: ResolverTypeWrapper<CustomerMfaEnrollPayload>;
  CustomerMfaPayload: ResolverTypeWrapper<Omit<CustomerMfaPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerPasswordChangePayload: ResolverTypeWrapper<Omit<CustomerPasswordChangePayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerPayload: ResolverTypeWrapper<Omit<CustomerPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerRegisterInput: CustomerRegisterInput;
  CustomerRegisterPayload: ResolverTypeWrapper<Omit<CustomerRegisterPayload, 'customer'> & { customer?: Maybe<ResolversTypes['Customer']> }>;
  CustomerRole: CustomerRole;
  CustomerSession: ResolverTypeWrapper<SessionModel>;
  CustomerSessionRevokePayload: ResolverTypeWrapper<CustomerSessionRevokePayload>;
  CustomerUserErrorsPayload: ResolverTypeWrapper<CustomerUserErrorsPayload>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MailingAddress: ResolverTypeWrapper<AddressModel>;
  MailingAddressInput: MailingAddressInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PersistedDocument: ResolverTypeWrapper<PersistedDocument>;
  PersistedDocumentConnection: ResolverTypeWrapper<PersistedDocumentConnection>;
  PersistedDocumentEdge: ResolverTypeWrapper<PersistedDocumentEdge>;
  PersistedDocumentPageInfo: ResolverTypeWrapper<PersistedDocumentPageInfo>;
  PersistedDocumentsPublishInput: PersistedDocumentsPublishInput;
  PersistedDocumentsPublishPayload: ResolverTypeWrapper<PersistedDocumentsPublishPayload>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UserError: ResolverTypeWrapper<UserError>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiKey: ApiKeyModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  ApiKeyCreatePayload: Omit<ApiKeyCreatePayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  ApiKeyPayload: Omit<ApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  Customer: CustomerModel;
  CustomerAddressDeletePayload: CustomerAddressDeletePayload;
  CustomerAddressPayload: Omit<CustomerAddressPayload, 'customerAddress'> & { customerAddress?: Maybe<ResolversParentTypes['MailingAddress']> };
  CustomerDataExport: CustomerDataExport;
  CustomerDeletePayload: CustomerDeletePayload;
  CustomerLoginInput: CustomerLoginInput;
  CustomerLoginPayload: Omit<CustomerLoginPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerLogoutPayload: CustomerLogoutPayload;
  CustomerMfaEnrollPayload: CustomerMfaEnrollPayload;
  CustomerMfaPayload: Omit<CustomerMfaPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerPasswordChangePayload: Omit<CustomerPasswordChangePayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerPayload: Omit<CustomerPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerRegisterInput: CustomerRegisterInput;
  CustomerRegisterPayload: Omit<CustomerRegisterPayload, 'customer'> & { customer?: Maybe<ResolversParentTypes['Customer']> };
  CustomerSession: SessionModel;
  CustomerSessionRevokePayload: CustomerSessionRevokePayload;
  CustomerUserErrorsPayload: CustomerUserErrorsPayload;
  DateTime: Scalars['DateTime']['output'];
  JSON: Scalars['JSON']['output'];
  MailingAddress: AddressModel;
  MailingAddressInput: MailingAddressInput;
  Mutation: Record<PropertyKey, never>;
  PersistedDocument: PersistedDocument;
  PersistedDocumentConnection: PersistedDocumentConnection;
  PersistedDocumentEdge: PersistedDocumentEdge;
  PersistedDocumentPageInfo: PersistedDocumentPageInfo;
  PersistedDocumentsPublishInput: PersistedDocumentsPublishInput;
  PersistedDocumentsPublishPayload: PersistedDocumentsPublishPayload;
  Query: Record<PropertyKey, never>;
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

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  clientName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  costPerSecond?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  safelistOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ApiKeyCreatePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyCreatePayload'] = ResolversParentTypes['ApiKeyCreatePayload']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  key?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type ApiKeyPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKeyPayload'] = ResolversParentTypes['ApiKeyPayload']> = ResolversObject<{
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  addresses?: Resolver<Array<ResolversTypes['MailingAddress']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  defaultAddress?: Resolver<Maybe<ResolversTypes['MailingAddress']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  emailVerified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mfaEnabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['CustomerRole'], ParentType, ContextType>;
}>;

export type CustomerAddressDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerAddressDeletePayload'] = ResolversParentTypes['CustomerAddressDeletePayload']> = ResolversObject<{
  deletedCustomerAddressId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerAddressPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerAddressPayload'] = ResolversParentTypes['CustomerAddressPayload']> = ResolversObject<{
  customerAddress?: Resolver<Maybe<ResolversTypes['MailingAddress']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerDataExportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerDataExport'] = ResolversParentTypes['CustomerDataExport']> = ResolversObject<{
  generatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  json?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CustomerDeletePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerDeletePayload'] = ResolversParentTypes['CustomerDeletePayload']> = ResolversObject<{
  deletedCustomerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerLoginPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerLoginPayload'] = ResolversParentTypes['CustomerLoginPayload']> = ResolversObject<{
  accessToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  mfaRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerLogoutPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerLogoutPayload'] = ResolversParentTypes['CustomerLogoutPayload']> = ResolversObject<{
  success?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerMfaEnrollPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerMfaEnrollPayload'] = ResolversParentTypes['CustomerMfaEnrollPayload']> = ResolversObject<{
  otpauthUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerMfaPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerMfaPayload'] = ResolversParentTypes['CustomerMfaPayload']> = ResolversObject<{
  accessToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  recoveryCodes?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerPasswordChangePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerPasswordChangePayload'] = ResolversParentTypes['CustomerPasswordChangePayload']> = ResolversObject<{
  accessToken?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerPayload'] = ResolversParentTypes['CustomerPayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerRegisterPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerRegisterPayload'] = ResolversParentTypes['CustomerRegisterPayload']> = ResolversObject<{
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerSessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerSession'] = ResolversParentTypes['CustomerSession']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  current?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  device?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CustomerSessionRevokePayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerSessionRevokePayload'] = ResolversParentTypes['CustomerSessionRevokePayload']> = ResolversObject<{
  revokedSessionId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type CustomerUserErrorsPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerUserErrorsPayload'] = ResolversParentTypes['CustomerUserErrorsPayload']> = ResolversObject<{
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

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

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  apiKeyCreate?: Resolver<ResolversTypes['ApiKeyCreatePayload'], ParentType, ContextType, RequireFields<MutationApiKeyCreateArgs, 'name' | 'safelistOnly' | 'scopes'>>;
  apiKeyRevoke?: Resolver<ResolversTypes['ApiKeyPayload'], ParentType, ContextType, RequireFields<MutationApiKeyRevokeArgs, 'id'>>;
  apiKeyUpdate?: Resolver<ResolversTypes['ApiKeyPayload'], ParentType, ContextType, RequireFields<MutationApiKeyUpdateArgs, 'id'>>;
  customerAddressCreate?: Resolver<ResolversTypes['CustomerAddressPayload'], ParentType, ContextType, RequireFields<MutationCustomerAddressCreateArgs, 'address' | 'setDefault'>>;
  customerAddressDelete?: Resolver<ResolversTypes['CustomerAddressDeletePayload'], ParentType, ContextType, RequireFields<MutationCustomerAddressDeleteArgs, 'id'>>;
  customerAddressUpdate?: Resolver<ResolversTypes['CustomerAddressPayload'], ParentType, ContextType, RequireFields<MutationCustomerAddressUpdateArgs, 'address' | 'id' | 'setDefault'>>;
  customerDefaultAddressUpdate?: Resolver<ResolversTypes['CustomerPayload'], ParentType, ContextType, RequireFields<MutationCustomerDefaultAddressUpdateArgs, 'addressId'>>;
  customerDelete?: Resolver<ResolversTypes['CustomerDeletePayload'], ParentType, ContextType, RequireFields<MutationCustomerDeleteArgs, 'currentPassword'>>;
  customerEmailUpdate?: Resolver<ResolversTypes['CustomerPasswordChangePayload'], ParentType, ContextType, RequireFields<MutationCustomerEmailUpdateArgs, 'currentPassword' | 'email'>>;
  customerEmailVerificationSend?: Resolver<ResolversTypes['CustomerUserErrorsPayload'], ParentType, ContextType>;
  customerEmailVerify?: Resolver<ResolversTypes['CustomerPayload'], ParentType, ContextType, RequireFields<MutationCustomerEmailVerifyArgs, 'token'>>;
  customerLogin?: Resolver<ResolversTypes['CustomerLoginPayload'], ParentType, ContextType, RequireFields<MutationCustomerLoginArgs, 'input'>>;
  customerLogout?: Resolver<ResolversTypes['CustomerLogoutPayload'], ParentType, ContextType>;
  customerMfaConfirm?: Resolver<ResolversTypes['CustomerMfaPayload'], ParentType, ContextType, RequireFields<MutationCustomerMfaConfirmArgs, 'code'>>;
  customerMfaDisable?: Resolver<ResolversTypes['CustomerMfaPayload'], ParentType, ContextType, RequireFields<MutationCustomerMfaDisableArgs, 'code' | 'currentPassword'>>;
  customerMfaEnroll?: Resolver<ResolversTypes['CustomerMfaEnrollPayload'], ParentType, ContextType, Partial<MutationCustomerMfaEnrollArgs>>;
  customerPasswordChange?: Resolver<ResolversTypes['CustomerPasswordChangePayload'], ParentType, ContextType, RequireFields<MutationCustomerPasswordChangeArgs, 'currentPassword' | 'newPassword'>>;
  customerPasswordReset?: Resolver<ResolversTypes['CustomerPayload'], ParentType, ContextType, RequireFields<MutationCustomerPasswordResetArgs, 'newPassword' | 'token'>>;
  customerPasswordResetRequest?: Resolver<ResolversTypes['CustomerUserErrorsPayload'], ParentType, ContextType, RequireFields<MutationCustomerPasswordResetRequestArgs, 'email'>>;
  customerRegister?: Resolver<ResolversTypes['CustomerRegisterPayload'], ParentType, ContextType, RequireFields<MutationCustomerRegisterArgs, 'input'>>;
  customerSessionRevoke?: Resolver<ResolversTypes['CustomerSessionRevokePayload'], ParentType, ContextType, RequireFields<MutationCustomerSessionRevokeArgs, 'id'>>;
  persistedDocumentsPublish?: Resolver<ResolversTypes['PersistedDocumentsPublishPayload'], ParentType, ContextType, RequireFields<MutationPersistedDocumentsPublishArgs, 'input'>>;
}>;

export type PersistedDocumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersistedDocument'] = ResolversParentTypes['PersistedDocument']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersistedDocumentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersistedDocumentConnection'] = ResolversParentTypes['PersistedDocumentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PersistedDocumentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['PersistedDocument']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PersistedDocumentPageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PersistedDocumentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersistedDocumentEdge'] = ResolversParentTypes['PersistedDocumentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PersistedDocument'], ParentType, ContextType>;
}>;

export type PersistedDocumentPageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersistedDocumentPageInfo'] = ResolversParentTypes['PersistedDocumentPageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PersistedDocumentsPublishPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersistedDocumentsPublishPayload'] = ResolversParentTypes['PersistedDocumentsPublishPayload']> = ResolversObject<{
  clientName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  published?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  customerDataExport?: Resolver<ResolversTypes['CustomerDataExport'], ParentType, ContextType>;
  customerSessions?: Resolver<Array<ResolversTypes['CustomerSession']>, ParentType, ContextType>;
  me?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  persistedDocuments?: Resolver<ResolversTypes['PersistedDocumentConnection'], ParentType, ContextType, RequireFields<QueryPersistedDocumentsArgs, 'clientName' | 'first'>>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  ApiKeyCreatePayload?: ApiKeyCreatePayloadResolvers<ContextType>;
  ApiKeyPayload?: ApiKeyPayloadResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerAddressDeletePayload?: CustomerAddressDeletePayloadResolvers<ContextType>;
  CustomerAddressPayload?: CustomerAddressPayloadResolvers<ContextType>;
  CustomerDataExport?: CustomerDataExportResolvers<ContextType>;
  CustomerDeletePayload?: CustomerDeletePayloadResolvers<ContextType>;
  CustomerLoginPayload?: CustomerLoginPayloadResolvers<ContextType>;
  CustomerLogoutPayload?: CustomerLogoutPayloadResolvers<ContextType>;
  CustomerMfaEnrollPayload?: CustomerMfaEnrollPayloadResolvers<ContextType>;
  CustomerMfaPayload?: CustomerMfaPayloadResolvers<ContextType>;
  CustomerPasswordChangePayload?: CustomerPasswordChangePayloadResolvers<ContextType>;
  CustomerPayload?: CustomerPayloadResolvers<ContextType>;
  CustomerRegisterPayload?: CustomerRegisterPayloadResolvers<ContextType>;
  CustomerSession?: CustomerSessionResolvers<ContextType>;
  CustomerSessionRevokePayload?: CustomerSessionRevokePayloadResolvers<ContextType>;
  CustomerUserErrorsPayload?: CustomerUserErrorsPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  MailingAddress?: MailingAddressResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PersistedDocument?: PersistedDocumentResolvers<ContextType>;
  PersistedDocumentConnection?: PersistedDocumentConnectionResolvers<ContextType>;
  PersistedDocumentEdge?: PersistedDocumentEdgeResolvers<ContextType>;
  PersistedDocumentPageInfo?: PersistedDocumentPageInfoResolvers<ContextType>;
  PersistedDocumentsPublishPayload?: PersistedDocumentsPublishPayloadResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
}>;

// The domain objects the repositories return and the resolvers map to the schema.
export type CustomerRole = 'CUSTOMER' | 'ADMIN';

export interface Customer {
  id: string;
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  role: CustomerRole;
  emailVerifiedAt: string | null;
  /** The confirmed TOTP secret, encrypted; null when MFA is off. */
  mfaSecretEnc: string | null;
  /** A secret enrolled but not yet confirmed with a code. */
  mfaPendingSecretEnc: string | null;
  mfaEnabledAt: string | null;
  /** The last TOTP time step accepted, so no code is accepted twice. */
  mfaLastUsedStep: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Address {
  id: string;
  customerId: string;
  firstName: string | null;
  lastName: string | null;
  address1: string;
  address2: string | null;
  city: string;
  province: string | null;
  zip: string;
  countryCode: string;
  phone: string | null;
  isDefault: boolean;
  createdAt: string;
}

export type AddressFields = Omit<Address, 'id' | 'customerId' | 'isDefault' | 'createdAt'>;

export interface ApiKey {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  /** The client whose published documents the key runs. */
  clientName: string | null;
  /** Held to its client's published documents, sent by hash. */
  safelistOnly: boolean;
  /** The rate its cost bucket refills at; the gateway's partner default when null. */
  costPerSecond: number | null;
  createdBy: string | null;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** One operation of a partner's published manifest; `id` is the SHA-256 of `body`, in hex. */
export interface PersistedDocument {
  id: string;
  name: string | null;
  type: 'query' | 'mutation';
  body: string;
}

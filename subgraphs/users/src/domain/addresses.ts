// A shopper's address book: bounded fields, ISO country codes, checked states and ZIP codes, one default.
import {
  assertCanAccessOwned,
  checkSubdivision,
  requireCustomer,
  subdivisionCode,
  userError,
  type UserError,
} from '@shop/common';
import type { Context } from '../context';
import { addressesRepo } from '../data/customers';
import type { Address, AddressFields, Customer } from './types';
import {
  boundedText,
  COUNTRY_CODES,
  isUuid,
  MAX_ADDRESS_LINE,
  MAX_CITY,
  MAX_NAME,
  MAX_PHONE,
  MAX_PROVINCE,
  MAX_ZIP,
} from './validation';

export const MAX_ADDRESSES = 50;

export interface AddressInput {
  firstName?: string | null;
  lastName?: string | null;
  address1: string;
  address2?: string | null;
  city: string;
  province?: string | null;
  zip: string;
  countryCode: string;
  phone?: string | null;
}

/** Validates an address; returns the cleaned fields or the userErrors under `path`. */
export function checkAddress(
  input: AddressInput,
  path: string[],
): { fields: AddressFields | null; errors: UserError[] } {
  const errors: UserError[] = [];
  const f = (name: string) => [...path, name];
  const firstName = boundedText(
    input.firstName,
    { field: f('firstName'), max: MAX_NAME, label: 'First name' },
    errors,
  );
  const lastName = boundedText(
    input.lastName,
    { field: f('lastName'), max: MAX_NAME, label: 'Last name' },
    errors,
  );
  const address1 = boundedText(
    input.address1,
    { field: f('address1'), max: MAX_ADDRESS_LINE, label: 'Address', required: true },
    errors,
  );
  const address2 = boundedText(
    input.address2,
    { field: f('address2'), max: MAX_ADDRESS_LINE, label: 'Address line 2' },
    errors,
  );
  const city = boundedText(
    input.city,
    { field: f('city'), max: MAX_CITY, label: 'City', required: true },
    errors,
  );
  const province = boundedText(
    input.province,
    { field: f('province'), max: MAX_PROVINCE, label: 'Province' },
    errors,
  );
  const zip = boundedText(
    input.zip,
    { field: f('zip'), max: MAX_ZIP, label: 'Postal code', required: true },
    errors,
  );
  const phone = boundedText(input.phone, { field: f('phone'), max: MAX_PHONE, label: 'Phone' }, errors);
  if (phone && !/^\+?[0-9 ().\-/]{3,32}$/.test(phone)) {
    errors.push(userError('INVALID', 'Enter a phone number of digits, spaces and + ( ) - . /', f('phone')));
  }
  const countryCode = input.countryCode.trim().toUpperCase();
  if (!COUNTRY_CODES.has(countryCode)) {
    errors.push(
      userError(
        'INVALID_COUNTRY_CODE',
        'Use an ISO 3166-1 alpha-2 country code, such as US.',
        f('countryCode'),
      ),
    );
  }
  // The same check as at checkout, so a saved address is one a checkout accepts.
  if (!errors.length && zip) errors.push(...checkSubdivision({ countryCode, province, zip }, path));
  if (errors.length || !address1 || !city || !zip) return { fields: null, errors };
  return {
    fields: {
      firstName,
      lastName,
      address1,
      address2,
      city,
      province: subdivisionCode(countryCode, province) ?? province,
      zip,
      countryCode,
      phone,
    },
    errors,
  };
}

export interface AddressPayload {
  customerAddress: Address | null;
  userErrors: UserError[];
}

export async function createAddress(
  ctx: Context,
  input: AddressInput,
  setDefault: boolean,
): Promise<AddressPayload> {
  const principal = requireCustomer(ctx.principal);
  const { fields, errors } = checkAddress(input, ['address']);
  if (!fields) return { customerAddress: null, userErrors: errors };
  const result = await ctx.deps.db.transaction(async (tx) => {
    // Serialises a shopper's concurrent creations so the limit and "first is default" hold.
    await tx.query(`SELECT 1 FROM customers WHERE id = $1 FOR UPDATE`, [principal.customerId]);
    const count = await addressesRepo.countFor(tx, principal.customerId);
    if (count >= MAX_ADDRESSES) return null;
    const address = await addressesRepo.insert(tx, principal.customerId, fields);
    if (setDefault || count === 0) await addressesRepo.setDefault(tx, address.id, principal.customerId);
    return { ...address, isDefault: setDefault || count === 0 };
  });
  if (!result) {
    return {
      customerAddress: null,
      userErrors: [
        userError('ADDRESS_LIMIT', `An account can hold at most ${MAX_ADDRESSES} addresses.`, ['address']),
      ],
    };
  }
  return { customerAddress: result, userErrors: [] };
}

/** The address if the caller may change it; FORBIDDEN alike for another's address and a missing one. */
async function ownedAddress(ctx: Context, id: string): Promise<Address> {
  requireCustomer(ctx.principal);
  const address = isUuid(id) ? await addressesRepo.byId(ctx.deps.db, id) : null;
  assertCanAccessOwned(ctx.principal, address?.customerId);
  return address!;
}

export async function updateAddress(
  ctx: Context,
  id: string,
  input: AddressInput,
  setDefault: boolean,
): Promise<AddressPayload> {
  const existing = await ownedAddress(ctx, id);
  const { fields, errors } = checkAddress(input, ['address']);
  if (!fields) return { customerAddress: null, userErrors: errors };
  const updated = await ctx.deps.db.transaction(async (tx) => {
    const address = await addressesRepo.update(tx, id, existing.customerId, fields);
    if (address && setDefault) await addressesRepo.setDefault(tx, id, existing.customerId);
    return address && { ...address, isDefault: address.isDefault || setDefault };
  });
  if (!updated)
    return {
      customerAddress: null,
      userErrors: [userError('NOT_FOUND', 'This address no longer exists.', ['id'])],
    };
  return { customerAddress: updated, userErrors: [] };
}

export async function deleteAddress(
  ctx: Context,
  id: string,
): Promise<{ deletedCustomerAddressId: string | null; userErrors: UserError[] }> {
  const existing = await ownedAddress(ctx, id);
  await addressesRepo.delete(ctx.deps.db, id, existing.customerId);
  return { deletedCustomerAddressId: id, userErrors: [] };
}

export async function setDefaultAddress(
  ctx: Context,
  id: string,
): Promise<{ customer: Customer | null; userErrors: UserError[] }> {
  const existing = await ownedAddress(ctx, id);
  await ctx.deps.db.transaction((tx) => addressesRepo.setDefault(tx, id, existing.customerId));
  ctx.loaders.addressesByCustomer.clear(existing.customerId);
  const customer = await ctx.loaders.customerById.load(existing.customerId);
  return { customer, userErrors: [] };
}

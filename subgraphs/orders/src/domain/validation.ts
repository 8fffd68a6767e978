// Checks a shopper's email and address before anything is stored; failures become userErrors.
import { checkSubdivision, userError, type UserError } from '@shop/common';

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

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** A real ISO 3166-1 alpha-2 code: ICU names it (an unknown code comes back unchanged). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
}

export function validateEmail(email: string, field: string[]): UserError[] {
  if (email.length > 254 || !EMAIL.test(email))
    return [userError('INVALID_EMAIL', 'Enter a valid email address.', field)];
  return [];
}

const LIMITS: [keyof AddressInput, number, boolean][] = [
  ['firstName', 100, false],
  ['lastName', 100, false],
  ['address1', 200, true],
  ['address2', 200, false],
  ['city', 100, true],
  ['province', 100, false],
  ['zip', 20, true],
  ['phone', 40, false],
];

/**
 * Shape, lengths and country; then, for a country taxed per subdivision (US and Canada, and any country
 * `taxedBySubdivision` names because the tax table has rates per subdivision for it), a valid ISO 3166-2 province.
 */
export function validateAddress(
  address: AddressInput,
  field: string[],
  taxedBySubdivision?: ReadonlySet<string>,
): UserError[] {
  const errors: UserError[] = [];
  for (const [key, max, required] of LIMITS) {
    // eslint-disable-next-line security/detect-object-injection -- key comes from the constant LIMITS list
    const value = address[key];
    if (value === undefined || value === null) continue;
    if (required && value.trim() === '')
      errors.push(userError('INVALID_ADDRESS', `${key} is required.`, [...field, key]));
    else if (value.length > max)
      errors.push(userError('INVALID_ADDRESS', `${key} is at most ${max} characters.`, [...field, key]));
  }
  if (!isCountryCode(address.countryCode)) {
    errors.push(
      userError('INVALID_ADDRESS', 'countryCode must be an ISO 3166-1 alpha-2 code, such as US.', [
        ...field,
        'countryCode',
      ]),
    );
  }
  // Tax depends on the state or province: an unknown one is refused, never taxed at the country's rate.
  if (!errors.length) errors.push(...checkSubdivision(address, field, taxedBySubdivision));
  return errors;
}

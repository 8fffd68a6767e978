// Input rules shared by every flow: email normalisation, string bounds, ISO country codes, ids.
import { userError, type UserError } from '@shop/common';

export const MAX_EMAIL = 254;
export const MAX_NAME = 100;
export const MAX_ADDRESS_LINE = 200;
export const MAX_CITY = 100;
export const MAX_PROVINCE = 100;
export const MAX_ZIP = 20;
export const MAX_PHONE = 32;

/** Trimmed and lower-cased: one mailbox is one account however it is typed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A pragmatic address check (the WHATWG `input type=email` rule, plus a dot in the domain):
 * the real check is the verification email.
 */
const EMAIL_SHAPE =
  // eslint-disable-next-line security/detect-unsafe-regex -- linear: each repeated label starts with a dot and is bounded to 63 characters, and the address is at most 254
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

export function isValidEmail(normalised: string): boolean {
  if (normalised.length > MAX_EMAIL) return false;
  const at = normalised.lastIndexOf('@');
  if (at < 1 || at > 64) return false;
  return EMAIL_SHAPE.test(normalised);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** ISO 3166-1 alpha-2, the 249 officially assigned codes. */
export const COUNTRY_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

/** Control characters have no place in a name or an address line (they break emails and labels). */
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Trims an optional text field and checks its bounds; pushes a userError and returns undefined when it fails.
 * `required` fields must be non-empty after trimming.
 */
export function boundedText(
  value: string | null | undefined,
  options: { field: string[]; max: number; required?: boolean; label: string },
  errors: UserError[],
): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) {
    if (options.required) errors.push(userError('BLANK', `${options.label} is required.`, options.field));
    return null;
  }
  if (trimmed.length > options.max) {
    errors.push(
      userError('TOO_LONG', `${options.label} must be at most ${options.max} characters.`, options.field),
    );
    return null;
  }
  if (CONTROL.test(trimmed)) {
    errors.push(
      userError('INVALID', `${options.label} contains characters that are not allowed.`, options.field),
    );
    return null;
  }
  return trimmed;
}

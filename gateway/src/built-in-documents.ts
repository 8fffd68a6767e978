// The documents every caller may run whatever SAFELIST_MODE says: the sign-in, so that an admin (or a shopper)
// can get a session on a gateway that enforces the safelist, where no client's manifest need hold it.
import { parse, print } from 'graphql';
import { documentHash } from '@shop/auth';

/** The sign-in, as `print` writes it: sent by its SHA-256, or as its text in any layout. */
export const SIGN_IN_DOCUMENT = print(
  parse(`mutation SignIn($input: CustomerLoginInput!) {
    customerLogin(input: $input) { accessToken expiresAt mfaRequired userErrors { code field message } }
  }`),
);

const BY_HASH = new Map([[documentHash(SIGN_IN_DOCUMENT), SIGN_IN_DOCUMENT]]);
/** Longer texts are not parsed to compare: none of the built-in documents is near this long. */
const LONGEST = 1000;

/** The built-in document named by `hash`, or written as `text` (compared as printed, so layout does not matter). */
export function builtInDocument(hash: string | null, text: string | undefined): string | null {
  if (hash) return BY_HASH.get(hash) ?? null;
  if (text === undefined || text.length > LONGEST) return null;
  let printed: string;
  try {
    printed = print(parse(text, { noLocation: true, maxTokens: 200 }));
  } catch {
    return null;
  }
  return BY_HASH.get(documentHash(printed)) ?? null;
}

// The client a request names in Apollo's `apollographql-client-name` header. A caller whose key does not tie it to
// one client runs that client's published documents (the shop's storefront names itself so); naming none, or a
// name that is not a client name, it runs any client's.
import type { HeaderMap } from '@apollo/server';

const CLIENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function namedClient(headers: HeaderMap): string | null {
  const name = headers.get('apollographql-client-name')?.trim();
  return name && CLIENT_NAME.test(name) ? name : null;
}

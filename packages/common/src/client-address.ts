// The key a per-client-address limit counts under. One IPv6 subscriber is handed a whole /64 (RFC 6177), so
// counting each /128 apart would give anyone with a home connection or a VPS 2^64 fresh addresses.
import ipaddr from 'ipaddr.js';

/** An IPv4 address as it is (an IPv4-mapped IPv6 one unwrapped); an IPv6 one as its /64 network. */
export function clientAddressKey(clientIp: string): string {
  if (!ipaddr.isValid(clientIp)) return clientIp;
  const address = ipaddr.parse(clientIp);
  if (address.kind() === 'ipv4') return address.toString();
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  const network = [...v6.parts.slice(0, 4), 0, 0, 0, 0];
  return `${new ipaddr.IPv6(network).toString()}/64`;
}

// POSTs to a tool's webhook URL. In production the connection may only go to a public address: the check
// runs on the address DNS actually returned, at connect time, so a name that resolves (or re-resolves) to a
// private address is refused, not just a private-looking name.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateHost } from './webhooks';

type BaseLookup = (
  hostname: string,
  options: { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

export class PrivateAddressError extends Error {
  constructor() {
    super('the webhook host resolves to a private address');
  }
}

/** A `lookup` for sockets that fails when any address the name resolves to is loopback, private or link-local. */
export function publicOnlyLookup(base: BaseLookup = dnsLookup as unknown as BaseLookup): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      if (!addresses.length || addresses.some((a) => isPrivateHost(a.address))) {
        return callback(new PrivateAddressError(), '', 0);
      }
      const wantsAll = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
      if (wantsAll) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Resolves to the response status, or null when no answer came (refused, timed out, private address). */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; publicOnly: boolean },
): Promise<number | null> {
  const target = new URL(url);
  // Sockets skip the lookup for an address literal, so a literal is checked here.
  if (options.publicOnly && isIP(target.hostname.replace(/^\[|\]$/g, '')) && isPrivateHost(target.hostname)) {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        timeout: options.timeoutMs,
        ...(options.publicOnly ? { lookup: publicOnlyLookup() } : {}),
      },
      (res) => {
        // Redirects are not followed: a 3xx is an answer, and counts as a failed delivery.
        res.resume();
        resolve(res.statusCode ?? null);
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
    req.end(body);
  });
}

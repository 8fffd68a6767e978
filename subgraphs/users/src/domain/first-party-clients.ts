// The shop's own clients published at start: FIRST_PARTY_MANIFESTS names each client and its manifest file
// (`storefront=/path/to/persisted-query-manifest.json`), so a gateway that enforces its safelist runs the shop's
// storefront from its first request. Publishing is idempotent: an unchanged manifest changes nothing.
import { readFileSync } from 'node:fs';
import type { Logger } from '@shop/common';
import { publishManifest } from './persisted-documents';

export interface FirstPartyManifest {
  clientName: string;
  path: string;
}

/** `name=path` pairs, comma-separated. */
export function parseFirstPartyManifests(spec: string | undefined): FirstPartyManifest[] {
  if (!spec?.trim()) return [];
  return spec.split(',').map((entry) => {
    const at = entry.indexOf('=');
    const clientName = entry.slice(0, at).trim();
    const path = entry.slice(at + 1).trim();
    if (at < 1 || !path) throw new Error(`FIRST_PARTY_MANIFESTS: "${entry}" is not client=path`);
    return { clientName, path };
  });
}

/** Publishes each manifest as its client's; one that cannot be read or is refused is logged, not fatal. */
export async function publishFirstPartyManifests(
  deps: Parameters<typeof publishManifest>[0] & { logger: Logger },
  manifests: FirstPartyManifest[],
): Promise<void> {
  for (const { clientName, path } of manifests) {
    let manifest: unknown;
    try {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- FIRST_PARTY_MANIFESTS is the operator's configuration
      manifest = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      deps.logger.error({ err: error, clientName, path }, 'a first-party manifest could not be read');
      continue;
    }
    const result = await publishManifest(deps, { clientName, manifest, firstParty: true });
    if (result.userErrors.length)
      deps.logger.error(
        { clientName, userErrors: result.userErrors.slice(0, 3) },
        'a first-party manifest was refused',
      );
    else deps.logger.info({ clientName, published: result.published }, 'first-party documents published');
  }
}

// Browser tests run on Debian's Chromium. A machine without it skips them with one plain line;
// CI installs it, and there a missing browser fails the run instead of skipping.
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every browser test launches Chromium with (no sandbox as root, no calls home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `describe`, or `describe.skip` with one line saying why, when Chromium is missing outside CI. */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH) || process.env.CI === 'true') {
    describe(name, body);
    return;
  }
  process.stdout.write(`skipped: "${name}" needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium)\n`);
  describe.skip(name, body);
}

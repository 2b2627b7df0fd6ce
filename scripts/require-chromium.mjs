import { chromiumPath, missingChromiumMessage } from './chromium.mjs';

if (!chromiumPath) {
  console.error(missingChromiumMessage);
  process.exit(1);
}

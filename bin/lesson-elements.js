#!/usr/bin/env node
// The `lesson-elements` command. The CLI itself is built to dist/cli.js from src/cli/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('run npm run build first');
  process.exit(2);
}
try {
  const { main } = await import(cli.href);
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // A bug in the CLI, not in the lesson: "could not run" (2), never "invalid" (1).
  console.error(error);
  process.exitCode = 2;
}

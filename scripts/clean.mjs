// Removes build output so a build never ships files whose source is gone.
import { rm } from 'node:fs/promises';
import { root } from './elements.mjs';
import { join } from 'node:path';

for (const path of ['dist', 'custom-elements.json']) await rm(join(root, path), { recursive: true, force: true });

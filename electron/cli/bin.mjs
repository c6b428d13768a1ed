#!/usr/bin/env node
// The package's `bin`, and what `npm run serve` runs: the program compiled to plain JavaScript
// (out/cli/), built first when there is no build or a source is newer than it. It runs in this
// same process — no loader, no child — so a stop signal reaches the program itself.
import { pathToFileURL } from 'node:url';
import { ensureCliBuilt } from './build-cli.mjs';

await import(pathToFileURL(await ensureCliBuilt()).href);

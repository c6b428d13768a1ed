#!/usr/bin/env node
// The package's `bin`: the program is TypeScript run as it is, so tsx's loader goes in first.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');

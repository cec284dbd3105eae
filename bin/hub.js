#!/usr/bin/env node
// The installed `hub` command: runs the TypeScript sources through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
process.env.HUB_BIN = '1';
await import('../src/main.ts');

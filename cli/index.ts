#!/usr/bin/env node
// Entry of the `telltale` bin (bundled to dist/cli/index.js). All behaviour lives in program.ts.
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2));

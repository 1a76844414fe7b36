/** `telltale cloudtrail …`: see README "CLI". Flags are parsed here; all behaviour lives in shared/. */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';

export function registerCloudtrail(_program: Command, _io: CliIO): void {}

/** What `telltale demo` shows of this capability, in order. */
export const cloudtrailDemo: DemoSection[] = [];

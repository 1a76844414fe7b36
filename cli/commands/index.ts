/**
 * Every subcommand, registered in the order `telltale --help` lists them. Each capability owns one
 * module here; a module only parses flags and calls `shared/`.
 */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import { registerDemo, type DemoSection } from './demo.ts';
import { egressDemo, registerEgress } from './egress.ts';
import { commentDemo, registerComment } from './comment.ts';
import { auditDemo, registerAudit } from './audit.ts';
import { cloudtrailDemo, registerCloudtrail } from './cloudtrail.ts';

export function registerCommands(program: Command, io: CliIO): void {
  registerEgress(program, io);
  registerComment(program, io);
  registerAudit(program, io);
  registerCloudtrail(program, io);
  registerDemo(program, io, demoSections);
}

/** The demo walks the capabilities in the order a user meets them. */
const demoSections: DemoSection[] = [...egressDemo, ...commentDemo, ...auditDemo, ...cloudtrailDemo];

/**
 * `telltale demo`: runs every landed capability on the samples bundled in `samples/` and prints
 * what a user would see. Each capability contributes one section; the samples are made by
 * `scripts/make-samples/*` from the test harnesses (real clients, real images) and committed.
 */
import type { Command } from 'commander';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../io.ts';
import { examples } from '../help.ts';

export interface DemoSection {
  title: string;
  /** Prints the section; `samples` is the absolute path of the bundled `samples/` folder. */
  run: (samples: string, io: CliIO) => Promise<void>;
}

/** `samples/` beside `cli/` in the sources and beside `dist/` in the bundle: both are two levels up. */
export function samplesDir(): string {
  // Not `new URL('../../samples/', import.meta.url)`: webpack (inside ncc) would treat that as an
  // asset to copy into dist/. TELLTALE_SAMPLES lets a packaged install point elsewhere.
  const here = path.dirname(fileURLToPath(import.meta.url));
  return process.env.TELLTALE_SAMPLES ?? path.resolve(here, '..', '..', 'samples');
}

export function registerDemo(program: Command, io: CliIO, sections: readonly DemoSection[]): void {
  program
    .command('demo')
    .description('run every capability on the bundled sample data and print the results')
    .addHelpText('after', examples([['npx telltale demo', 'everything, on the samples shipped with the package']]))
    .action(async () => {
      const samples = samplesDir();
      for (const section of sections) {
        io.stdout(`\n=== ${section.title} ===\n\n`);
        await section.run(samples, io);
      }
    });
}

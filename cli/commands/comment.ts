/** `telltale comment …`: see README "CLI". Flags are parsed here; all behaviour lives in shared/. */
import type { Command } from 'commander';
import { appendFile, readFile } from 'node:fs/promises';
import { InputError } from '../../shared/util/errors.ts';
import type { CliIO } from '../io.ts';
import type { DemoSection } from './demo.ts';
import { examples } from '../help.ts';

interface CommentFlags {
  bodyFile: string;
  key: string;
  pr?: string;
}

export function registerComment(program: Command, io: CliIO): void {
  program
    .command('comment')
    .description('create or update one sticky pull request comment per key (token from GITHUB_TOKEN)')
    .addHelpText(
      'after',
      examples([
        ['telltale comment --body-file egress.md --key egress --pr 42', 'post or update the egress comment on PR 42'],
      ]),
    )
    .requiredOption('--body-file <file>', 'Markdown to post ("-" is not supported: write it to a file first)')
    .requiredOption('--key <key>', 'which sticky comment to create or update, e.g. egress or audit')
    .option('--pr <number>', 'pull request number (default: from the event in GITHUB_EVENT_PATH)')
    .action(async (flags: CommentFlags) => {
      let body: string;
      try {
        body = await readFile(flags.bodyFile, 'utf8');
      } catch (error) {
        throw new InputError(`cannot read the comment body: ${(error as Error).message}`, {
          location: { file: flags.bodyFile },
        });
      }
      let pr: number | undefined;
      if (flags.pr !== undefined) {
        if (!/^[1-9]\d*$/.test(flags.pr)) throw new InputError(`--pr: '${flags.pr}' is not a pull request number`);
        pr = Number(flags.pr);
      }
      const token = process.env.GITHUB_TOKEN;
      if (!token) {
        throw new InputError('GITHUB_TOKEN is not set', {
          hint: 'in a workflow: env: { GITHUB_TOKEN: ${{ github.token }} } and permissions: pull-requests: write',
        });
      }
      const { commentTargetFromRun, publishComment } = await import('../../shared/github/comments.ts');
      const { readRunContext } = await import('../../shared/github/context.ts');
      const run = readRunContext();
      const target = commentTargetFromRun(run, pr);
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      const outcome = await publishComment({
        token,
        apiUrl: run.apiUrl,
        target,
        key: flags.key,
        body,
        // Outside a job there is no summary: the body and the reason go to stderr instead.
        summary: async (markdown) => {
          if (summaryFile) await appendFile(summaryFile, `${markdown}\n`);
          else io.stderr(markdown);
        },
        log: (message) => io.stderr(`telltale: ${message}\n`),
      });
      if (outcome.posted) io.stdout(`${outcome.action} ${outcome.url}\n`);
      else io.stdout(`not posted (${outcome.reason}): ${summaryFile ? 'written to the job summary' : 'see above'}\n`);
    });
}

/** What `telltale demo` shows of this capability, in order (the egress section shows a comment body). */
export const commentDemo: DemoSection[] = [];

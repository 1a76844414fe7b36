/**
 * The DNS resolvers block mode keeps reachable: every `nameserver` of /etc/resolv.conf and, when the
 * host runs systemd-resolved (resolv.conf then names only its stub, 127.0.0.53), of
 * /run/systemd/resolve/resolv.conf too, which lists the upstream servers the stub asks and Docker
 * hands to containers. Block mode never replaces a resolver: it only reads what the host uses.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Resolvers } from './ruleset.ts';

export const RESOLV_CONF_FILES = ['/etc/resolv.conf', '/run/systemd/resolve/resolv.conf'];

/** The `nameserver` addresses of resolv.conf text (resolv.conf(5)); a zone index (`%eth0`) is dropped. */
export function parseNameservers(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^\s*nameserver\s+(\S+)/.exec(line);
    const address = m?.[1]?.replace(/%.*$/, '');
    if (address && isIP(address) && !out.includes(address)) out.push(address);
  }
  return out;
}

export function readResolvers(files: readonly string[] = RESOLV_CONF_FILES): Resolvers {
  const all = files.flatMap((file) => {
    try {
      return parseNameservers(readFileSync(file, 'utf8'));
    } catch {
      return [];
    }
  });
  const unique = [...new Set(all)];
  return { v4: unique.filter((a) => isIP(a) === 4), v6: unique.filter((a) => isIP(a) === 6) };
}

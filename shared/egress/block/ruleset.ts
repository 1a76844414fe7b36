/**
 * Block mode's firewall, as nftables script text: pure functions from the allow-list to the ruleset
 * `nft -f -` loads, and to the elements the DNS follower adds as answers arrive.
 *
 * One table of our own (`table inet telltale_<id>`, both address families in one table), so removing
 * block mode is one `delete table` that cannot touch anybody else's rules (Docker's, podman's, the
 * runner image's). Its two base chains, `output` (the host's own connections) and `forward`
 * (containers on the host's bridges), accept new TCP/UDP flows to an allowed address, port and
 * transport; everything else is logged to NFLOG (`log group N`, which `tcpdump -i nflog:N` records;
 * `queue-threshold 1` sends each log at once rather than batched for up to a second, so the refusals
 * of a job's last second are not lost when block mode ends)
 * and refused at once: a TCP reset, or ICMP administratively prohibited for UDP (RFC 792 type 3 code
 * 13 / RFC 4443 type 1 code 1) — never a silent drop that stalls the job until a timeout.
 *
 * Beside it, `queueRules` steers two kinds of packet to the follower (./follower-script.ts) before
 * the verdict chains see them (mangle runs at priority -150, the filter chains at 0):
 * - every DNS answer from a configured resolver (or from loopback: systemd-resolved, dnsmasq) waits
 *   in the DNS queue until the follower has put its addresses in the allow sets. That closes the race
 *   between an answer and the client's SYN (docs/egress-policy.md, "Block mode", has the measurement);
 * - the first packet of every new outbound TCP/UDP flow waits in the connection queue while the
 *   follower names the process that owns its socket; an accepted packet continues to the next base
 *   chain of the hook (netfilter's NF_ACCEPT), the verdict chain.
 * `--queue-bypass`: when no follower is bound, packets pass on to the verdict chain instead of being
 * dropped, so a follower that died cannot make DNS fail; its exit removes the firewall anyway.
 */
import type { ManifestEntry, PortRange } from '../manifest/manifest.ts';

export interface Resolvers {
  v4: string[];
  v6: string[];
}

export interface BlockNumbers {
  /** NFLOG group the refused connections are logged to. */
  logGroup: number;
  /** NFQUEUE number holding DNS answers. */
  dnsQueue: number;
  /** NFQUEUE number holding the first packet of new flows for process attribution. */
  connectionQueue: number;
}

/** A host entry as the follower needs it: the pattern and the `proto . ports` set keys it allows. */
export interface FollowedHost {
  /** The manifest's `allow[index]`, or a negative index for the runner's own endpoints. */
  index: number;
  host: string;
  /** `tcp . 443`, `udp . 443`, `tcp . 8000-8100`: appended to an address to make a set element. */
  elements: string[];
}

export interface BlockPlan extends BlockNumbers {
  table: string;
  hosts: FollowedHost[];
  /** CIDR entries: static elements (`10.0.0.0/8 . tcp . 5432`), by family. */
  static4: string[];
  static6: string[];
  resolvers: Resolvers;
}

/** `proto . ports` keys for an entry: no transport means both, no ports means every port. */
export function entryKeys(entry: Pick<ManifestEntry, 'ports' | 'transport'>): string[] {
  const transports = entry.transport ? [entry.transport] : ['tcp', 'udp'];
  const ports: PortRange[] = entry.ports ?? [{ from: 0, to: 65535 }];
  return transports.flatMap((t) =>
    ports.map((p) => `${t} . ${p.from === p.to ? String(p.from) : `${p.from}-${p.to}`}`),
  );
}

export function planBlock(
  table: string,
  entries: readonly ManifestEntry[],
  resolvers: Resolvers,
  numbers: BlockNumbers,
): BlockPlan {
  const hosts: FollowedHost[] = [];
  const static4: string[] = [];
  const static6: string[] = [];
  for (const entry of entries) {
    const keys = entryKeys(entry);
    if (entry.host) hosts.push({ index: entry.index, host: entry.host, elements: keys });
    if (entry.cidr) {
      const into = entry.cidr.family === 'ipv4' ? static4 : static6;
      for (const key of keys) into.push(`${entry.cidr.text} . ${key}`);
    }
  }
  return { table, hosts, static4, static6, resolvers, ...numbers };
}

const set = (name: string, type: string, flags: string, elements: readonly string[]) =>
  `  set ${name} {\n    type ${type}\n${flags ? `    flags ${flags}\n` : ''}` +
  (elements.length ? `    elements = { ${elements.join(', ')} }\n` : '') +
  '  }\n';

const chain = (name: string, hook: string, priority: string, rules: readonly string[]) =>
  `  chain ${name} {\n    type filter hook ${hook} priority ${priority}; policy accept;\n` +
  rules.map((r) => `    ${r}\n`).join('') +
  '  }\n';

/** The whole table; loading it with `nft -f -` is atomic (all of it or nothing). */
export function buildRuleset(plan: BlockPlan): string {
  const l4 = 'meta l4proto { tcp, udp }';
  const verdict = (via: string) => [
    'ct state != new accept',
    'meta l4proto != { tcp, udp } accept',
    `${l4} ip daddr @resolvers4 th dport 53 accept`,
    `${l4} ip6 daddr @resolvers6 th dport 53 accept`,
    'ip daddr . meta l4proto . th dport @allow4 accept',
    'ip6 daddr . meta l4proto . th dport @allow6 accept',
    'ip daddr . meta l4proto . th dport @static4 accept',
    'ip6 daddr . meta l4proto . th dport @static6 accept',
    `log group ${plan.logGroup} queue-threshold 1 prefix "telltale:${via}"`,
    'meta l4proto tcp reject with tcp reset',
    'reject with icmpx admin-prohibited',
  ];
  const key = 'inet_proto . inet_service';
  return (
    `table inet ${plan.table} {\n` +
    set('allow4', `ipv4_addr . ${key}`, 'interval, timeout', []) +
    set('allow6', `ipv6_addr . ${key}`, 'interval, timeout', []) +
    set('static4', `ipv4_addr . ${key}`, 'interval', plan.static4) +
    set('static6', `ipv6_addr . ${key}`, 'interval', plan.static6) +
    set('resolvers4', 'ipv4_addr', '', plan.resolvers.v4) +
    set('resolvers6', 'ipv6_addr', '', plan.resolvers.v6) +
    chain('output', 'output', 'filter', ['oifname "lo" accept', ...verdict('output')]) +
    // Connections into a container (published ports, DNAT) are not egress.
    chain('forward', 'forward', 'filter', ['ct status dnat accept', ...verdict('forward')]) +
    '}\n'
  );
}

/** One iptables(-nft) invocation: the binary and its arguments. */
export type QueueCommand = ['iptables' | 'ip6tables', ...string[]];

/**
 * The queue steering, as iptables commands (table `mangle`, chains of our own hooked first into
 * OUTPUT, INPUT and FORWARD, priority mangle = -150, before the verdict chains). Why iptables and not
 * an nft `queue` statement in our table: that statement needs the kernel's nft_queue module, which
 * some kernels do not build (this project's test machines among them), while the xt NFQUEUE target
 * iptables-nft uses is built nearly everywhere; both end up as rules in the same nftables core.
 */
export function queueRules(
  plan: BlockPlan,
  options: { connections?: boolean } = {},
): { setup: QueueCommand[]; teardown: QueueCommand[] } {
  // Without the connection queue (only to measure the race), new flows go straight to the verdict.
  const steerConnections = options.connections ?? true;
  const setup: QueueCommand[] = [];
  const teardown: QueueCommand[] = [];
  const id = plan.table.slice('telltale_'.length);
  const queue = (n: number) => ['-j', 'NFQUEUE', '--queue-num', String(n), '--queue-bypass'];
  const families = [
    { tool: 'iptables', resolvers: plan.resolvers.v4, loopback: '127.0.0.0/8' },
    { tool: 'ip6tables', resolvers: plan.resolvers.v6, loopback: '::1/128' },
  ] as const;
  for (const { tool, resolvers, loopback } of families) {
    const chains = { OUTPUT: `TELLTALE-${id}-OUT`, INPUT: `TELLTALE-${id}-IN`, FORWARD: `TELLTALE-${id}-FWD` };
    const add = (chainName: string, ...rule: string[]) => setup.push([tool, '-t', 'mangle', '-A', chainName, ...rule]);
    for (const name of Object.values(chains)) setup.push([tool, '-t', 'mangle', '-N', name]);
    const newFlows = (chainName: string) => {
      for (const r of resolvers)
        for (const p of ['udp', 'tcp']) add(chainName, '-d', r, '-p', p, '--dport', '53', '-j', 'RETURN');
      if (!steerConnections) return;
      add(chainName, '-p', 'tcp', '--syn', '-m', 'conntrack', '--ctstate', 'NEW', ...queue(plan.connectionQueue));
      add(chainName, '-p', 'udp', '-m', 'conntrack', '--ctstate', 'NEW', ...queue(plan.connectionQueue));
    };
    const answers = (chainName: string, sources: readonly string[]) => {
      for (const s of sources)
        for (const p of ['udp', 'tcp']) add(chainName, '-s', s, '-p', p, '--sport', '53', ...queue(plan.dnsQueue));
    };
    add(chains.OUTPUT, '-o', 'lo', '-j', 'RETURN');
    newFlows(chains.OUTPUT);
    // Answers from the resolvers, and from a resolver on this host (systemd-resolved, dnsmasq).
    answers(chains.INPUT, [...resolvers, loopback]);
    answers(chains.FORWARD, resolvers);
    add(chains.FORWARD, '-m', 'conntrack', '--ctstate', 'DNAT', '-j', 'RETURN');
    newFlows(chains.FORWARD);
    for (const [hook, name] of Object.entries(chains)) {
      setup.push([tool, '-t', 'mangle', '-I', hook, '1', '-j', name]);
      teardown.push([tool, '-t', 'mangle', '-D', hook, '-j', name]);
    }
    for (const name of Object.values(chains)) {
      teardown.push([tool, '-t', 'mangle', '-F', name]);
      teardown.push([tool, '-t', 'mangle', '-X', name]);
    }
  }
  return { setup, teardown };
}

/** Removes the table (and so every rule and set of block mode); an absent table is not an error. */
export function deleteRuleset(table: string): string {
  // `destroy` (nft >= 1.0.8) ignores a missing table; `delete` after an `add` works on older nft too.
  return `add table inet ${table}\ndelete table inet ${table}\n`;
}

/** Table names are ours alone: `telltale_` and 8 hex digits. */
export const TABLE_PATTERN = /^telltale_[0-9a-f]{8}$/;

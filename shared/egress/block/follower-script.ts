/**
 * The follower: the one long-running process of block mode, started detached in the egress action's
 * `main` (or by `telltale egress run`) and stopped in `post`. Python 3 with its standard library only
 * (no native addon, nothing to build): its `socket` module speaks AF_NETLINK / NETLINK_NETFILTER, which
 * is all an NFQUEUE client needs (linux/netfilter/nfnetlink_queue.h: bind with NFQNL_MSG_CONFIG, read
 * NFQNL_MSG_PACKET, answer NFQNL_MSG_VERDICT).
 *
 * What it does with each queued packet:
 * - a DNS answer (RFC 1035 §4.1; TCP with its two-byte length, §4.2.2): for every A/AAAA record whose
 *   name, or a CNAME on the way to it, a manifest host entry matches, it adds `address . proto . port`
 *   elements to the allow sets with a timeout from the record's TTL, clamped; only then is the answer
 *   released to the client. Each answer is logged to block-dns.jsonl (the names of blocked addresses).
 * - the first packet of a new flow: it finds the socket in /proc/<pid>/net/{tcp,udp}{,6} (the host's
 *   namespace first, then each container's), the process holding that socket inode in /proc/*\/fd
 *   (processes started in the last seconds first, then earlier owners), and logs pid, executable,
 *   command line and container id to block-connections.jsonl once per flow; then releases the packet
 *   to the verdict chain. Packets already waiting are taken as one batch and share one walk of /proc, so a burst of
 *   new flows (a parallel build, a browser) is not held once per flow; a retried packet of a flow
 *   already logged (unreplied UDP stays NEW in conntrack) is released without a walk.
 * Each queue has its own thread, so a held first packet never waits behind the DNS queue's nft runs
 * (one per drained batch of answers), and the follower raises its own priority: the job's load must
 * not hold its packets long enough for a client to give up on a socket before it is attributed.
 * On SIGTERM, SIGINT, SIGHUP or any exit it removes the queue steering and the table itself, so a
 * job cancelled between `main` and `post` leaves no firewall behind; `post` removes both again.
 *
 * Host matching is shared/egress/manifest/match.ts's rule, restated in Python (three lines) because
 * the follower runs alone, outside Node.
 */
export const FOLLOWER_SCRIPT = String.raw`import json, os, signal, socket, struct, subprocess, sys, threading, time, re

# Two netfilter queues, spoken over plain netlink (linux/netfilter/nfnetlink_queue.h), Python stdlib only:
#  - the DNS queue holds every DNS answer until the allow sets carry its addresses, then releases it,
#    so a client that connects right after its answer is never refused (the race);
#  - the connection queue holds the first packet of every new outbound TCP/UDP flow while /proc names
#    the process that owns its socket, then releases it to the verdict chain.
# It removes the firewall table itself on SIGTERM/SIGINT/SIGHUP or any exit.
config = json.load(open(sys.argv[1]))
TABLE = config['table']
DIR = config['dir']

def nft(script):
    r = subprocess.run(['nft', '-f', '-'], input=script, text=True, capture_output=True)
    return r.returncode == 0, r.stderr.strip()

done = False
def remove_table():
    # The queue steering first (nothing waits for a follower that is leaving), then the table.
    global done
    if done: return
    done = True
    for command in config['teardown']:
        subprocess.run(command, capture_output=True)
    nft('add table inet %s\ndelete table inet %s\n' % (TABLE, TABLE))

def on_signal(signum, frame):
    remove_table()
    os._exit(0)
for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(s, on_signal)

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG = 0, 1, 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS = 1, 2
NFQNL_CFG_CMD_BIND = 1
NFQA_PACKET_HDR, NFQA_VERDICT_HDR, NFQA_PAYLOAD = 1, 2, 10
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2
NF_ACCEPT = 1

def attr(kind, data):
    n = 4 + len(data)
    return struct.pack('=HH', n, kind) + data + b'\0' * ((4 - n % 4) % 4)

def message(kind, queue, attrs, flags=NLM_F_REQUEST):
    body = struct.pack('=BBH', 0, 0, socket.htons(queue)) + b''.join(attrs)
    return struct.pack('=IHHII', 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | kind, flags, 0, 0) + body

def open_queue(queue):
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    sock.bind((0, 0))
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_CMD, struct.pack('=BxH', NFQNL_CFG_CMD_BIND, 0))], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock, 'bind queue %d' % queue)
    # copy mode 2 = NFQNL_COPY_PACKET, up to 65535 bytes
    sock.send(message(NFQNL_MSG_CONFIG, queue, [attr(NFQA_CFG_PARAMS, struct.pack('>IB', 65535, 2))], NLM_F_REQUEST | NLM_F_ACK))
    check_ack(sock, 'configure queue %d' % queue)
    return sock

def check_ack(sock, what):
    data = sock.recv(65536)
    length, kind = struct.unpack_from('=IH', data, 0)
    if kind == NLMSG_ERROR:
        (error,) = struct.unpack_from('=i', data, 16)
        if error != 0:
            sys.stderr.write('telltale block: could not %s: errno %d\n' % (what, -error))
            sys.exit(3)

def verdict(sock, queue, packet_id):
    sock.send(message(NFQNL_MSG_VERDICT, queue, [attr(NFQA_VERDICT_HDR, struct.pack('>II', NF_ACCEPT, packet_id))]))

def packets(data):
    off = 0
    while off + 16 <= len(data):
        length, kind = struct.unpack_from('=IH', data, off)
        if length < 16: break
        if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
            packet_id, payload = None, None
            a = off + 20
            while a + 4 <= off + length:
                alen, atype = struct.unpack_from('=HH', data, a)
                if alen < 4: break
                atype &= 0x7fff
                if atype == NFQA_PACKET_HDR: (packet_id,) = struct.unpack_from('>I', data, a + 4)
                elif atype == NFQA_PAYLOAD: payload = data[a + 4:a + alen]
                a += (alen + 3) & ~3
            if packet_id is not None: yield packet_id, payload or b''
        off += (length + 3) & ~3

# --- IP headers -----------------------------------------------------------------------------
def ip_header(p):
    """(version, src, dst, proto, transport bytes) or None; IPv6 extension headers are not walked."""
    if len(p) < 20: return None
    v = p[0] >> 4
    if v == 4:
        ihl = (p[0] & 15) * 4
        return 4, socket.inet_ntop(socket.AF_INET, p[12:16]), socket.inet_ntop(socket.AF_INET, p[16:20]), p[9], p[ihl:]
    if v == 6 and len(p) >= 40:
        return 6, socket.inet_ntop(socket.AF_INET6, p[8:24]), socket.inet_ntop(socket.AF_INET6, p[24:40]), p[6], p[40:]
    return None

# --- DNS answers (RFC 1035 §4.1) --------------------------------------------------------------
def read_name(m, o, depth=0):
    labels = []
    jumps = 0
    end = None
    while True:
        if o >= len(m): raise ValueError('name past end')
        n = m[o]
        if n == 0:
            o += 1
            break
        if n & 0xc0 == 0xc0:  # RFC 1035 §4.1.4 compression pointer
            if o + 1 >= len(m): raise ValueError('pointer past end')
            if end is None: end = o + 2
            o = ((n & 0x3f) << 8) | m[o + 1]
            jumps += 1
            if jumps > 32: raise ValueError('pointer loop')
            continue
        labels.append(m[o + 1:o + 1 + n].decode('ascii', 'replace').lower())
        o += 1 + n
    return '.'.join(labels), (end if end is not None else o)

def dns_answers(m):
    """(question name, [(owner, type, ttl, value)]) of a DNS response, or None."""
    if len(m) < 12: return None
    flags, qd, an = struct.unpack_from('>HHH', m, 2)
    if not flags & 0x8000 or qd < 1: return None
    o = 12
    qname = None
    for _ in range(qd):
        name, o = read_name(m, o)
        if qname is None: qname = name
        o += 4
    records = []
    for _ in range(an):
        owner, o = read_name(m, o)
        rtype, _cls, ttl, rdlen = struct.unpack_from('>HHIH', m, o)
        o += 10
        rdata = m[o:o + rdlen]
        if rtype == 1 and rdlen == 4: records.append((owner, 'A', ttl, socket.inet_ntop(socket.AF_INET, rdata)))
        elif rtype == 28 and rdlen == 16: records.append((owner, 'AAAA', ttl, socket.inet_ntop(socket.AF_INET6, rdata)))
        elif rtype == 5: records.append((owner, 'CNAME', ttl, read_name(m, o)[0]))
        o += rdlen
    return qname, records

def dns_messages(ip):
    version, src, dst, proto, t = ip
    if proto == 17 and len(t) >= 8: return [t[8:]]
    if proto == 6 and len(t) >= 20:
        data = t[(t[12] >> 4) * 4:]
        out = []
        while len(data) >= 2:  # RFC 1035 §4.2.2: two-byte length before each message
            n = struct.unpack_from('>H', data)[0]
            if len(data) < 2 + n: break
            out.append(data[2:2 + n]); data = data[2 + n:]
        return out
    return []

def host_matches(pattern, name):
    # The same rule as shared/egress/manifest/match.ts hostMatches: '*.x' covers deeper names, not x.
    if pattern.startswith('*.'):
        return len(name) > len(pattern) - 1 and name.endswith(pattern[1:])
    return name == pattern

# Sets written to: (family, key) -> expiry, so an answer seen again only refreshes a stale element.
added = {}
dns_log = open(os.path.join(DIR, 'block-dns.jsonl'), 'a', buffering=1)
conn_log = open(os.path.join(DIR, 'block-connections.jsonl'), 'a', buffering=1)
TTL_MIN, TTL_MAX = config['ttlMin'], config['ttlMax']
HOLD = config.get('hold', True)

def allow_answer(msg, now, commands):
    """Appends to commands the set updates one answer needs, and logs its records."""
    parsed = dns_answers(msg)
    if not parsed: return
    qname, records = parsed
    names = {qname}
    # CNAME chain: every alias in the answer names the addresses at its end.
    for owner, rtype, ttl, value in records:
        if rtype == 'CNAME': names.add(value); names.add(owner)
    for owner, rtype, ttl, address in records:
        if rtype not in ('A', 'AAAA'): continue
        timeout = max(TTL_MIN, min(TTL_MAX, ttl))
        allowed = []
        for entry in config['hosts']:
            if not any(host_matches(entry['host'], n) for n in names): continue
            allowed.append(entry['index'])
            family = 4 if rtype == 'A' else 6
            for element in entry['elements']:
                key = '%s . %s' % (address, element)
                expiry = added.get((family, key), 0)
                if expiry - now > timeout / 2: continue
                added[(family, key)] = now + timeout
                s = 'allow%d' % family
                # add, delete, add: refreshes the timeout whether or not the element exists.
                commands.append('add element inet %s %s { %s }\ndelete element inet %s %s { %s }\nadd element inet %s %s { %s timeout %ds }\n' % (TABLE, s, key, TABLE, s, key, TABLE, s, key, timeout))
        dns_log.write(json.dumps({'time': now * 1000, 'name': qname, 'owner': owner, 'address': address, 'ttl': ttl, 'allowedBy': allowed}) + '\n')

# --- process attribution (/proc) -----------------------------------------------------------------
recent = []  # pids that owned sockets before, tried right after the young ones

def hex_addr(text, family):
    if family == 4:
        return socket.inet_ntop(socket.AF_INET, struct.pack('<I', int(text, 16)))
    raw = bytes.fromhex(text)
    return socket.inet_ntop(socket.AF_INET6, b''.join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))

def find_inode(pid, proto, family, src, sport, dst, dport):
    name = ('tcp' if proto == 6 else 'udp') + ('6' if family == 6 else '')
    fallback = None
    try:
        lines = open('/proc/%s/net/%s' % (pid, name)).read().splitlines()[1:]
    except OSError:
        return None
    # TIME_WAIT sockets pile up in these tables on a busy job: look at a line only when it holds the port.
    needle = ':%04X ' % sport
    for line in lines:
        if needle not in line: continue
        f = line.split()
        if len(f) < 10: continue
        la, lp = f[1].split(':'); ra, rp = f[2].split(':')
        if int(lp, 16) != sport: continue
        laddr = hex_addr(la, family)
        if laddr not in (src, '0.0.0.0', '::') and not laddr.endswith(':' + src): continue
        if int(rp, 16) == dport and hex_addr(ra, family).replace('::ffff:', '') == dst.replace('::ffff:', ''):
            return int(f[9])
        if int(rp, 16) == 0: fallback = int(f[9])  # an unconnected UDP socket: sendto()
    return fallback

# NETLINK_SOCK_DIAG (linux/inet_diag.h): ask the kernel for the one socket of a five-tuple. Reading
# /proc/net/tcp instead costs ~7 ms once a busy job has left 1,500 TIME_WAIT sockets in it.
NETLINK_SOCK_DIAG, SOCK_DIAG_BY_FAMILY = 4, 20
try:
    diag = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_SOCK_DIAG)
except OSError:
    diag = None

def diag_inode(proto, family, src, sport, dst, dport):
    if diag is None: return None
    af = socket.AF_INET if family == 4 else socket.AF_INET6
    def addr(a):
        b = socket.inet_pton(af, a)
        return b + b'\0' * (16 - len(b))
    # inet_diag_req_v2 {family, protocol, ext, pad, states} + inet_diag_sockid {sport, dport, src, dst, if, cookie}
    req = struct.pack('=BBBBI', af, proto, 0, 0, 0xffffffff) + struct.pack('>HH', sport, dport) + addr(src) + addr(dst) + struct.pack('=III', 0, 0xffffffff, 0xffffffff)
    try:
        diag.send(struct.pack('=IHHII', 16 + len(req), SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, 0, 0) + req)
        data = diag.recv(65536)
    except OSError:
        return None
    if len(data) < 88 or struct.unpack_from('=H', data, 4)[0] != SOCK_DIAG_BY_FAMILY: return None  # NLMSG_ERROR: none
    # inet_diag_msg: 4 bytes of state, the 48-byte sockid, expires, rqueue, wqueue, uid, then inode
    return struct.unpack_from('=I', data, 16 + 4 + 48 + 16)[0] or None

def proc_pids():
    try: return [p for p in os.listdir('/proc') if p.isdigit()]
    except OSError: return []

# When each pid was first seen (0: before the job). A process started in the last seconds is the
# likeliest owner of a new flow; pid numbers cannot say which those are once they wrap (pid_max is
# 32768 on many runners).
first_seen = dict.fromkeys(proc_pids(), 0.0)
YOUNG = 30.0

def look_at_pids(now):
    """(young pids, newest first; every pid): one listdir of /proc per batch that needs it."""
    pids = proc_pids()
    seen = {p: first_seen.get(p, now) for p in pids}
    first_seen.clear(); first_seen.update(seen)
    young = sorted((p for p in pids if now - seen[p] < YOUNG), key=lambda p: seen[p], reverse=True)
    return young, pids

try: MY_NETNS = os.readlink('/proc/self/ns/net')
except OSError: MY_NETNS = None
namespaces = {}  # another network namespace -> one pid in it
namespaces_walked = [0.0]

def netns_pids(view, now):
    """One pid per other network namespace: /proc/PID/net/* shows that namespace's sockets. Every
    pid's namespace is read at most every few seconds (thousands of readlinks on a busy runner); in
    between only young processes are, and a new container's first process is one of them."""
    young, pids = view()
    if now - namespaces_walked[0] > 5:
        namespaces.clear(); namespaces_walked[0] = now
        candidates = pids
    else:
        candidates = young
    for pid in candidates:
        try: ns = os.readlink('/proc/%s/ns/net' % pid)
        except OSError: continue
        if ns != MY_NETNS and ns not in namespaces: namespaces[ns] = pid
    for ns, pid in list(namespaces.items()):
        if not os.path.exists('/proc/' + pid): del namespaces[ns]
    return list(namespaces.values())

def owners_of(inodes, view):
    """inode -> pid for every socket inode asked for, in one walk of /proc/*/fd however many there are
    (a burst of new flows costs one walk, not one each). Young processes go first, then pids that
    owned sockets before, then the rest, highest pid first."""
    targets = {'socket:[%d]' % inode: inode for inode in inodes}
    found = {}
    if not targets: return found
    young, pids = view()
    alive = set(pids)
    owners = [p for p in recent if p in alive]
    tried = set(young).union(owners)
    others = sorted((p for p in pids if p not in tried), key=int, reverse=True)
    for pid in young + [p for p in owners if p not in young] + others:
        try: fds = os.listdir('/proc/%s/fd' % pid)
        except OSError: continue
        for fd in fds:
            try: link = os.readlink('/proc/%s/fd/%s' % (pid, fd))
            except OSError: continue
            inode = targets.pop(link, None)
            if inode is None: continue
            found[inode] = pid
            if pid in recent: recent.remove(pid)
            recent.insert(0, pid)
            del recent[64:]
        if not targets: break
    return found

CONTAINER_RE = re.compile(r'(?:libpod-|docker-|/docker/|/libpod_parent/|crio-)([0-9a-f]{12,64})')

def describe(pid):
    out = {'pid': int(pid)}
    try: out['exe'] = os.readlink('/proc/%s/exe' % pid)
    except OSError: pass
    try:
        argv = open('/proc/%s/cmdline' % pid, 'rb').read().split(b'\0')
        out['cmdline'] = ' '.join(a.decode('utf8', 'replace') for a in argv if a)[:1000]
    except OSError: pass
    try:
        m = CONTAINER_RE.search(open('/proc/%s/cgroup' % pid).read())
        if m: out['container'] = m.group(1)[:12]
    except OSError: pass
    return out

# Flows already logged: five-tuple -> [socket inode or None, last seen]. Conntrack keeps an unreplied
# UDP flow NEW, so every retried datagram of a QUIC Initial comes back to this queue, and so does a
# retransmitted SYN; they are the flow already logged, named by the socket seen first even when the
# client has closed it since (a refused QUIC attempt closes at once).
flows = {}
FLOW_KEEP = 120.0

def socket_inode(version, proto, src, sport, dst, dport, view, now):
    # Our own namespace first (the host's sockets); containers' namespaces only when it has none.
    inode = diag_inode(proto, version, src, sport, dst, dport) if proto == 6 else None
    if inode is None: inode = find_inode('self', proto, version, src, sport, dst, dport)
    if inode is None:
        for ns_pid in netns_pids(view, now):
            inode = find_inode(ns_pid, proto, version, src, sport, dst, dport)
            if inode is not None: break
    return inode

def attribute(ips, now):
    """Logs the new flows among a batch of first packets, with the process behind each."""
    fresh = []
    # /proc is listed only if this batch needs it: a batch of retries found in our namespace does not.
    looked = []
    def view():
        if not looked: looked.append(look_at_pids(now))
        return looked[0]
    for ip in ips:
        version, src, dst, proto, t = ip
        if proto not in (6, 17) or len(t) < 4: continue
        sport, dport = struct.unpack_from('>HH', t)
        key = (proto, src, sport, dst, dport)
        inode = socket_inode(version, proto, src, sport, dst, dport, view, now)
        known = flows.get(key)
        if known and now - known[1] < FLOW_KEEP and (inode is None or inode == known[0]):
            known[1] = now
            continue
        flows[key] = [inode, now]
        record = {'time': now * 1000, 'transport': 'tcp' if proto == 6 else 'udp', 'src': src, 'sport': sport, 'dst': dst, 'dport': dport}
        fresh.append((record, inode))
    owners = owners_of({inode for _, inode in fresh if inode is not None}, view)
    for record, inode in fresh:
        pid = owners.get(inode)
        if pid: record['process'] = describe(pid)
        conn_log.write(json.dumps(record) + '\n')
    if len(flows) > 8192:
        for key in [k for k, v in flows.items() if now - v[1] >= FLOW_KEEP]: del flows[key]

def drain(sock, first):
    """The packets of one recv and of every message already waiting behind it (bounded)."""
    out = list(packets(first))
    for _ in range(64):
        try: data = sock.recv(1 << 20, socket.MSG_DONTWAIT)
        except (BlockingIOError, InterruptedError): break
        out.extend(packets(data))
    return out

def follow_dns(sock):
    # Every answer of one drained batch goes into one nft run: a fork of nft costs milliseconds on a
    # busy runner, and a burst of lookups (a parallel build resolving its registries) must not pay it
    # once per answer before the first of them is released.
    while True:
        batch = drain(sock, sock.recv(1 << 20))
        now = time.time()
        commands = []
        for packet_id, payload in batch:
            if not HOLD: verdict(sock, config['dnsQueue'], packet_id)
            ip = ip_header(payload)
            try:
                for msg in (dns_messages(ip) if ip else []): allow_answer(msg, now, commands)
            except (ValueError, struct.error, IndexError) as error:
                sys.stderr.write('telltale block: undecodable DNS answer: %s\n' % error)
        if commands:
            ok, err = nft(''.join(commands))
            if not ok: sys.stderr.write('telltale block: set update failed: %s\n' % err)
        if HOLD:
            for packet_id, _ in batch: verdict(sock, config['dnsQueue'], packet_id)

def follow_connections(sock):
    # Its own thread, so a held first packet never waits behind the DNS queue's nft runs: a client
    # whose SYN is held long enough gives up on it (curl's happy eyeballs opens the other family after
    # 200 ms and closes the loser), and a socket closed before /proc is read cannot be attributed.
    while True:
        batch = drain(sock, sock.recv(1 << 20))
        try:
            attribute([ip for ip in (ip_header(p) for _, p in batch) if ip], time.time())
        finally:
            for packet_id, _ in batch: verdict(sock, config['connectionQueue'], packet_id)

def run(follow, sock):
    # A follower thread that fails takes the whole process (and with it the firewall) down, through
    # the main thread's signal handler, rather than leaving one queue held with nobody answering.
    try: follow(sock)
    except BaseException as error:
        sys.stderr.write('telltale block: follower failed: %r\n' % (error,))
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGTERM)

try:
    # Every packet of the job waits on this process: a job that loads every core must not starve it.
    try: os.nice(-10)
    except OSError: pass
    dns_sock = open_queue(config['dnsQueue'])
    conn_sock = open_queue(config['connectionQueue'])
    threads = [threading.Thread(target=run, args=(f, s), daemon=True)
               for f, s in ((follow_dns, dns_sock), (follow_connections, conn_sock))]
    for t in threads: t.start()
    open(os.path.join(DIR, 'block-follower.ready'), 'w').write(str(os.getpid()))
    # The main thread only waits: Python delivers signals to it alone.
    while all(t.is_alive() for t in threads): time.sleep(1)
finally:
    remove_table()
`;

/** The follower's configuration file (block-follower.json), written by ./state.ts. */
export interface FollowerConfig {
  table: string;
  dir: string;
  dnsQueue: number;
  connectionQueue: number;
  hosts: { index: number; host: string; elements: string[] }[];
  /** Clamp of a DNS record's TTL, in seconds, for the allow-set element it creates. */
  ttlMin: number;
  ttlMax: number;
  /** Hold DNS answers until the sets are updated (default); false only to measure the race. */
  hold: boolean;
  /** Commands that remove the queue steering (run before the table is deleted). */
  teardown: string[][];
}

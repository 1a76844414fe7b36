export const id = 476;
export const ids = [476];
export const modules = {

/***/ 9537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ findMatch)
/* harmony export */ });
/* unused harmony export hostMatches */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Does a manifest entry allow an observed endpoint? Pure functions over plain data.
 *
 * Names: a `host:` that is an IP literal matches that address; an exact host matches case-insensitively, ignoring a trailing dot; `*.suffix` matches one or
 * more labels under `suffix` but not `suffix` itself (as TLS wildcards would not, and unlike
 * bullfrog's glob which also surprises users at the apex). Addresses: `node:net`'s BlockList does
 * the CIDR arithmetic for both families, including IPv4-mapped IPv6 addresses.
 */

function hostMatches(pattern, host) {
    const name = host.toLowerCase().replace(/\.$/, '');
    if (pattern.startsWith('*.')) {
        const suffix = pattern.slice(1); // ".example.com"
        return name.length > suffix.length && name.endsWith(suffix);
    }
    return name === pattern;
}
/** Whether `address` is the same address as the literal `literal` (either family, any spelling). */
function sameAddress(literal, address) {
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    if (!family || !(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(literal))
        return false;
    const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    list.addAddress(literal, (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(literal) === 4 ? 'ipv4' : 'ipv6');
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
function cidrContains(cidr, address) {
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    if (!family)
        return false;
    const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
    return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
function portIndex(entry, port) {
    if (!entry.ports)
        return -1;
    const i = entry.ports.findIndex((r) => port >= r.from && port <= r.to);
    return i === -1 ? undefined : i;
}
/**
 * The first entry that allows the endpoint. `dnsNames(address)` returns names DNS answers in the
 * same reports gave for an address: a connection known only by its IP is allowed when one of those
 * names is an allowed host.
 */
function findMatch(entries, endpoint, dnsNames = () => []) {
    const byAddress = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(endpoint.host) !== 0;
    const addresses = byAddress ? [endpoint.host, ...endpoint.addresses] : endpoint.addresses;
    for (const entry of entries) {
        if (entry.transport && entry.transport !== endpoint.transport)
            continue;
        const index = portIndex(entry, endpoint.port);
        if (index === undefined)
            continue;
        if (entry.host && (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(entry.host)) {
            // `host: 203.0.113.5` is an address, not a name: it matches the endpoint's addresses (a
            // connection to it that nothing named, or a name that resolved to it).
            if (addresses.some((a) => sameAddress(entry.host, a)))
                return { entry, portIndex: index, via: 'host' };
        }
        else if (entry.host) {
            if (!byAddress && hostMatches(entry.host, endpoint.host))
                return { entry, portIndex: index, via: 'host' };
            if (byAddress && addresses.some((a) => dnsNames(a).some((n) => hostMatches(entry.host, n)))) {
                return { entry, portIndex: index, via: 'dns' };
            }
        }
        if (entry.cidr && addresses.some((a) => cidrContains(entry.cidr, a)))
            return { entry, portIndex: index, via: 'cidr' };
    }
    return undefined;
}


/***/ }),

/***/ 7476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPreflight: () => (/* binding */ runPreflight)
});

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

// EXTERNAL MODULE: ./shared/egress/manifest/match.ts
var match = __webpack_require__(9537);
// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./shared/egress/preflight/probe.ts
/**
 * The network side of preflight: DNS, TCP, TLS and one HTTP request, each bounded by a deadline
 * and each failure named the way an operator reads it. A silently dropped SYN (a closed ACL or
 * security group) is a `timeout`; an RST is `refused`; no route is `unreachable`.
 */




/** A failed step: the verdict and the operator-facing detail. */
class ProbeFailure extends Error {
    status;
    constructor(status, detail) {
        super(detail);
        this.status = status;
    }
}
const remaining = (deadline) => Math.max(1, deadline - Date.now());
/**
 * A and AAAA answers (RFC 1035 §3.4.1, RFC 3596) from the configured DNS server, raced against the
 * system resolver (getaddrinfo: /etc/hosts, then DNS), which is what real clients use. Whichever
 * first yields addresses wins, so a name only /etc/hosts knows does not wait out a DNS timeout.
 */
async function resolveAddresses(host, deadline) {
    if ((0,external_node_net_.isIP)(host))
        return [host];
    const resolver = new external_node_dns_.promises.Resolver({ timeout: remaining(deadline), tries: 1 });
    const codes = [];
    const fromDns = Promise.allSettled([resolver.resolve4(host), resolver.resolve6(host)]).then((answers) => {
        const addresses = answers.flatMap((a) => (a.status === 'fulfilled' ? a.value : []));
        for (const a of answers)
            codes.push(a.status === 'rejected' ? (a.reason.code ?? '') : 'ENODATA');
        if (!addresses.length)
            throw new Error('no DNS answer');
        return addresses;
    });
    const fromSystem = withTimeout(external_node_dns_.promises.lookup(host, { all: true }), remaining(deadline)).then((found) => {
        if (!found.length)
            throw new Error('no system answer');
        return found.map((a) => a.address);
    });
    try {
        return await Promise.any([fromDns, fromSystem]);
    }
    catch {
        // Neither answered: the DNS codes below say why.
    }
    finally {
        // The loser may still be waiting on a server; it must not hold the process open.
        resolver.cancel();
    }
    if (codes.includes('ETIMEOUT'))
        throw new ProbeFailure('dns-failed', `DNS: no answer for ${host} before the timeout`);
    if (codes.includes('ENOTFOUND'))
        throw new ProbeFailure('dns-failed', `DNS: ${host} does not exist (NXDOMAIN)`);
    if (codes.length && codes.every((c) => c === 'ENODATA')) {
        throw new ProbeFailure('dns-failed', `DNS: ${host} has no A or AAAA records`);
    }
    throw new ProbeFailure('dns-failed', `DNS: lookup of ${host} failed (${codes.join(', ') || 'no answer'})`);
}
/** Connects to every address at once; the first to answer wins, the rest are closed. */
async function connectAny(addresses, port, deadline) {
    const failures = [];
    return new Promise((resolve, reject) => {
        let settled = false;
        const sockets = [];
        const timer = setTimeout(() => finish(), remaining(deadline));
        const finish = (winner) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            for (const s of sockets)
                if (s !== winner?.socket)
                    s.destroy();
            if (winner)
                return resolve(winner);
            for (const a of addresses) {
                if (!failures.some((f) => f.address === a))
                    failures.push({ address: a, status: 'timeout', detail: 'no answer (packets dropped?)' });
            }
            // The most telling verdict: a refusal proves the host is there; a timeout says nothing answered.
            const order = ['refused', 'unreachable', 'timeout'];
            const status = order.find((s) => failures.some((f) => f.status === s)) ?? 'unreachable';
            reject(new ProbeFailure(status, `TCP ${port}: ${failures.map((f) => `${f.address} ${f.detail}`).join('; ')}`));
        };
        for (const address of addresses) {
            const socket = (0,external_node_net_.connect)({ host: address, port });
            sockets.push(socket);
            socket.once('connect', () => finish({ socket, address }));
            socket.once('error', (error) => {
                failures.push({ address, ...describeSocketError(error) });
                if (failures.length === addresses.length)
                    finish();
            });
        }
        if (!addresses.length)
            finish();
    });
}
function describeSocketError(error) {
    switch (error.code) {
        case 'ECONNREFUSED':
            return { status: 'refused', detail: 'refused (RST)' };
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'EADDRNOTAVAIL':
        case 'EAFNOSUPPORT':
            return { status: 'unreachable', detail: `unreachable (${error.code})` };
        case 'ETIMEDOUT':
            return { status: 'timeout', detail: 'timed out' };
        default:
            return { status: 'unreachable', detail: error.code ?? error.message };
    }
}
/** TLS handshake over the connected socket, verifying the chain and the name (RFC 6125). */
function tlsHandshake(socket, host, deadline) {
    return new Promise((resolve, reject) => {
        const tls = (0,external_node_tls_.connect)({
            socket,
            host,
            ...((0,external_node_net_.isIP)(host) ? {} : { servername: host }),
            ALPNProtocols: ['http/1.1'],
        });
        const timer = setTimeout(() => {
            tls.destroy();
            reject(new ProbeFailure('timeout', 'TLS: no handshake before the timeout'));
        }, remaining(deadline));
        tls.once('secureConnect', () => {
            clearTimeout(timer);
            resolve(tls);
        });
        tls.once('error', (error) => {
            clearTimeout(timer);
            tls.destroy();
            reject(new ProbeFailure('tls-failed', `TLS: ${error.code ? `${error.code}: ` : ''}${error.message}`));
        });
    });
}
/** One GET over an already connected (and, for https, handshaken) socket. */
function httpGet(socket, url, deadline) {
    return new Promise((resolve, reject) => {
        const req = (0,external_node_http_.request)({
            createConnection: () => socket,
            method: 'GET',
            path: `${url.pathname}${url.search}`,
            headers: { host: url.host, 'user-agent': 'telltale-preflight', accept: '*/*', connection: 'close' },
        });
        const timer = setTimeout(() => {
            req.destroy();
            reject(new ProbeFailure('timeout', `HTTP: no response from ${url.href} before the timeout`));
        }, remaining(deadline));
        req.once('response', (res) => {
            clearTimeout(timer);
            const answer = { status: res.statusCode ?? 0 };
            if (typeof res.headers.location === 'string')
                answer.location = res.headers.location;
            res.resume();
            res.destroy();
            socket.destroy();
            resolve(answer);
        });
        req.once('error', (error) => {
            clearTimeout(timer);
            reject(new ProbeFailure('http-failed', `HTTP: ${error.code ?? ''} ${error.message}`.trim()));
        });
        req.end();
    });
}
function withTimeout(promise, ms) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timeout')), ms);
        promise.then((v) => {
            clearTimeout(timer);
            resolve(v);
        }, (e) => {
            clearTimeout(timer);
            reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
}

;// CONCATENATED MODULE: ./shared/egress/preflight/targets.ts
/**
 * What preflight can check in a manifest: every concrete host and port. Wildcards and CIDRs name
 * many endpoints, so they are checked only through their `probe:` URL; port ranges and UDP have no
 * handshake to test and are reported as not checkable rather than silently passed.
 */

/** Ports where a TLS handshake is expected (HTTPS, DoT, IMAPS/POP3S/SMTPS, LDAPS, Kubernetes). */
const TLS_PORTS = new Set([443, 465, 636, 853, 993, 995, 6443, 8443, 9443]);
/** Ports where an HTTP request is expected (plain or over TLS). */
const HTTP_PORTS = new Set([80, 443, 8080, 8443]);
function preflightTargets(entries) {
    const targets = [];
    for (const entry of entries) {
        const name = entry.host ?? entry.cidr?.text ?? '';
        const probe = entry.probe ? new URL(entry.probe) : undefined;
        const probePort = probe ? Number(probe.port || (probe.protocol === 'https:' ? 443 : 80)) : undefined;
        if (entry.transport === 'udp') {
            targets.push({
                host: name,
                port: entry.ports?.[0]?.from ?? 0,
                entry: entry.index,
                tls: false,
                skip: 'UDP has no handshake to check',
            });
            continue;
        }
        const concrete = entry.host && !entry.host.startsWith('*.');
        if (!concrete) {
            if (probe) {
                targets.push(probeTarget(probe, probePort, entry.index));
            }
            else {
                const what = entry.cidr ? 'a CIDR' : 'a wildcard';
                targets.push({
                    host: name,
                    port: entry.ports?.[0]?.from ?? 0,
                    entry: entry.index,
                    tls: false,
                    skip: `${what}: add a probe URL to check it`,
                });
            }
            continue;
        }
        const host = entry.host;
        const ports = entry.ports ?? [{ from: probePort ?? 443, to: probePort ?? 443 }];
        for (const range of ports) {
            if (range.from !== range.to) {
                targets.push({
                    host,
                    port: range.from,
                    entry: entry.index,
                    tls: false,
                    skip: `port range ${range.from}-${range.to}`,
                });
                continue;
            }
            const port = range.from;
            const target = { host, port, entry: entry.index, tls: TLS_PORTS.has(port) };
            if (probe && probePort === port && probe.hostname.toLowerCase() === host) {
                target.url = probe.href;
                target.probe = true;
                target.tls = probe.protocol === 'https:';
            }
            else if (HTTP_PORTS.has(port)) {
                target.url = `${target.tls ? 'https' : 'http'}://${(0,external_node_net_.isIP)(host) === 6 ? `[${host}]` : host}:${port}/`;
            }
            if (!entry.ports)
                target.note = `no ports listed: checked ${port}`;
            targets.push(target);
        }
        // A probe on another host or port than the entry's own is checked on its own.
        if (probe &&
            !(probe.hostname.toLowerCase() === host && ports.some((r) => r.from === probePort && r.to === probePort))) {
            targets.push(probeTarget(probe, probePort, entry.index));
        }
    }
    return targets;
}
function probeTarget(probe, port, entry) {
    return {
        host: probe.hostname.replace(/^\[|\]$/g, '').toLowerCase(),
        port,
        entry,
        tls: probe.protocol === 'https:',
        url: probe.href,
        probe: true,
    };
}

;// CONCATENATED MODULE: ./shared/egress/preflight/preflight.ts
/**
 * Preflight: before a deployment (or a job in block mode) depends on the manifest, check from this
 * host that every endpoint in it answers: DNS, TCP, TLS with certificate and name verification, and
 * an HTTP request with redirects followed. A redirect to a host the manifest does not list is a
 * failure: a client held to the manifest would be stopped there (the release-assets.githubusercontent.com
 * case in the egress notes).
 *
 * Targets run in parallel under a concurrency limit and each has the whole timeout as its budget,
 * so a run takes about one timeout, not the sum.
 */




async function runPreflight(manifest, options) {
    const limit = pLimit(options.concurrency ?? 16);
    const targets = preflightTargets(manifest.entries);
    const results = await Promise.all(targets.map((t) => limit(() => checkTarget(manifest, t, options))));
    return {
        manifest: manifest.file,
        timeoutMs: options.timeoutMs,
        results,
        ok: results.every((r) => r.status === 'ok' || r.status === 'skipped'),
    };
}
async function checkTarget(manifest, target, options) {
    const started = Date.now();
    const result = {
        host: target.host,
        port: target.port,
        status: 'ok',
        detail: '',
        redirects: [],
        addresses: [],
        entry: target.entry,
        ms: 0,
    };
    const finish = (status, detail) => {
        result.status = status;
        result.detail = target.note ? `${detail} (${target.note})` : detail;
        result.ms = Date.now() - started;
        return result;
    };
    if (target.skip)
        return finish('skipped', `not checkable: ${target.skip}`);
    const deadline = started + options.timeoutMs;
    try {
        const { socket, addresses } = await preflight_open(target.host, target.port, target.tls, deadline);
        result.addresses = addresses;
        if (!target.url) {
            socket.destroy();
            return finish('ok', target.tls ? 'TCP and TLS ok' : 'TCP ok');
        }
        return await followHttp(manifest, target, socket, deadline, options.maxRedirects ?? 5, result, finish);
    }
    catch (error) {
        if (error instanceof ProbeFailure)
            return finish(error.status, error.message);
        return finish('unreachable', error.message);
    }
}
async function preflight_open(host, port, tls, deadline) {
    const addresses = await resolveAddresses(host, deadline);
    const { socket } = await connectAny(addresses, port, deadline);
    if (!tls)
        return { socket, addresses };
    return { socket: await tlsHandshake(socket, host, deadline), addresses };
}
async function followHttp(manifest, target, first, deadline, maxRedirects, result, finish) {
    let url = new URL(target.url);
    let socket = first;
    for (let hop = 0;; hop++) {
        if (!socket) {
            const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
            const host = url.hostname.replace(/^\[|\]$/g, '');
            socket = (await preflight_open(host, port, url.protocol === 'https:', deadline)).socket;
        }
        const answer = await httpGet(socket, url, deadline);
        socket = undefined;
        const redirect = answer.status >= 300 && answer.status < 400 && answer.location;
        if (!redirect) {
            // Without a probe URL any answer but a server error shows the endpoint serves; with one, the
            // user named a URL that should work, so a client error fails too.
            const bad = answer.status >= (target.probe ? 400 : 500);
            const via = result.redirects.length ? ` after ${result.redirects.length} redirect(s)` : '';
            return bad
                ? finish('http-failed', `HTTP ${answer.status} from ${url.href}${via}`)
                : finish('ok', `HTTP ${answer.status}${via}`);
        }
        if (hop >= maxRedirects)
            return finish('http-failed', `more than ${maxRedirects} redirects`);
        const next = new URL(answer.location, url);
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
            return finish('http-failed', `redirects to a non-HTTP URL ${next.protocol}`);
        }
        result.redirects.push(next.href);
        const port = Number(next.port || (next.protocol === 'https:' ? 443 : 80));
        const host = next.hostname.replace(/^\[|\]$/g, '').toLowerCase();
        const listed = (0,match/* findMatch */.T)(manifest.entries, { host, port, transport: 'tcp', addresses: [] });
        if (!listed) {
            return finish('http-failed', `redirects to unlisted host ${host}:${port} (${next.href})`);
        }
        url = next;
    }
}


/***/ })

};

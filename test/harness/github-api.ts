/**
 * A stand-in for the GitHub REST API: a real `node:http` server on 127.0.0.1 (random port) that the
 * real Octokit (`getOctokit(token, { baseUrl: api.url })`, or `GITHUB_API_URL=api.url` for a child
 * process) talks to over HTTP. No interception, no module mocks.
 *
 *   const api = await startGitHubApi();
 *   try {
 *     api.addToken('tok-write', { login: 'github-actions[bot]', access: 'write', installation: true });
 *     api.seedComments('octo/app', 7, [{ body: 'hello', login: 'someone' }]);
 *     ... run the code under test with baseUrl api.url and token 'tok-write' ...
 *     api.requests            // every request: method, path (with query), headers, body (parsed JSON)
 *     api.comments('octo/app', 7)
 *   } finally { await api.close(); }
 *
 * Endpoints (paths as on api.github.com; with `prefix: '/api/v3'` as on GitHub Enterprise Server):
 * - GET  /user                                          the token's user. A token made with
 *   `installation: true` (like GITHUB_TOKEN) gets 403 "Resource not accessible by integration", as
 *   the real API answers an installation token.
 * - GET  /repos/{o}/{r}/issues/{n}/comments             paginated (per_page ≤ 100, default 30, page),
 *   with a `Link` header carrying next/prev/first/last, oldest first
 * - POST /repos/{o}/{r}/issues/{n}/comments             {body} → 201 comment
 * - GET|PATCH|DELETE /repos/{o}/{r}/issues/comments/{id}
 * - GET  /repos/{o}/{r}/issues                          filters `state` (open|closed|all, default
 *   open) and `labels` (comma-separated, all must match); paginated like comments
 * - POST /repos/{o}/{r}/issues                          {title, body, labels} → 201 issue
 * - GET|PATCH /repos/{o}/{r}/issues/{n}                 PATCH takes title, body, state, labels
 * - GET  /repos/{o}/{r}/actions/runs/{run}/attempts/{n}/jobs   jobs set with `setJobs`, paginated
 *   (`{ total_count, jobs }`); GET /repos/{o}/{r}/actions/runs/{run}/jobs answers for the latest attempt
 *
 * - GET  /repos/{o}/{r}                                 set with `setRepository` (`private`, `visibility`)
 *
 * Hostile behaviour, switched on with `hostile({...})`:
 * - `echoToken`: every error answer quotes the request's token back in its message, as a careless
 *   or malicious proxy would;
 * - `stall`: requests whose path matches are never answered (a hung API);
 * - `endlessPages`: every paginated answer says there is a next page, for ever.
 *
 * Behaviour worth testing against:
 * - Tokens (`Authorization: token X` or `Bearer X`): unknown or missing → 401 "Bad credentials";
 *   `access: 'read'` (a fork PR's GITHUB_TOKEN) → 403 "Resource not accessible by integration" on
 *   every write (POST/PATCH/DELETE).
 * - Comment and issue bodies over 65,536 characters → 422 "Validation Failed" with GitHub's
 *   "body is too long (maximum is 65536 characters)" error item.
 * - `rateLimitNext(n, kind, retryAfterSeconds)`: the next n requests get
 *   `primary`: 429 with `x-ratelimit-remaining: 0`, `x-ratelimit-reset` and `retry-after`, or
 *   `secondary`: 403 "You have exceeded a secondary rate limit…" with `retry-after`, or
 *   `plain429`: a bare 429 with `retry-after` only.
 * - Anything else → 404 {"message":"Not Found"}. Issue numbers need not exist for comments (pull
 *   requests are issues on GitHub; this server does not model them separately).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path with query string, prefix removed (`/repos/o/r/issues/1/comments?per_page=100`). */
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body parsed, the raw text when it is not JSON, or undefined when empty. */
  body: unknown;
  /** Status the server answered with. */
  status: number;
}

export interface TokenSpec {
  login: string;
  access: 'read' | 'write';
  /** An app installation token (GITHUB_TOKEN is one): GET /user answers 403. */
  installation?: boolean;
}

export interface StoredComment {
  id: number;
  body: string;
  login: string;
  created_at: string;
  updated_at: string;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  login: string;
  created_at: string;
  updated_at: string;
}

export interface JobStep {
  name: string;
  number: number;
  status?: string;
  conclusion?: string | null;
  started_at: string;
  completed_at: string | null;
}

export interface Job {
  id: number;
  name: string;
  status?: string;
  conclusion?: string | null;
  started_at: string;
  completed_at?: string | null;
  steps: JobStep[];
  [extra: string]: unknown;
}

export type RateLimitKind = 'primary' | 'secondary' | 'plain429';

export interface HostileBehaviour {
  echoToken?: boolean;
  stall?: RegExp;
  endlessPages?: boolean;
}

export interface GitHubApi {
  /** Base URL to hand to Octokit (`http://127.0.0.1:PORT` plus the prefix). */
  url: string;
  requests: RecordedRequest[];
  addToken(token: string, spec: TokenSpec): void;
  /** Comments that exist before the code under test runs (ids increase in the given order). */
  seedComments(repo: string, issue: number, comments: { body: string; login: string }[]): StoredComment[];
  comments(repo: string, issue: number): StoredComment[];
  seedIssue(repo: string, issue: Partial<StoredIssue> & { title: string }): StoredIssue;
  issues(repo: string): StoredIssue[];
  setJobs(repo: string, runId: number, attempt: number, jobs: Job[]): void;
  rateLimitNext(count: number, kind: RateLimitKind, retryAfterSeconds?: number): void;
  setRepository(repo: string, fields: { private: boolean; visibility?: 'public' | 'private' | 'internal' }): void;
  hostile(behaviour: HostileBehaviour): void;
  /** Requests that changed something (POST/PATCH/DELETE) and succeeded. */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const MAX_BODY = 65_536;
const DOCS = 'https://docs.github.com/rest';

export async function startGitHubApi(options: { prefix?: string } = {}): Promise<GitHubApi> {
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  const requests: RecordedRequest[] = [];
  const tokens = new Map<string, TokenSpec>();
  const commentsByIssue = new Map<string, StoredComment[]>();
  const commentIndex = new Map<number, { key: string; comment: StoredComment }>();
  const issuesByRepo = new Map<string, StoredIssue[]>();
  const jobsByAttempt = new Map<string, Job[]>();
  let nextCommentId = 1_000_001;
  let clock = Date.parse('2026-01-01T00:00:00Z');
  let limited: { left: number; kind: RateLimitKind; retryAfter: number } = { left: 0, kind: 'primary', retryAfter: 1 };
  let origin = '';
  let hostile: HostileBehaviour = {};
  const repositories = new Map<string, { private: boolean; visibility?: string }>();

  // Timestamps advance one second per write so "updated_at" differs from "created_at" when it should.
  const now = () => new Date((clock += 1000)).toISOString();
  const issueKey = (repo: string, n: number) => `${repo.toLowerCase()}#${n}`;

  const addComment = (repo: string, issue: number, body: string, login: string): StoredComment => {
    const key = issueKey(repo, issue);
    const stamp = now();
    const comment: StoredComment = { id: nextCommentId++, body, login, created_at: stamp, updated_at: stamp };
    const list = commentsByIssue.get(key) ?? [];
    list.push(comment);
    commentsByIssue.set(key, list);
    commentIndex.set(comment.id, { key, comment });
    return comment;
  };

  const issueList = (repo: string) => {
    const key = repo.toLowerCase();
    let list = issuesByRepo.get(key);
    if (!list) issuesByRepo.set(key, (list = []));
    return list;
  };

  const addIssue = (repo: string, fields: Partial<StoredIssue> & { title: string }): StoredIssue => {
    const list = issueList(repo);
    const stamp = now();
    const issue: StoredIssue = {
      number: fields.number ?? list.reduce((max, i) => Math.max(max, i.number), 0) + 1,
      title: fields.title,
      body: fields.body ?? '',
      state: fields.state ?? 'open',
      labels: fields.labels ?? [],
      login: fields.login ?? 'someone',
      created_at: stamp,
      updated_at: stamp,
    };
    list.push(issue);
    return issue;
  };

  const user = (login: string) => ({
    login,
    id: Math.abs(hash(login)),
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
  });

  const commentJson = (repo: string, issue: number, c: StoredComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${origin}/repos/${repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${repo}/pull/${issue}#issuecomment-${c.id}`,
    issue_url: `${origin}/repos/${repo}/issues/${issue}`,
    body: c.body,
    user: user(c.login),
    created_at: c.created_at,
    updated_at: c.updated_at,
    author_association: 'NONE',
  });

  const issueJson = (repo: string, i: StoredIssue) => ({
    id: 5_000_000 + i.number,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    labels: i.labels.map((name) => ({ name })),
    user: user(i.login),
    url: `${origin}/repos/${repo}/issues/${i.number}`,
    html_url: `https://github.com/${repo}/issues/${i.number}`,
    created_at: i.created_at,
    updated_at: i.updated_at,
  });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = undefined;
      if (raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const record: RecordedRequest = {
        method: req.method ?? 'GET',
        path: (req.url ?? '/').slice(prefix.length) || '/',
        headers: req.headers,
        body,
        status: 0,
      };
      requests.push(record);
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        record.status = status;
        if (hostile.echoToken && status >= 400 && json && typeof json === 'object') {
          const given = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
          json = { ...json, message: `${(json as { message?: string }).message ?? ''} (token ${given} was refused)` };
        }
        const text = json === undefined ? '' : JSON.stringify(json);
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'x-github-api-version-selected': '2022-11-28',
          ...headers,
        });
        res.end(text);
      };
      if (hostile.stall?.test(record.path)) return; // never answered; closeAllConnections ends it
      try {
        route(req, record, body, send);
      } catch (error) {
        send(500, { message: `stand-in API bug: ${(error as Error).message}` });
      }
    });
  });

  function route(
    req: IncomingMessage,
    record: RecordedRequest,
    body: unknown,
    send: (status: number, json: unknown, headers?: Record<string, string>) => void,
  ): void {
    if (!(req.url ?? '').startsWith(prefix)) return send(404, { message: 'Not Found', documentation_url: DOCS });
    const url = new URL(record.path, 'http://stand-in');
    const method = record.method;
    const write = method !== 'GET' && method !== 'HEAD';

    if (limited.left > 0) {
      limited.left -= 1;
      const retryAfter = String(limited.retryAfter);
      if (limited.kind === 'secondary') {
        return send(
          403,
          {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
            documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`,
          },
          { 'retry-after': retryAfter },
        );
      }
      if (limited.kind === 'primary') {
        const reset = Math.ceil(Date.now() / 1000) + limited.retryAfter;
        return send(
          429,
          { message: 'API rate limit exceeded for installation.', documentation_url: DOCS },
          {
            'retry-after': retryAfter,
            'x-ratelimit-limit': '1000',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': '1000',
            'x-ratelimit-reset': String(reset),
          },
        );
      }
      return send(429, { message: 'Too Many Requests' }, { 'retry-after': retryAfter });
    }

    const auth = /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const token = auth ? tokens.get(auth[1]!) : undefined;
    if (!token) return send(401, { message: 'Bad credentials', documentation_url: DOCS });
    if (write && token.access !== 'write') {
      return send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `${DOCS}/issues/comments#create-an-issue-comment`,
        status: '403',
      });
    }
    const tooLong = () => {
      const text = (body as { body?: unknown } | undefined)?.body;
      if (typeof text === 'string' && text.length > MAX_BODY) {
        send(422, {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'IssueComment',
              code: 'custom',
              field: 'body',
              message: `body is too long (maximum is ${MAX_BODY} characters)`,
            },
          ],
          documentation_url: DOCS,
          status: '422',
        });
        return true;
      }
      return false;
    };
    const fields = (body ?? {}) as Record<string, unknown>;

    let m: RegExpExecArray | null;
    if (url.pathname === '/user' && method === 'GET') {
      if (token.installation) {
        return send(403, {
          message: 'Resource not accessible by integration',
          documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
          status: '403',
        });
      }
      return send(200, user(token.login));
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)$/.exec(url.pathname)) && method === 'GET') {
      const known = repositories.get(m[1]!.toLowerCase());
      if (!known) return send(404, { message: 'Not Found', documentation_url: DOCS });
      return send(200, {
        full_name: m[1],
        private: known.private,
        visibility: known.visibility ?? (known.private ? 'private' : 'public'),
      });
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname))) {
      const repo = m[1]!;
      const issue = Number(m[2]);
      if (method === 'GET') {
        const list = commentsByIssue.get(issueKey(repo, issue)) ?? [];
        return paginate(url, list, (c) => commentJson(repo, issue, c), send);
      }
      if (method === 'POST') {
        if (typeof fields.body !== 'string') return send(422, { message: 'Invalid request: body is missing' });
        if (tooLong()) return;
        return send(201, commentJson(repo, issue, addComment(repo, issue, fields.body, token.login)));
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname))) {
      const repo = m[1]!;
      const found = commentIndex.get(Number(m[2]));
      if (!found || !found.key.startsWith(`${repo.toLowerCase()}#`)) {
        return send(404, { message: 'Not Found', documentation_url: DOCS });
      }
      const issue = Number(found.key.split('#')[1]);
      if (method === 'GET') return send(200, commentJson(repo, issue, found.comment));
      if (method === 'PATCH') {
        if (typeof fields.body !== 'string') return send(422, { message: 'Invalid request: body is missing' });
        if (tooLong()) return;
        found.comment.body = fields.body;
        found.comment.updated_at = now();
        return send(200, commentJson(repo, issue, found.comment));
      }
      if (method === 'DELETE') {
        const list = commentsByIssue.get(found.key) ?? [];
        list.splice(list.indexOf(found.comment), 1);
        commentIndex.delete(found.comment.id);
        record.status = 204;
        return send(204, undefined);
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues$/.exec(url.pathname))) {
      const repo = m[1]!;
      if (method === 'GET') {
        const state = url.searchParams.get('state') ?? 'open';
        const labels = (url.searchParams.get('labels') ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const list = issueList(repo)
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => labels.every((l) => i.labels.some((x) => x.toLowerCase() === l.toLowerCase())))
          // The real endpoint sorts by creation, newest first.
          .slice()
          .reverse();
        return paginate(url, list, (i) => issueJson(repo, i), send);
      }
      if (method === 'POST') {
        if (typeof fields.title !== 'string' || !fields.title) {
          return send(422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
          });
        }
        if (tooLong()) return;
        const issue = addIssue(repo, {
          title: fields.title,
          body: typeof fields.body === 'string' ? fields.body : '',
          labels: labelNames(fields.labels),
          login: token.login,
        });
        return send(201, issueJson(repo, issue));
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)$/.exec(url.pathname))) {
      const repo = m[1]!;
      const issue = issueList(repo).find((i) => i.number === Number(m![2]));
      if (!issue) return send(404, { message: 'Not Found', documentation_url: DOCS });
      if (method === 'GET') return send(200, issueJson(repo, issue));
      if (method === 'PATCH') {
        if (tooLong()) return;
        if (typeof fields.title === 'string') issue.title = fields.title;
        if (typeof fields.body === 'string') issue.body = fields.body;
        if (fields.state === 'open' || fields.state === 'closed') issue.state = fields.state;
        if (Array.isArray(fields.labels)) issue.labels = labelNames(fields.labels);
        issue.updated_at = now();
        return send(200, issueJson(repo, issue));
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)\/jobs$/.exec(url.pathname))) {
      if (method === 'GET') {
        const jobs = jobsByAttempt.get(`${m[1]!.toLowerCase()}/${m[2]}/${m[3]}`);
        if (!jobs) return send(404, { message: 'Not Found', documentation_url: DOCS });
        return paginate(
          url,
          jobs,
          (j) => j,
          send,
          (items, total) => ({ total_count: total, jobs: items }),
        );
      }
    }
    if ((m = /^\/repos\/([^/]+\/[^/]+)\/actions\/runs\/(\d+)\/jobs$/.exec(url.pathname)) && method === 'GET') {
      // Without an attempt, the real endpoint answers for the latest attempt (filter=latest).
      const prefix = `${m[1]!.toLowerCase()}/${m[2]}/`;
      const attempts = [...jobsByAttempt.keys()]
        .filter((k) => k.startsWith(prefix))
        .map((k) => Number(k.slice(prefix.length)));
      if (!attempts.length) return send(404, { message: 'Not Found', documentation_url: DOCS });
      const jobs = jobsByAttempt.get(`${prefix}${Math.max(...attempts)}`)!;
      return paginate(
        url,
        jobs,
        (j) => j,
        send,
        (items, total) => ({ total_count: total, jobs: items }),
      );
    }
    send(404, { message: 'Not Found', documentation_url: DOCS });
  }

  function paginate<T>(
    url: URL,
    list: readonly T[],
    toJson: (item: T) => unknown,
    send: (status: number, json: unknown, headers?: Record<string, string>) => void,
    wrap: (items: unknown[], total: number) => unknown = (items) => items,
  ): void {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    const items = list.slice((page - 1) * perPage, page * perPage).map(toJson);
    const link = (p: number, rel: string) => {
      const target = new URL(`${origin}${url.pathname}${url.search}`);
      target.searchParams.set('per_page', String(perPage));
      target.searchParams.set('page', String(p));
      return `<${target.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page < last || hostile.endlessPages) links.push(link(page + 1, 'next'), link(Math.max(last, page + 1), 'last'));
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'));
    send(200, wrap(items, list.length), links.length ? { link: links.join(', ') } : {});
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}${prefix}`;

  return {
    url: origin,
    requests,
    addToken: (token, spec) => void tokens.set(token, spec),
    seedComments: (repo, issue, comments) => comments.map((c) => addComment(repo, issue, c.body, c.login)),
    comments: (repo, issue) => [...(commentsByIssue.get(issueKey(repo, issue)) ?? [])],
    seedIssue: (repo, issue) => addIssue(repo, issue),
    issues: (repo) => [...issueList(repo)],
    setJobs: (repo, runId, attempt, jobs) => void jobsByAttempt.set(`${repo.toLowerCase()}/${runId}/${attempt}`, jobs),
    rateLimitNext: (count, kind, retryAfterSeconds = 1) => {
      limited = { left: count, kind, retryAfter: retryAfterSeconds };
    },
    setRepository: (repo, fields) => void repositories.set(repo.toLowerCase(), fields),
    hostile: (behaviour) => {
      hostile = behaviour;
    },
    writes: () => requests.filter((r) => r.method !== 'GET' && r.status >= 200 && r.status < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((l) => (typeof l === 'string' ? l : (l as { name?: unknown })?.name))
    .filter((l): l is string => typeof l === 'string');
}

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h || 1;
}

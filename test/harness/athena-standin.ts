/**
 * A stand-in for Amazon Athena: a real `node:http` server on 127.0.0.1 (random port) speaking
 * Athena's JSON 1.1 protocol (POST /, `X-Amz-Target: AmazonAthena.<Operation>`, Content-Type
 * `application/x-amz-json-1.1`), so the real `@aws-sdk/client-athena` talks to it over HTTP
 * (`new AthenaClient({ endpoint: standin.url })`, or `AWS_ENDPOINT_URL_ATHENA=standin.url` for a
 * child process). Queries run in DuckDB over the objects of a real S3-compatible server (s3rver):
 * a table is declared by the DDL the product prints, read for its columns (Hive types), its SerDe
 * and its `storage.location.template` (or Hive-style `key=value/` partitions under LOCATION).
 *
 *   const athena = await startAthenaStandIn();
 *   await athena.addTable(ddl, s3Client);     // loads every object under the table's location
 *   ... run the code under test with endpoint athena.url ...
 *   athena.queries                          // every query: SQL as sent, state, partitions read
 *   await athena.close();
 *
 * Operations: StartQueryExecution, GetQueryExecution (Status.State QUEUED → RUNNING → SUCCEEDED |
 * FAILED | CANCELLED; Statistics.DataScannedInBytes), GetQueryResults (MaxResults ≤ 1000, NextToken;
 * the first row of the first page is the header row, as Athena's), StopQueryExecution. Unknown
 * operations and IDs → 400 InvalidRequestException. `holdNext(n, ms)` keeps the next n queries RUNNING
 * for ms (timeouts, stops); `failNext(n, reason)` makes them FAILED; `throttleNext(n)` answers the
 * next n requests with ThrottlingException (the SDK retries).
 *
 * Translations from Athena's SQL (Trino) to DuckDB's — the only ones; the product's SQL keeps clear
 * of every other difference (docs/cloudtrail.md "Trino and DuckDB"):
 * 1. `any_match(list, x -> p)` (Trino) becomes `(len(list_filter(list, x -> p)) > 0)`;
 * 2. `transform(list, x -> e)` (Trino) becomes `list_transform(list, x -> e)`;
 * 3. `json_extract_scalar(json, path)` is a DuckDB macro with Trino's meaning (NULL for an object or
 *    an array), and `json_format(json)` a macro returning the JSON text;
 * 4. the hidden column `"$path"` is a real column holding the object's s3:// URL.
 * Bytes scanned: Athena bills the bytes of the objects in the partitions a query reads (JSON is not
 * columnar: whole objects). The stand-in finds those partitions from the query's top-level
 * `column IN (…)` / `column = …` predicates on partition columns, and reports the objects' sizes.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';

type HiveType = 'STRING' | 'BIGINT' | 'BOOLEAN' | { struct: [string, HiveType][] } | { array: HiveType };

interface TableFile {
  url: string;
  bytes: number;
  partitions: Record<string, string>;
}

interface Table {
  name: string;
  columns: [string, HiveType][];
  partitions: string[];
  files: TableFile[];
}

export interface StandInQuery {
  id: string;
  sql: string;
  /** The SQL as DuckDB ran it, after the translations listed above. */
  translated: string;
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  reason?: string;
  workgroup?: string;
  /** Partition values the query read, per table and column (all, when it named none). */
  partitionsRead: Record<string, string[]>;
  bytesScanned: number;
  header: string[];
  rows: (string | null)[][];
  holdUntil: number;
}

export interface AthenaStandIn {
  url: string;
  queries: StandInQuery[];
  requests: string[];
  addTable(ddl: string, s3: S3Client): Promise<void>;
  holdNext(n: number, ms: number): void;
  failNext(n: number, reason: string): void;
  throttleNext(n: number): void;
  close(): Promise<void>;
}

export async function startAthenaStandIn(): Promise<AthenaStandIn> {
  const dir = mkdtempSync(path.join(tmpdir(), 'telltale-athena-'));
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  await db.run(
    `CREATE MACRO json_extract_scalar(j, p) AS (CASE WHEN json_type(j, p) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, p) END)`,
  );
  await db.run(`CREATE MACRO json_format(j) AS CAST(j AS VARCHAR)`);
  const tables = new Map<string, Table>();
  const queries: StandInQuery[] = [];
  const requests: string[] = [];
  let hold = { n: 0, ms: 0 };
  let fail = { n: 0, reason: '' };
  let throttle = 0;

  const server: Server = createServer((req, res) => {
    void body(req).then(async (text) => {
      const target = String(req.headers['x-amz-target'] ?? '');
      requests.push(target);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(payload));
      };
      const bad = (type: string, message: string, status = 400) => send(status, { __type: type, Message: message });
      if (throttle > 0) {
        throttle--;
        return bad('ThrottlingException', 'Rate exceeded');
      }
      let input: Record<string, unknown>;
      try {
        input = JSON.parse(text || '{}') as Record<string, unknown>;
      } catch {
        return bad('InvalidRequestException', 'body is not JSON');
      }
      const op = target.replace(/^AmazonAthena\./, '');
      const q = queries.find((x) => x.id === input.QueryExecutionId);
      switch (op) {
        case 'StartQueryExecution': {
          const sql = String(input.QueryString ?? '');
          const query: StandInQuery = {
            id: randomUUID(),
            sql,
            translated: translate(sql),
            state: 'QUEUED',
            ...(typeof input.WorkGroup === 'string' ? { workgroup: input.WorkGroup } : {}),
            partitionsRead: {},
            bytesScanned: 0,
            header: [],
            rows: [],
            holdUntil: 0,
          };
          queries.push(query);
          if (hold.n > 0) {
            hold.n--;
            query.holdUntil = Date.now() + hold.ms;
          }
          if (fail.n > 0) {
            fail.n--;
            query.state = 'FAILED';
            query.reason = fail.reason;
          } else {
            await execute(query);
          }
          return send(200, { QueryExecutionId: query.id });
        }
        case 'GetQueryExecution': {
          if (!q)
            return bad('InvalidRequestException', `QueryExecution ${String(input.QueryExecutionId)} was not found`);
          const state = q.state === 'SUCCEEDED' && Date.now() < q.holdUntil ? 'RUNNING' : q.state;
          return send(200, {
            QueryExecution: {
              QueryExecutionId: q.id,
              Query: q.sql,
              StatementType: 'DML',
              WorkGroup: q.workgroup,
              Status: {
                State: state,
                ...(q.reason ? { StateChangeReason: q.reason } : {}),
                SubmissionDateTime: Date.now() / 1000,
              },
              Statistics: { DataScannedInBytes: q.bytesScanned, EngineExecutionTimeInMillis: 1 },
            },
          });
        }
        case 'GetQueryResults': {
          if (!q)
            return bad('InvalidRequestException', `QueryExecution ${String(input.QueryExecutionId)} was not found`);
          if (q.state !== 'SUCCEEDED' || Date.now() < q.holdUntil)
            return bad('InvalidRequestException', `Query has not yet finished. Current state: ${q.state}`);
          const max = Number(input.MaxResults ?? 1000);
          if (!Number.isInteger(max) || max < 1 || max > 1000)
            return bad('InvalidRequestException', 'MaxResults must be between 1 and 1000');
          const offset = input.NextToken === undefined ? 0 : Number(String(input.NextToken).split(':')[1]);
          const all = [q.header, ...q.rows];
          const page = all.slice(offset, offset + max);
          const next = offset + max < all.length ? `${q.id}:${offset + max}` : undefined;
          return send(200, {
            ResultSet: {
              Rows: page.map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })),
              ResultSetMetadata: {
                ColumnInfo: q.header.map((h) => ({ Name: h, Label: h, Type: 'varchar', CatalogName: 'hive' })),
              },
            },
            UpdateCount: 0,
            ...(next ? { NextToken: next } : {}),
          });
        }
        case 'StopQueryExecution': {
          if (!q)
            return bad('InvalidRequestException', `QueryExecution ${String(input.QueryExecutionId)} was not found`);
          if (q.state === 'QUEUED' || q.state === 'RUNNING' || Date.now() < q.holdUntil) {
            q.state = 'CANCELLED';
            q.reason = 'Query was cancelled by user';
            q.holdUntil = 0;
          }
          return send(200, {});
        }
        default:
          return bad('UnknownOperationException', `the stand-in does not speak ${target}`);
      }
    });
  });

  async function execute(q: StandInQuery): Promise<void> {
    q.state = 'RUNNING';
    try {
      const reader = await db.runAndReadAll(q.translated);
      q.header = reader.columnNames();
      q.rows = reader.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
      q.state = 'SUCCEEDED';
      for (const table of tables.values()) {
        if (!new RegExp(`\\b${table.name.replace('.', '\\.')}\\b`, 'i').test(q.sql)) continue;
        const read = table.files.filter((f) => table.partitions.every((p) => admits(q.sql, p, f.partitions[p]!)));
        q.bytesScanned += read.reduce((s, f) => s + f.bytes, 0);
        for (const p of table.partitions)
          q.partitionsRead[`${table.name}.${p}`] = [...new Set(read.map((f) => f.partitions[p]!))].sort();
      }
    } catch (error) {
      q.state = 'FAILED';
      q.reason = `SYNTAX_ERROR or other: ${(error as Error).message}`;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    get url() {
      const address = server.address();
      return typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    },
    queries,
    requests,
    addTable: async (ddl, s3) => {
      const table = await loadTable(ddl, s3, db, dir);
      tables.set(table.name, table);
    },
    holdNext: (n, ms) => (hold = { n, ms }),
    failNext: (n, reason) => (fail = { n, reason }),
    throttleNext: (n) => (throttle = n),
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      db.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  } satisfies AthenaStandIn;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Whether the query's top-level predicates on partition column `p` let partition value `v` be read. */
function admits(sql: string, p: string, v: string): boolean {
  const col = `(?:"${p}"|\\b${p}\\b)`;
  const list = new RegExp(`${col}\\s+IN\\s*\\(([^)]*)\\)`, 'i').exec(sql);
  if (list) return [...list[1]!.matchAll(/'((?:[^']|'')*)'/g)].some((m) => m[1]!.replace(/''/g, "'") === v);
  const eq = new RegExp(`${col}\\s*=\\s*'((?:[^']|'')*)'`, 'i').exec(sql);
  if (eq) return eq[1]!.replace(/''/g, "'") === v;
  return true;
}

/** Rewrites the Trino functions DuckDB lacks (see the header), outside string literals. */
export function translate(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'") {
      const end = skipString(sql, i);
      out += sql.slice(i, end);
      i = end;
      continue;
    }
    const rest = sql.slice(i);
    const prev = i === 0 ? ' ' : sql[i - 1]!;
    if (!/[A-Za-z0-9_]/.test(prev)) {
      if (/^any_match\s*\(/i.test(rest)) {
        const open = sql.indexOf('(', i);
        const close = matching(sql, open);
        out += `(len(list_filter(${translate(sql.slice(open + 1, close))})) > 0)`;
        i = close + 1;
        continue;
      }
      if (/^transform\s*\(/i.test(rest)) {
        out += 'list_transform';
        i += 'transform'.length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function skipString(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === "'") {
      if (sql[i + 1] === "'") i += 2;
      else return i + 1;
    } else i++;
  }
  return i;
}

function matching(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'") {
      i = skipString(sql, i) - 1;
      continue;
    }
    if (ch === '(') depth++;
    if (ch === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in ${sql}`);
}

// ---- DDL → DuckDB table -----------------------------------------------------------------------

function parseHiveType(text: string): HiveType {
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const word = () => {
    ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (!m) throw new Error(`expected a name at ${i} in ${text}`);
    i += m[0].length;
    return m[0];
  };
  const expect = (c: string) => {
    ws();
    if (text[i] !== c) throw new Error(`expected ${c} at ${i} in ${text}`);
    i++;
  };
  const type = (): HiveType => {
    const w = word().toUpperCase();
    if (w === 'STRING' || w === 'BIGINT' || w === 'BOOLEAN') return w;
    if (w === 'ARRAY') {
      expect('<');
      const t = type();
      expect('>');
      return { array: t };
    }
    if (w === 'STRUCT') {
      expect('<');
      const fields: [string, HiveType][] = [];
      for (;;) {
        const name = word();
        expect(':');
        fields.push([name.toLowerCase(), type()]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('>');
        return { struct: fields };
      }
    }
    throw new Error(`unsupported Hive type ${w}`);
  };
  const t = type();
  return t;
}

function duckType(t: HiveType): string {
  if (t === 'STRING') return 'VARCHAR';
  if (t === 'BIGINT') return 'BIGINT';
  if (t === 'BOOLEAN') return 'BOOLEAN';
  if ('array' in t) return `${duckType(t.array)}[]`;
  return `STRUCT(${t.struct.map(([k, v]) => `"${k}" ${duckType(v)}`).join(', ')})`;
}

/** What a Hive JSON SerDe makes of a value: names matched without case, objects in STRING as JSON text. */
function toRow(value: unknown, t: HiveType): unknown {
  if (value === undefined || value === null) return null;
  if (t === 'STRING') return typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (t === 'BIGINT') return Number(value);
  if (t === 'BOOLEAN') return value === true || value === 'true';
  if ('array' in t) return Array.isArray(value) ? value.map((v) => toRow(v, t.array)) : null;
  if (typeof value !== 'object') return null;
  const lower = new Map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.fromEntries(t.struct.map(([k, s]) => [k, toRow(lower.get(k), s)]));
}

async function loadTable(ddl: string, s3: S3Client, db: DuckDBConnection, dir: string): Promise<Table> {
  const name = /CREATE EXTERNAL TABLE\s+([A-Za-z0-9_.]+)\s*\(/i.exec(ddl)?.[1];
  if (!name) throw new Error('the DDL names no table');
  const columnText = ddl.slice(ddl.indexOf('(') + 1, ddl.search(/\n\)\s*\n\s*PARTITIONED BY/i));
  const columns: [string, HiveType][] = splitTop(columnText).map((c) => {
    const m = /^\s*`?([A-Za-z_][A-Za-z0-9_]*)`?\s+([\s\S]+)$/.exec(c)!;
    return [m[1]!.toLowerCase(), parseHiveType(m[2]!)];
  });
  const partitionText = /PARTITIONED BY\s*\(([^)]*)\)/i.exec(ddl)?.[1] ?? '';
  const partitions = splitTop(partitionText).map((p) => p.trim().split(/\s+/)[0]!.replace(/`/g, ''));
  const location = /LOCATION\s+'([^']+)'/i.exec(ddl)?.[1] ?? '';
  const template = /'storage\.location\.template'\s*=\s*'([^']+)'/i.exec(ddl)?.[1];
  const cloudTrail = /CloudTrailSerde/.test(ddl);
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(template ?? location);
  if (!m) throw new Error(`no s3:// location in the DDL`);
  const bucket = m[1]!;
  const pattern = m[2]!;
  const prefix = pattern.split('${')[0]!;
  // Partition values from the key: by the projection template, or Hive-style key=value folders.
  const keyRegex = template
    ? new RegExp(
        `^${pattern
          .split(/(\$\{[a-z_]+\})/)
          .map((part) =>
            /^\$\{/.test(part)
              ? `(?<${part.slice(2, -1)}>${part === '${timestamp}' ? '\\d{4}/\\d{2}/\\d{2}' : '[^/]+'})`
              : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('')}/`,
      )
    : undefined;
  const files: TableFile[] = [];
  const rows: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
    );
    for (const object of page.Contents ?? []) {
      const key = object.Key!;
      let parts: Record<string, string> | undefined;
      if (keyRegex) parts = keyRegex.exec(key)?.groups as Record<string, string> | undefined;
      else {
        parts = {};
        for (const p of partitions) {
          const v = new RegExp(`(?:^|/)${p}=([^/]+)/`).exec(key)?.[1];
          if (v === undefined) parts = undefined;
          else if (parts) parts[p] = decodeURIComponent(v);
        }
      }
      if (!parts) continue;
      if (cloudTrail && !/\/CloudTrail\//.test(key)) continue;
      const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const bytes = Buffer.from(await got.Body!.transformToByteArray());
      const text = (key.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      const records: unknown[] = cloudTrail
        ? ((JSON.parse(text) as { Records?: unknown[] }).Records ?? [])
        : text
            .split('\n')
            .filter((l) => l.trim())
            .map((l) => JSON.parse(l) as unknown);
      const url = `s3://${bucket}/${key}`;
      files.push({ url, bytes: bytes.length, partitions: parts });
      for (const r of records) {
        const row = toRow(r, { struct: columns }) as Record<string, unknown>;
        rows.push(JSON.stringify({ ...row, ...parts, $path: url }));
      }
    }
    token = page.NextContinuationToken;
  } while (token);
  const file = path.join(dir, `${name}.ndjson`);
  writeFileSync(file, rows.join('\n'));
  const spec = [
    ...columns.map(([k, t]) => `'${k}': '${duckType(t).replace(/'/g, "''")}'`),
    ...partitions.map((p) => `'${p}': 'VARCHAR'`),
    `'$path': 'VARCHAR'`,
  ].join(', ');
  const [schema] = name.split('.');
  if (name.includes('.')) await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  await db.run(`DROP TABLE IF EXISTS ${name}`);
  await db.run(
    rows.length
      ? `CREATE TABLE ${name} AS SELECT * FROM read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited', columns = {${spec}})`
      : `CREATE TABLE ${name} (${[...columns.map(([k, t]) => `"${k}" ${duckType(t)}`), ...partitions.map((p) => `"${p}" VARCHAR`), '"$path" VARCHAR'].join(', ')})`,
  );
  return { name, columns, partitions, files };
}

/** Splits on commas outside <…>. */
function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '<') depth++;
    if (ch === '>') depth--;
    if (ch === ',' && depth === 0) {
      if (cur.trim()) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

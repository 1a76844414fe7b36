/**
 * One Athena query, start to last row (cross-cutting: the CloudTrail engine and the fleet's egress
 * both run their SQL through it): StartQueryExecution, GetQueryExecution until a final state
 * (bounded by a timeout, then StopQueryExecution), GetQueryResults page by page (NextToken; the
 * first row of the first page is the header row, Athena API Reference "GetQueryResults").
 * Throttling and transient errors are the SDK's retry strategy's (adaptive mode, see engine.ts);
 * a FAILED or CANCELLED query is an error that says which and why.
 */
import {
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
  type AthenaClient,
} from '@aws-sdk/client-athena';
import { InputError } from '../util/errors.ts';

export interface AthenaTarget {
  workgroup: string;
  database: string;
  /** s3://… for results; left out, the workgroup's own location is used. */
  output?: string;
}

export interface QueryOptions {
  /** Give up (and stop the query) after this long. */
  timeoutMs: number;
  /** First wait between state polls; it doubles up to 5 s. */
  pollMs?: number;
  /** Rows per GetQueryResults page (Athena's maximum is 1000). */
  pageSize?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface QueryStats {
  id: string;
  sql: string;
  bytesScanned: number;
  engineMs: number;
  rows: number;
  pages: number;
}

const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs `sql`, handing each data row (NULL as undefined) to `row`; resolves with the statistics. */
export async function runQuery(
  client: AthenaClient,
  sql: string,
  target: AthenaTarget,
  options: QueryOptions,
  row: (values: (string | undefined)[]) => void,
): Promise<QueryStats> {
  const sleep = options.sleep ?? wait;
  const started = await client
    .send(
      new StartQueryExecutionCommand({
        QueryString: sql,
        WorkGroup: target.workgroup,
        QueryExecutionContext: { Database: target.database },
        ...(target.output ? { ResultConfiguration: { OutputLocation: target.output } } : {}),
      }),
    )
    .catch((error: Error) => {
      throw new InputError(`Athena refused the query: ${error.name}: ${error.message}`, {
        location: { field: 'athena-workgroup' },
        hint: 'check the workgroup, database and output location, and the athena:StartQueryExecution permission',
      });
    });
  const id = started.QueryExecutionId;
  if (!id) throw new Error('Athena StartQueryExecution returned no QueryExecutionId');

  const deadline = Date.now() + options.timeoutMs;
  let delay = options.pollMs ?? 250;
  let bytesScanned = 0;
  let engineMs = 0;
  for (;;) {
    const { QueryExecution: q } = await client.send(new GetQueryExecutionCommand({ QueryExecutionId: id }));
    const state = q?.Status?.State;
    bytesScanned = q?.Statistics?.DataScannedInBytes ?? 0;
    engineMs = q?.Statistics?.EngineExecutionTimeInMillis ?? 0;
    if (state === 'SUCCEEDED') break;
    if (state === 'FAILED' || state === 'CANCELLED') {
      const reason = q?.Status?.StateChangeReason ?? q?.Status?.AthenaError?.ErrorMessage ?? 'no reason given';
      throw new InputError(`Athena query ${id} ${state === 'FAILED' ? 'failed' : 'was cancelled'}: ${reason}`, {
        hint:
          state === 'FAILED'
            ? 'is the table created with `telltale cloudtrail athena-ddl`, and readable by this role (glue:GetTable, s3:GetObject)?'
            : 'someone stopped it in the Athena console or the workgroup cancelled it (a data-scan limit?)',
      });
    }
    if (Date.now() + delay > deadline) {
      await client.send(new StopQueryExecutionCommand({ QueryExecutionId: id })).catch(() => undefined);
      throw new InputError(
        `Athena query ${id} did not finish within ${Math.round(options.timeoutMs / 1000)} s; stopped`,
        {
          location: { field: 'athena-timeout' },
          hint: 'raise --athena-timeout, or narrow the window',
        },
      );
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 5000);
  }

  let token: string | undefined;
  let rows = 0;
  let pages = 0;
  let header = true;
  do {
    const page = await client.send(
      new GetQueryResultsCommand({
        QueryExecutionId: id,
        MaxResults: options.pageSize ?? 1000,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    pages++;
    for (const r of page.ResultSet?.Rows ?? []) {
      if (header) {
        header = false;
        continue;
      }
      rows++;
      row((r.Data ?? []).map((d) => d.VarCharValue));
    }
    token = page.NextToken;
  } while (token);
  return { id, sql, bytesScanned, engineMs, rows, pages };
}

/** Athena's price for the bytes a query scanned: $5 per TB, at least 10 MB per query (Athena pricing). */
export function estimatedCostUsd(stats: readonly QueryStats[]): number {
  const MIN = 10 * 1024 * 1024;
  const bytes = stats.reduce((sum, s) => sum + Math.max(s.bytesScanned, MIN), 0);
  return (bytes / 1024 ** 4) * 5;
}

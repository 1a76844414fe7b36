/**
 * `telltale egress publish REPORT… --to s3://bucket/prefix|DIR`: each report's endpoints as rows
 * (rows.ts) in one NDJSON object per report under `repository=…/date=…/`. A local folder takes the
 * same layout, which `telltale egress fleet` reads with the streaming engine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadReports } from '../diff/reports.ts';
import { InputError } from '../../util/errors.ts';
import { fleetRows, rowsKey, toNdjson, type RunIdentity } from './rows.ts';

export interface PublishOptions {
  reports: readonly string[];
  to: string;
  who: RunIdentity;
  /** Writes one object; given for s3:// destinations (the AWS SDK stays out of local runs). */
  put?: (bucket: string, key: string, body: string) => Promise<void>;
}

export async function publishReports(options: PublishOptions): Promise<{ written: string[]; rows: number }> {
  const reports = await loadReports(options.reports);
  const written: string[] = [];
  let count = 0;
  for (const [i, report] of reports.entries()) {
    const who = { ...options.who, job: options.who.job ?? report.job ?? `job${i}` };
    const rows = fleetRows(report, who);
    count += rows.length;
    const key = rowsKey(rows, who);
    const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(options.to);
    if (s3) {
      if (!options.put) throw new Error('publish to s3:// without a put function');
      const prefix = s3[2]!.replace(/\/+$/, '');
      const full = prefix ? `${prefix}/${key}` : key;
      await options.put(s3[1]!, full, toNdjson(rows)).catch((error: Error) => {
        throw new InputError(`cannot write s3://${s3[1]}/${full}: ${error.name}: ${error.message}`, {
          location: { field: 'to' },
          hint: 'the role needs s3:PutObject on the prefix',
        });
      });
      written.push(`s3://${s3[1]}/${full}`);
    } else {
      const file = path.join(options.to, ...key.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, toNdjson(rows));
      written.push(file);
    }
  }
  return { written, rows: count };
}

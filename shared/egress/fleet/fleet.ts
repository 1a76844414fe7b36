/**
 * `telltale egress fleet`: one question over the fleet's rows, fetched by one of two engines —
 * `stream` (default) reads a local folder of published rows (`repository=…/date=…/*.json`) line by
 * line, `athena` lets Athena read only the days the question needs (`"date" IN (…)`) and, for
 * `reach` on a host, only that host's rows. Either way questions.ts answers, so the answers are
 * the same.
 */
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { AthenaClient } from '@aws-sdk/client-athena';
import { runQuery, type AthenaTarget, type QueryStats } from '../../athena/query.ts';
import { InputError } from '../../util/errors.ts';
import { answer, type AnswerRow, type Question } from './questions.ts';
import type { FleetRow } from './rows.ts';

const DAY = 86_400_000;

/** The days (`yyyy-mm-dd`) whose rows a question needs: history for `new`, twice the span for `grown`. */
export function questionDays(question: Question, since: number, history: number, now: number): string[] {
  const from = question.kind === 'new' ? history : question.kind === 'grown' ? since - (now - since) : since;
  const days: string[] = [];
  for (let t = Math.floor(from / DAY) * DAY; t <= now; t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export async function fleetFromFolder(dir: string, question: Question, days: readonly string[]): Promise<AnswerRow[]> {
  const wanted = new Set(days);
  const rows: FleetRow[] = [];
  const repos = await readdir(dir, { withFileTypes: true }).catch((error: Error) => {
    throw new InputError(`cannot read the fleet folder: ${error.message}`, { location: { file: dir } });
  });
  for (const repo of repos
    .filter((d) => d.isDirectory() && d.name.startsWith('repository='))
    .sort((a, b) => a.name.localeCompare(b.name))) {
    for (const day of (await readdir(path.join(dir, repo.name), { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (!day.isDirectory() || !wanted.has(day.name.replace(/^date=/, ''))) continue;
      for (const file of (await readdir(path.join(dir, repo.name, day.name))).sort()) {
        if (!file.endsWith('.json')) continue;
        const where = path.join(dir, repo.name, day.name, file);
        let line = 0;
        for await (const text of createInterface({ input: createReadStream(where), crlfDelay: Infinity })) {
          line++;
          if (!text.trim()) continue;
          try {
            rows.push(JSON.parse(text) as FleetRow);
          } catch {
            throw new InputError('not a JSON row', { location: { file: where, line } });
          }
        }
      }
    }
  }
  return answer(question, rows);
}

export interface FleetAthenaOptions {
  client: AthenaClient;
  target: AthenaTarget;
  table: string;
  timeoutMs: number;
}

/** The same question, the rows read by Athena over the days it needs. */
export async function fleetOnAthena(
  question: Question,
  days: readonly string[],
  options: FleetAthenaOptions,
): Promise<{ answer: AnswerRow[]; query: QueryStats }> {
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const where = [`"date" IN (${days.map(q).join(', ')})`];
  if (question.kind === 'reach' && !/\//.test(question.target)) {
    const host = question.target.toLowerCase();
    where.push(
      host.startsWith('*.')
        ? `lower(host) LIKE ${q(`%${host.slice(1).replace(/[\\%_]/g, '\\$&')}`)} ESCAPE '\\'`
        : `lower(host) = ${q(host)}`,
    );
  }
  const sql = `SELECT repository, workflow, job, run, step, host, port, protocol, json_format(CAST(addresses AS JSON)), time, connections, bytes FROM ${options.table} WHERE ${where.join(' AND ')}`;
  const rows: FleetRow[] = [];
  const query = await runQuery(options.client, sql, options.target, { timeoutMs: options.timeoutMs }, (v) => {
    rows.push({
      repository: v[0] ?? '',
      workflow: v[1] ?? '',
      job: v[2] ?? '',
      run: v[3] ?? '',
      step: v[4] ?? '',
      host: v[5] ?? '',
      port: Number(v[6] ?? 0),
      protocol: v[7] ?? '',
      addresses: v[8] ? (JSON.parse(v[8]) as string[]) : [],
      time: v[9] ?? '',
      connections: Number(v[10] ?? 0),
      bytes: Number(v[11] ?? 0),
    });
  });
  return { answer: answer(question, rows), query };
}

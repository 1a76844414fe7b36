/**
 * Which job step was running when: the Actions jobs API gives each step's start and end, which the
 * egress post step uses to say which step reached an endpoint. Needs `actions: read`; without it the
 * report simply has no steps (a warning says why), the capture itself is unaffected.
 */
import { errorMessage } from '../util/errors.ts';
import { createGitHubClient } from './octokit.ts';
import { splitRepository, type RunContext } from './context.ts';

/** One step of a job, as the jobs API times it (the egress analysis maps it to its own step window). */
export interface JobStep {
  name: string;
  /** Milliseconds since the epoch. */
  start: number;
  /** Undefined while the step is still running. */
  end?: number;
}

export interface JobStepsResult {
  /** The job's display name, as the Actions UI shows it. */
  job?: string;
  steps: JobStep[];
  /** Why there are no steps, when there are none. */
  problem?: string;
}

interface ApiStep {
  name: string;
  number: number;
  started_at?: string | null;
  completed_at?: string | null;
}

interface ApiJob {
  name: string;
  status?: string;
  runner_name?: string | null;
  steps?: ApiStep[];
}

/**
 * Picks this job among the run's jobs: the in-progress one on this runner (RUNNER_NAME), else the only
 * in-progress one, else one named like GITHUB_JOB (a job without `name:` is shown by its id).
 */
export function pickJob(jobs: readonly ApiJob[], runnerName: string | undefined, jobId: string | undefined) {
  const running = jobs.filter((j) => j.status === 'in_progress');
  return (
    (runnerName && running.find((j) => j.runner_name === runnerName)) ||
    (running.length === 1 ? running[0] : undefined) ||
    (jobId ? jobs.find((j) => j.name === jobId) : undefined)
  );
}

export function stepWindows(steps: readonly ApiStep[]): JobStep[] {
  return [...steps]
    .sort((a, b) => a.number - b.number)
    .filter((s) => s.started_at)
    .map((s) => {
      const end = s.completed_at ? Date.parse(s.completed_at) : undefined;
      // The API reports whole seconds: a step that ended at 10:00:03 may have run until 10:00:03.999.
      return { name: s.name, start: Date.parse(s.started_at!), ...(end !== undefined ? { end: end + 999 } : {}) };
    });
}

export async function fetchJobSteps(options: {
  token: string;
  run: RunContext;
  runnerName?: string | undefined;
  log?: (message: string) => void;
}): Promise<JobStepsResult> {
  const { run } = options;
  if (!run.repository || !run.runId) return { steps: [], problem: 'not running in a GitHub Actions job' };
  if (!options.token) return { steps: [], problem: 'no token to read the job’s steps with' };
  const { owner, repo } = splitRepository(run.repository);
  const client = createGitHubClient({
    token: options.token,
    baseUrl: run.apiUrl,
    retries: 2,
    maxWaitSeconds: 10,
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    const jobs = (await client.paginate(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
      {
        owner,
        repo,
        run_id: run.runId,
        attempt_number: run.runAttempt ?? 1,
        per_page: 100,
      },
    )) as ApiJob[];
    const job = pickJob(jobs, options.runnerName, run.job);
    if (!job) return { steps: [], problem: `this job was not found among the run's ${jobs.length} jobs` };
    return { job: job.name, steps: stepWindows(job.steps ?? []) };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const problem =
      status === 403 || status === 404
        ? `the token cannot read this run's jobs (HTTP ${status}): give the job \`permissions: actions: read\``
        : `reading this run's jobs failed: ${errorMessage(error)}`;
    return { steps: [], problem };
  }
}

/**
 * The runner's own endpoints: what a GitHub Actions runner must keep reaching while block mode is on,
 * so the job can still report its steps, upload logs and artifacts, use the cache and finish. This is
 * the reviewed default allow-list the issue asked for, not an open hole: each line says why it is
 * here, every entry is HTTPS (TCP 443) only, and `runner-endpoints: false` (CLI: the default) turns the
 * list off. Sources: GitHub's "About GitHub-hosted runners — communication requirements" and the
 * runner's own configuration (`ActionsServiceUrl`, `ResultsServiceUrl`, the cache service URL).
 *
 * Loopback and the DNS resolvers are not here: they are allowed by the ruleset itself.
 */
import { parseManifest, type ManifestEntry } from '../manifest/manifest.ts';

export const RUNNER_ENDPOINTS_FILE = 'telltale:runner-endpoints.yml';

export const RUNNER_ENDPOINTS_YAML = `version: 1
allow:
  - host: github.com
    ports: [443]
    reason: the runner's registration and job messages; actions/checkout over HTTPS
  - host: api.github.com
    ports: [443]
    reason: the REST API (telltale's own step names, the PR comment, actions using GITHUB_TOKEN)
  - host: "*.actions.githubusercontent.com"
    ports: [443]
    reason: the Actions service (pipelines, broker, run service, token exchange, job logs)
  - host: results-receiver.actions.githubusercontent.com
    ports: [443]
    reason: the results service that receives step logs, the job summary and artifacts v4
  - host: codeload.github.com
    ports: [443]
    reason: the runner downloads the actions a job uses as tarballs from here
  - host: "*.blob.core.windows.net"
    ports: [443]
    reason: artifact and cache storage (actions/upload-artifact, actions/cache) and log uploads
  - host: objects.githubusercontent.com
    ports: [443]
    reason: action tarballs and release assets redirected from codeload.github.com and github.com
  - host: release-assets.githubusercontent.com
    ports: [443]
    reason: release downloads (GitHub moved them here from objects.githubusercontent.com in 2025)
  - host: pkg.actions.githubusercontent.com
    ports: [443]
    reason: the runner's own updates
`;

/** The runner's endpoints as manifest entries; their negative indexes tell them from the manifest's. */
export function runnerEndpoints(): ManifestEntry[] {
  return parseManifest(RUNNER_ENDPOINTS_YAML, RUNNER_ENDPOINTS_FILE).entries.map((entry) => ({
    ...entry,
    index: -1 - entry.index,
  }));
}

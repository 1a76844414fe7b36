/**
 * Makes samples/egress/ci-job.pcap: a real capture (tcpdump -i any, link type LINUX_SLL2) of real
 * clients doing what a CI job does, inside the test network world, and ci-job.report.json, its
 * analysis. Run as root: `npx tsx scripts/make-samples/egress.ts`. The samples/egress/README.md
 * says which client made which connection.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withWorld } from '../../test/harness/world.ts';
import { startCapture } from '../../test/harness/capture.ts';
import { analyzeCaptureFile } from '../../shared/egress/analyze.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'samples', 'egress');
mkdirSync(out, { recursive: true });

// A bare repository for `git clone` over git's dumb HTTP protocol.
const staticDir = mkdtempSync(path.join(tmpdir(), 'telltale-sample-static-'));
const work = path.join(staticDir, 'work');
mkdirSync(work);
const git = (cwd: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.email=ci@example.test', '-c', 'user.name=ci', ...args], { cwd });
git(work, 'init', '-q', '-b', 'main');
writeFileSync(path.join(work, 'README'), 'sample\n');
git(work, 'add', '.');
git(work, 'commit', '-qm', 'sample');
git(staticDir, 'clone', '-q', '--bare', work, 'app.git');
git(path.join(staticDir, 'app.git'), 'update-server-info');

try {
  await withWorld(
    {
      staticDir,
      hosts: [
        { name: 'registry.npmjs.test' },
        { name: 'cdn-edge.fastly.test' },
        { name: 'github.test' },
        { name: 'pypi.test' },
        { name: 'mirror.v6only.test', v4: false },
        { name: 'api.saas-vendor.test' },
        { name: 'telemetry.vendor.test', drop: [443] },
        { name: 'db.internal.test', reject: [5432] },
        { name: 'artifacts.corp.test' },
      ],
      cnames: {
        'objects.githubusercontent.test': 'objects.github.map.fastly.test',
        'objects.github.map.fastly.test': 'cdn-edge.fastly.test',
      },
    },
    async (world) => {
      const file = path.join(out, 'ci-job.pcap');
      const capture = await startCapture(world, { file });
      const env = world.clientEnv();
      const steps: [string, string[], Record<string, string>?][] = [
        ['curl', ['-sS', '-o', '/dev/null', 'https://registry.npmjs.test/left-pad']],
        [process.execPath, ['-e', "fetch('https://registry.npmjs.test/-/v1/search').then(r => r.text())"]],
        [
          'wget',
          [
            '-q',
            '-O',
            '/dev/null',
            `--ca-certificate=${world.caFile}`,
            'https://objects.githubusercontent.test/release.tar.gz',
          ],
        ],
        ['git', ['clone', '-q', 'https://github.test/app.git', path.join(world.dir, 'app')]],
        ['python3', ['-c', "import urllib.request; urllib.request.urlopen('https://pypi.test/simple/')"]],
        ['curl', ['-sS', '-o', '/dev/null', 'https://mirror.v6only.test/debian/']],
        ['curl', ['-sS', '-o', '/dev/null', 'https://api.saas-vendor.test/v1/upload'], { HTTPS_PROXY: world.proxyUrl }],
        ['dig', ['+tcp', '+short', 'github.test']],
        ['curl', ['-sS', '--max-time', '2', 'https://builds.missing.test/']],
        ['curl', ['-sS', '--max-time', '2', 'https://telemetry.vendor.test/collect']],
        ['nc', ['-z', '-w', '2', 'db.internal.test', '5432']],
        ['nc', ['-z', '-w', '2', world.addressOf('artifacts.corp.test').v4!, '80']],
      ];
      for (const [command, args, extra] of steps) await world.exec(command, args, { env: { ...env, ...extra } });
      const { stderr } = await capture.stop();
      process.stderr.write(stderr);
      const report = await analyzeCaptureFile(file);
      report.capture.file = 'samples/egress/ci-job.pcap';
      writeFileSync(path.join(out, 'ci-job.report.json'), `${JSON.stringify(report, null, 2)}\n`);
      process.stderr.write(`wrote ${file} and ci-job.report.json: ${report.endpoints.length} endpoints\n`);
    },
  );
} finally {
  rmSync(staticDir, { recursive: true, force: true });
}

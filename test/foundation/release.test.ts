// A workflow can pin what the docs show: every `uses:` of telltale in the docs, examples and generated
// action docs names the canonical repository, an action that exists and the major tag the release
// process (scripts/release.mjs, .github/workflows/release.yml) moves — never a SHA or tag it would not
// produce. The project goes by one name, and every example grants what its actions need.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../harness/runner.ts';
// @ts-expect-error -- a plain .mjs script without types; its exports are tested here
import { changelogSection, releaseTags } from '../../scripts/release.mjs';

const REPOSITORY = 'telltale-dev/telltale';
const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const tags = releaseTags(pkg.version) as { exact: string; major: string };

function tracked(...patterns: string[]): string[] {
  const out = spawnSync('git', ['ls-files', '--', ...patterns], { cwd: repoRoot, encoding: 'utf8' });
  return out.stdout.split('\n').filter(Boolean);
}

const docFiles = [
  ...tracked('*.md', 'docs/**/*.yml', '.github/**/*.yml', 'action.yml').filter((f) => !f.startsWith('node_modules/')),
];

describe('release names and tags', () => {
  test('every telltale `uses:` names the canonical repository, an existing action and the major tag', () => {
    const problems: string[] = [];
    let seen = 0;
    for (const file of docFiles) {
      const text = readFileSync(path.join(repoRoot, file), 'utf8');
      for (const [lineNo, line] of text.split('\n').entries()) {
        const m = /uses:\s*([\w.-]+\/telltale[\w.-]*|telltale[\w.-]*\/[\w.-]+)(\/actions\/([\w-]+))?@([^\s#]+)/.exec(
          line,
        );
        if (!m) continue;
        seen++;
        const [, repo, , action, ref] = m;
        const where = `${file}:${lineNo + 1}`;
        if (repo !== REPOSITORY) problems.push(`${where}: repository ${repo} is not ${REPOSITORY}`);
        if (action && !existsSync(path.join(repoRoot, 'actions', action!, 'action.yml')))
          problems.push(`${where}: no action actions/${action}`);
        // A `<sha>` placeholder in prose is the pin-by-SHA advice, not a ref anyone could resolve.
        if (ref !== tags.major && !/^<[\w -]*sha>$/.test(ref!))
          problems.push(`${where}: @${ref} is not the moving major tag @${tags.major}`);
      }
    }
    assert.ok(seen >= 8, `found only ${seen} telltale uses: lines`);
    assert.deepEqual(problems, []);
  });

  test('the project goes by one name', () => {
    const files = tracked('*.md', '*.yml', '*.json', '*.ts', '*.mjs').filter(
      (f) => !f.startsWith('dist/') && f !== 'package-lock.json' && !f.endsWith('release.test.ts'),
    );
    const other = /github\.com\/telltale\/|telltale\.dev\b|telltale-dev\/telltale-/;
    const hits = files.filter((f) => other.test(readFileSync(path.join(repoRoot, f), 'utf8')));
    assert.deepEqual(hits, []);
    assert.match(pkg.repository.url, new RegExp(`github\\.com/${REPOSITORY}\\.git$`));
  });

  test('package.json, shared/version.ts and CHANGELOG.md agree on the version to release', () => {
    const source = readFileSync(path.join(repoRoot, 'shared', 'version.ts'), 'utf8');
    assert.match(source, new RegExp(`VERSION = '${pkg.version.replaceAll('.', '\\.')}'`));
    const notes = changelogSection(readFileSync(path.join(repoRoot, 'CHANGELOG.md'), 'utf8'), pkg.version);
    assert.ok(notes && notes.length > 40, `CHANGELOG.md has no section for ${pkg.version}`);
    assert.equal(tags.exact, `v${pkg.version}`);
  });

  test('release notes are exactly the named section', () => {
    const changelog = '# C\n\n## [Unreleased]\n\n## [2.1.0] - 2027-01-01\n\n- a\n- b\n\n## [2.0.0]\n\n- old\n';
    assert.equal(changelogSection(changelog, '2.1.0'), '- a\n- b');
    assert.equal(changelogSection(changelog, '2.0.0'), '- old');
    assert.equal(changelogSection(changelog, '1.0.0'), undefined);
    assert.throws(() => releaseTags('v1.0'), /not a release version/);
    assert.deepEqual(releaseTags('3.4.5'), { exact: 'v3.4.5', major: 'v3' });
  });

  test('the release workflow tags vX.Y.Z, moves vX and checks dist/ before it does', () => {
    const wf = readFileSync(path.join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
    assert.match(wf, /release\.mjs check "\$VERSION"/);
    assert.match(wf, /git diff --exit-code --stat -- dist action-docs/);
    assert.match(wf, /git tag -fa "\$major"/);
    assert.match(wf, /gh release create "v\$VERSION"/);
    assert.doesNotMatch(wf, /run:[^\n]*\$\{\{/, 'no expression inside a run: script');
  });
});

describe('actions as the Marketplace and users see them', () => {
  const names = readdirSync(path.join(repoRoot, 'actions')).filter((n) =>
    existsSync(path.join(repoRoot, 'actions', n, 'action.yml')),
  );
  const permissions = parse(readFileSync(path.join(repoRoot, 'actions', 'permissions.yml'), 'utf8')) as Record<
    string,
    Record<string, { level: string; why: string; optional?: boolean }>
  >;
  const ICONS_COLORS = ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'];

  for (const name of names) {
    test(`actions/${name}: branding, and its permissions are documented`, () => {
      const meta = parse(readFileSync(path.join(repoRoot, 'actions', name, 'action.yml'), 'utf8'));
      assert.ok(meta.branding?.icon, 'branding.icon');
      assert.ok(ICONS_COLORS.includes(meta.branding?.color), `branding.color ${meta.branding?.color}`);
      assert.ok(permissions[name], `actions/permissions.yml lists ${name}`);
      const doc = readFileSync(path.join(repoRoot, 'action-docs', `${name}.md`), 'utf8');
      for (const scope of Object.keys(permissions[name]!)) assert.match(doc, new RegExp(`\\| \`${scope}\` \\|`));
      assert.match(doc, new RegExp(`uses: ${REPOSITORY}/actions/${name}@${tags.major}`));
    });
  }

  test('the root action.yml (the Marketplace entry) is the egress action with root-relative bundles', () => {
    const root = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8'));
    const egress = parse(readFileSync(path.join(repoRoot, 'actions', 'egress', 'action.yml'), 'utf8'));
    assert.deepEqual(Object.keys(root.inputs), Object.keys(egress.inputs));
    assert.equal(root.runs.main, './dist/egress/main/index.js');
    assert.ok(existsSync(path.join(repoRoot, root.runs.main)));
    assert.ok(root.branding);
  });

  test('every example workflow grants the permissions its telltale actions need', () => {
    const problems: string[] = [];
    for (const file of tracked('docs/examples/*.yml')) {
      const wf = parse(readFileSync(path.join(repoRoot, file), 'utf8'));
      for (const [jobName, job] of Object.entries<{
        permissions?: Record<string, string>;
        steps?: { uses?: string }[];
      }>(wf.jobs ?? {})) {
        const granted = { ...(wf.permissions ?? {}), ...(job.permissions ?? {}) } as Record<string, string>;
        for (const step of job.steps ?? []) {
          const m = /\/actions\/([\w-]+)@/.exec(step.uses ?? '');
          if (!m || !step.uses!.startsWith(REPOSITORY)) continue;
          for (const [scope, need] of Object.entries(permissions[m[1]!] ?? {})) {
            if (need.optional) continue;
            const have = granted[scope];
            if (have !== need.level && !(need.level === 'read' && have === 'write'))
              problems.push(`${file} job ${jobName}: ${m[1]} needs ${scope}: ${need.level} (${need.why})`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  test('third-party actions in the examples are pinned by SHA, the same SHA our own workflows use', () => {
    const pins = new Map<string, string>();
    for (const file of tracked('.github/workflows/*.yml'))
      for (const m of readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@(\S+)/g))
        pins.set(m[1]!, m[2]!);
    const problems: string[] = [];
    for (const file of tracked('docs/examples/*.yml')) {
      for (const m of readFileSync(path.join(repoRoot, file), 'utf8').matchAll(/uses:\s*([\w.-]+\/[\w./-]+)@(\S+)/g)) {
        const [, action, ref] = m;
        if (action!.startsWith(REPOSITORY)) continue;
        if (!/^[0-9a-f]{40}$/.test(ref!)) problems.push(`${file}: ${action}@${ref} is not pinned by SHA`);
        else if (pins.has(action!) && pins.get(action!) !== ref)
          problems.push(`${file}: ${action}@${ref} differs from .github/workflows (@${pins.get(action!)})`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

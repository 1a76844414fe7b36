#!/usr/bin/env node
// The README's screenshots, made from the bundled samples by the built CLI and headless Chromium:
// the sticky PR comment, the job summary and the CloudTrail dashboard.
//
//   node scripts/screenshots.mjs [--out DIR] [--pages-only]
//
// Each page's HTML is hashed into docs/screenshots/pages.json; a PNG is re-rendered only when its
// page changed (or is missing), so builds stay byte-stable, and test/foundation/screenshots.test.ts
// fails when a renderer changed and the screenshots were not regenerated (`npm run build`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// GitHub's comment and summary look, approximately: system fonts, 14px, bordered tables.
const GITHUB_CSS = `
body{font-family:-apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;
color:#1f2328;background:#fff;margin:0;padding:16px}
.box{border:1px solid #d1d9e0;border-radius:6px;max-width:900px}
.head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e;border-radius:6px 6px 0 0}
.body{padding:8px 16px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d1d9e0;padding:6px 13px}th{background:#f6f8fa}
code{background:#eff1f3;padding:.2em .4em;border-radius:6px;font-size:85%}h2,h3{border-bottom:1px solid #d1d9e0}
blockquote{color:#59636e;border-left:.25em solid #d1d9e0;margin:0;padding:0 1em}
pre{background:#f6f8fa;padding:12px 16px;border-radius:6px;overflow:auto}pre code{background:none;padding:0;font-size:85%}`;

function cli(args) {
  const bundle = path.join(process.env.TELLTALE_CLI_ROOT ?? root, 'dist', 'cli', 'index.js');
  const result = spawnSync(process.execPath, [bundle, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' },
  });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`telltale ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

function githubPage(title, markdown) {
  const md = new MarkdownIt({ html: true, linkify: false });
  return `<!doctype html><meta charset="utf-8"><style>${GITHUB_CSS}</style>
<div class="box"><div class="head">${title}</div><div class="body">${md.render(markdown)}</div></div>`;
}

/** The pages, as HTML strings, in a fixed order. Pure given the samples and the built CLI. */
export function pages() {
  const report = 'samples/egress/ci-job.report.json';
  const manifest = 'samples/egress/manifest.yml';
  return [
    {
      name: 'pr-comment',
      width: 960,
      html: githubPage(
        '<b>github-actions</b> bot commented',
        cli(['egress', 'diff', '--manifest', manifest, '--format', 'markdown', report]),
      ),
    },
    {
      name: 'job-summary',
      width: 960,
      html: githubPage('Job summary', cli(['egress', 'analyze', 'samples/egress/ci-job.pcap', '--format', 'markdown'])),
    },
    {
      name: 'cloudtrail-dashboard',
      width: 1200,
      // The one clock reading in a page: fixed, so the page (and its hash) is the same in every build.
      html: cli([
        'cloudtrail',
        'scan',
        '--source',
        'samples/cloudtrail/AWSLogs',
        '--since',
        'all',
        '--format',
        'html',
      ]).replace(/generated \d{4}-\d\d-\d\dT[\d:.]+Z/g, 'generated 2026-06-15T12:00:00.000Z'),
    },
  ];
}

function findChromium() {
  for (const bin of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
    if (found.status === 0) return found.stdout.trim();
  }
  return undefined;
}

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outFlag = process.argv.indexOf('--out');
  const outRoot = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : root;
  const dir = path.join(outRoot, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const committed = path.join(root, 'docs', 'screenshots', 'pages.json');
  const previous = existsSync(committed) ? JSON.parse(readFileSync(committed, 'utf8')) : {};
  const hashes = {};
  const work = mkdtempSync(path.join(tmpdir(), 'telltale-shots-'));
  try {
    for (const page of pages()) {
      hashes[page.name] = sha256(page.html);
      const png = path.join(dir, `${page.name}.png`);
      if (process.argv.includes('--pages-only')) continue;
      if (previous[page.name] === hashes[page.name] && existsSync(png)) continue;
      const chromium = findChromium();
      if (!chromium)
        throw new Error('no chromium on PATH: install it (apt-get install chromium) to make the screenshots');
      const html = path.join(work, `${page.name}.html`);
      writeFileSync(html, page.html);
      const shot = spawnSync(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--hide-scrollbars',
          `--user-data-dir=${path.join(work, 'profile')}`,
          `--window-size=${page.width},1400`,
          `--screenshot=${png}`,
          `file://${html}`,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (shot.status !== 0 || !existsSync(png)) throw new Error(`chromium failed for ${page.name}: ${shot.stderr}`);
      process.stderr.write(`screenshot docs/screenshots/${page.name}.png\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  writeFileSync(path.join(dir, 'pages.json'), `${JSON.stringify(hashes, null, 2)}\n`);
}

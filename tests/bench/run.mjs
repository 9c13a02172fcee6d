// The benchmark of issues #6 and #13: Lighthouse on the app and the plain page, in-browser
// timings on generated content, the wasm's largest items, the targets, and whether each is met. Writes results/<time>.json and
// .md (and results/latest.*) and prints the table. With --throttled, the same site served
// slowed down on the server's side (`.ci/serve.py --throttle`) for the repeat visits of issue 29
// (repeat.mjs); --only repeat runs those alone. `bash .ci/bench.sh` builds and serves the site
// first; run that, not this file.
//
//   node run.mjs BASE_URL [--runs N] [--language LANG] [--throttled BASE_URL] [--only repeat]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLighthouse } from './lighthouse.mjs';
import { runTimings } from './timings.mjs';
import { runRepeatVisits, REPEAT_METHOD } from './repeat.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [base] = process.argv.slice(2).filter((arg) => arg.includes('://'));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
// The site's language: the in-browser timings run only on the English build's generated content.
const languageArg = process.argv.indexOf('--language');
const language = languageArg > 0 ? process.argv[languageArg + 1] : 'en';
const throttledArg = process.argv.indexOf('--throttled');
const throttled = throttledArg > 0 ? process.argv[throttledArg + 1] : null;
const onlyArg = process.argv.indexOf('--only');
const onlyRepeat = onlyArg > 0 && process.argv[onlyArg + 1] === 'repeat';
const withTimings = language === 'en' && !onlyRepeat;
const chromePath = process.env.CHROME_PATH;
if (!base || !chromePath || !(runs >= 1) || (onlyRepeat && !throttled)) {
  console.error('usage: CHROME_PATH=… node run.mjs BASE_URL [--runs N] [--language LANG] [--throttled BASE_URL] [--only repeat]');
  process.exit(2);
}
const log = (line) => console.error(line);

const SEED = 'article/syria-war-final-assault-raqqa/';
const LONG_READ = 'article/bench-long-read/';
const PLAIN = 'plain page (seed article)';
const lighthouse = onlyRepeat ? {} : await runLighthouse([
  { name: 'app article (deep link)', url: `${base}${SEED}` },
  { name: PLAIN, url: `${base}baseline/` },
  { name: 'app home', url: base },
  { name: 'app long read', url: `${base}${LONG_READ}` },
], runs, chromePath, log);
const timings = withTimings ? await runTimings(base, runs, chromePath, log) : {};
const repeatVisits = throttled ? await runRepeatVisits(throttled, SEED, 'baseline/', runs, chromePath, log) : null;

/** Median and spread (min–max) of `values`. */
function stats(values) {
  const sorted = values.filter((value) => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return { median: null, min: null, max: null };
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1) };
}

const pick = (list, get) => stats(list.map(get));

// The repeat visits: each visit's LCP, and the app's second visit over the plain page's in the
// same round (target ≤ 0.6), the first visits' likewise (the worker must not slow them).
const repeat = repeatVisits && {
  app: { first: pick(repeatVisits.app, (run) => run.first), second: pick(repeatVisits.app, (run) => run.second) },
  plain: { first: pick(repeatVisits.plain, (run) => run.first), second: pick(repeatVisits.plain, (run) => run.second) },
  secondRatio: pick(repeatVisits.app.map((run, n) => run.second / repeatVisits.plain[n].second), (ratio) => ratio),
  firstRatio: pick(repeatVisits.app.map((run, n) => run.first / repeatVisits.plain[n].first), (ratio) => ratio),
  fromWorker: repeatVisits.app.filter((run) => run.fromWorker).length,
};
function repeatTable() {
  const cell = ({ median, min, max }) => `${median.toFixed(0)} ms (${min.toFixed(0)} – ${max.toFixed(0)})`;
  const ratio = ({ median, min, max }) => `${median.toFixed(2)} (${min.toFixed(2)} – ${max.toFixed(2)})`;
  let text = `## Repeat visits (issue 29)\n\n${runs} runs each, alternating; medians with the spread (min – max). Method: ${REPEAT_METHOD}.\n\n`;
  text += '| LCP | App story (warm worker) | Plain page | App ÷ plain (same round) |\n|---|---|---|---|\n';
  text += `| First visit | ${cell(repeat.app.first)} | ${cell(repeat.plain.first)} | ${ratio(repeat.firstRatio)} |\n`;
  text += `| Second visit | ${cell(repeat.app.second)} | ${cell(repeat.plain.second)} | ${ratio(repeat.secondRatio)} |\n`;
  text += `\nThe app's second visit had its page from the worker in ${repeat.fromWorker} of ${runs} runs. Target: second-visit ratio ≤ 0.6 — ${repeat.secondRatio.median <= 0.6 ? 'met' : '**not met**'}.\n`;
  return text;
}
if (onlyRepeat) {
  const when = new Date().toISOString();
  const md = `# Benchmark, ${when}: repeat visits only\n\n${repeatTable()}`;
  const resultsDir = path.join(here, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = `repeat-${when.replace(/[:.]/g, '-')}`;
  fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), JSON.stringify({ when, runs, base: throttled, method: REPEAT_METHOD, repeat, raw: repeatVisits }, null, 2));
  fs.writeFileSync(path.join(resultsDir, `${stamp}.md`), md);
  console.log(md);
  console.error(`written to ${path.relative(process.cwd(), path.join(resultsDir, `${stamp}.md`))} and .json`);
  process.exit(0);
}
const pages = Object.fromEntries(Object.entries(lighthouse).map(([name, list]) => [name, {
  fcpMs: pick(list, (run) => run.fcp),
  lcpMs: pick(list, (run) => run.lcp),
  cls: pick(list, (run) => run.cls),
  tbtMs: pick(list, (run) => run.tbt),
  ...Object.fromEntries(['performance', 'accessibility', 'best-practices', 'seo'].map((id) => [`score ${id}`, pick(list, (run) => run.scores[id])])),
  ...Object.fromEntries(['document', 'script', 'wasm', 'stylesheet', 'json', 'image', 'other', 'firstPage', 'total'].map((kind) => [`bytes ${kind}`, pick(list, (run) => run.bytes[kind])])),
}]));
const baseline = lighthouse[PLAIN];
const appPages = ['app article (deep link)', 'app home', 'app long read'];
// Each app page's FCP and LCP over the plain page's in the same round (the runs alternate).
const ratios = Object.fromEntries(appPages.map((name) => [name, {
  fcp: pick(lighthouse[name].map((run, n) => run.fcp / baseline[n].fcp), (ratio) => ratio),
  lcp: pick(lighthouse[name].map((run, n) => run.lcp / baseline[n].lcp), (ratio) => ratio),
}]));
const lcpRatio = ratios['app article (deep link)'].lcp;
const timing = Object.fromEntries(Object.entries(timings).map(([name, list]) => [name,
  Object.fromEntries(Object.keys(list[0]).map((key) => [key, pick(list, (run) => run[key])]))]));

const highest = (key) => Math.max(...appPages.map((name) => pages[name][key].median));
const lowest = (key) => Math.min(...appPages.map((name) => pages[name][key].median));
const allTargets = [
  ['First page (HTML + JS + wasm + CSS), brotli, article', pages['app article (deep link)']['bytes firstPage'].median, '≤ 150 KB', (v) => v <= 150 * 1024, kb],
  ['First page (HTML + JS + wasm + CSS), brotli, home', pages['app home']['bytes firstPage'].median, '≤ 150 KB', (v) => v <= 150 * 1024, kb],
  ['LCP(app) / LCP(plain page), article deep link', lcpRatio.median, '≤ 1.05', (v) => v <= 1.05, (v) => v.toFixed(2)],
  ['FCP(app) / FCP(plain page), article deep link', ratios['app article (deep link)'].fcp.median, '≤ 1.05', (v) => v <= 1.05, (v) => v.toFixed(2)],
  ['LCP(app home) / LCP(plain page)', ratios['app home'].lcp.median, '≤ 1.05', (v) => v <= 1.05, (v) => v.toFixed(2)],
  ['LCP(app story, warm worker) / LCP(plain page), second visit, throttled at the server', repeat ? repeat.secondRatio.median : undefined, '≤ 0.6', (v) => v <= 0.6, (v) => v.toFixed(2)],
  ['CLS, worst app page', Math.max(...appPages.map((name) => pages[name].cls.max)), '0 (< 0.001)', (v) => v < 0.001, (v) => v.toFixed(4)],
  ['TBT, worst app page', highest('tbtMs'), '≤ 50 ms', (v) => v <= 50, ms],
  ...['performance', 'accessibility', 'best-practices', 'seo'].map((id) => [`Lighthouse ${id}, lowest app page`, lowest(`score ${id}`), '≥ 95', (v) => v >= 95, String]),
  ['10,000-entry feed: first screen after the data (next frame)', timing.feed10k?.firstScreenFrameMs.median, '≤ 200 ms', (v) => v <= 200, ms],
  ['10,000-entry feed: long tasks after the first screen', timing.feed10k?.longTasksAfterFirstScreen.max, '0', (v) => v === 0, String],
  ['Section page of a 10,000-entry feed: first screen after the data (next frame)', timing.section10k?.firstScreenFrameMs.median, '≤ 200 ms', (v) => v <= 200, ms],
  ['Search of a 10,000-article build: first results after the last key, typing pause included (next frame)', timing.search10k?.firstResultsFrameMs.median, '≤ 300 ms', (v) => v <= 300, ms],
  ['500-paragraph article: render after the data (next frame)', timing.article500?.renderFrameMs.median, '≤ 100 ms', (v) => v <= 100, ms],
  ['5,000-word Gutenberg post from WordPress: map and render after its answer (next frame)', timing.wordpress5000?.renderFrameMs.median, '≤ 100 ms', (v) => v <= 100, ms],
  // Work done by the page, click to DOM: the next frame then shows it. The frame times in the
  // table below add the wait for the display's next refresh (up to 16.7 ms), which no page
  // can shorten.
  ['Comment post with 2,000 stored: click to comment in the page (first post of the visit)', timing.comment2000?.postMs.median, '≤ 16 ms', (v) => v <= 16, ms],
  ['Comment post with 2,000 stored: click to comment in the page (a later post)', timing.comment2000?.secondPostMs.median, '≤ 16 ms', (v) => v <= 16, ms],
  ['Comment box works: a story opened by its address, 4× CPU, navigation start to the app\'s form (no goal: compared across designs)', timing.commentBox?.worksFrameMs.median, 'none', () => null, ms],
  ['Route change with cached data: click to the new page in the DOM', timing.routeChange?.changeMs.median, '≤ 16.7 ms (one frame)', (v) => v <= 16.7, ms],
];
// Without the timings, the targets they measure are left out rather than shown as unmet.
const targets = allTargets
  .filter(([, value]) => value !== undefined)
  .map(([name, value, target, isMet, format]) => ({ name, value, shown: value === null ? 'n/a' : format(value), target, met: value === null ? false : isMet(value) }));

function kb(bytes) { return `${(bytes / 1024).toFixed(1)} KB`; }
function ms(value) { return `${value.toFixed(1)} ms`; }
const fmt = (key, value) => {
  if (value === null) return 'n/a';
  if (key.startsWith('bytes')) return kb(value);
  if (key === 'cls' || key === 'ratio') return value.toFixed(4);
  if (key.startsWith('score')) return String(value);
  if (key.endsWith('MB')) return `${value.toFixed(1)} MB`;
  if (key.endsWith('Ms')) return ms(value);
  return String(Math.round(value * 10) / 10);
};
const spread = (key, { median, min, max }) => `${fmt(key, median)} (${fmt(key, min)} – ${fmt(key, max)})`;

const when = new Date().toISOString();
let md = `# Benchmark, ${when}${language === 'en' ? '' : `, site in ${language}`}\n\n${runs} runs each, alternating; medians with the spread (min – max) in brackets. Lighthouse ${'12'} mobile (simulated slow 4G, 4× CPU slowdown); bytes are transferred sizes as served (brotli).\n\n`;
md += '## Targets\n\n| Target | Measured (median) | Goal | Met |\n|---|---|---|---|\n';
for (const target of targets) md += `| ${target.name} | ${target.shown} | ${target.target} | ${target.met === null ? '—' : target.met ? 'yes' : '**no**'} |\n`;
md += `\n## Lighthouse\n\n| Metric | ${Object.keys(pages).join(' | ')} |\n|---|${Object.keys(pages).map(() => '---').join('|')}|\n`;
for (const key of Object.keys(pages['app home'])) md += `| ${key} | ${Object.values(pages).map((page) => spread(key, page[key])).join(' | ')} |\n`;
md += `\n## Ratios to the plain page (same round)\n\n| Page | FCP ratio | LCP ratio |\n|---|---|---|\n`;
for (const name of appPages) md += `| ${name} | ${spread('ratio', ratios[name].fcp)} | ${spread('ratio', ratios[name].lcp)} |\n`;
if (repeat) md += `\n${repeatTable()}`;
md += '\n## In-browser timings (Playwright, headless Chromium, no throttling)\n\n| Scenario | Measure | Median (min – max) |\n|---|---|---|\n';
for (const [name, measures] of Object.entries(timing)) {
  for (const [key, value] of Object.entries(measures)) md += `| ${name} | ${key} | ${spread(key, value)} |\n`;
}

const twiggy = process.env.TWIGGY_REPORT && fs.existsSync(process.env.TWIGGY_REPORT)
  ? fs.readFileSync(process.env.TWIGGY_REPORT, 'utf8')
  : null;
if (twiggy) {
  md += '\n## The wasm\'s 30 largest items (twiggy top, before wasm-bindgen and wasm-opt)\n\n```\n' + twiggy.trimEnd() + '\n```\n';
}

const resultsDir = path.join(here, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const stamp = when.replace(/[:.]/g, '-');
const json = JSON.stringify({ when, runs, base, language, targets, lighthouse: pages, ratios, timings: timing, repeat, twiggy, raw: { lighthouse, timings, repeatVisits } }, null, 2);
for (const name of [stamp, 'latest']) {
  fs.writeFileSync(path.join(resultsDir, `${name}.json`), json);
  fs.writeFileSync(path.join(resultsDir, `${name}.md`), md);
}
console.log(md);
console.error(`written to ${path.relative(process.cwd(), path.join(resultsDir, `${stamp}.md`))} and .json`);

import { defineConfig } from '@playwright/test';

// The release build is served by .ci/serve.py as a plain static host (no rewrites; 404.html
// for unknown paths): dist/ at the root, and a second build under /news/. Debian's Chromium
// drives it: no browser is downloaded.
const port = Number(process.env.E2E_PORT ?? 8091);
const subpathPort = Number(process.env.E2E_SUBPATH_PORT ?? 8092);
// A different origin for the page that embeds articles.
export const hostPort = Number(process.env.E2E_HOST_PORT ?? 8093);
// Python's own http.server, untouched, on the root build.
const barePort = Number(process.env.E2E_BARE_PORT ?? 8094);
// The root build behind a single-page-app rewrite (unknown addresses answered with index.html).
const spaPort = Number(process.env.E2E_SPA_PORT ?? 8095);
// A site built from the test WordPress (tests/wordpress/, on 8096), reading it live.
const wordpressSitePort = Number(process.env.E2E_WORDPRESS_SITE_PORT ?? 8097);
// A site built from the test Ghost (tests/ghost/, on 8099), reading it live.
const ghostSitePort = Number(process.env.E2E_GHOST_SITE_PORT ?? 8098);
const ghostPort = Number(process.env.E2E_GHOST_PORT ?? process.env.GHOST_PORT ?? 8099);
// A site built from the root build's feed.json, reading it live.
const jsonFeedSitePort = Number(process.env.E2E_JSONFEED_SITE_PORT ?? 8100);

// The root build with its search index in segments of two stories (.ci/test.sh): the search
// tests again, since a segmented index must find what one index finds.
const segmentedPort = Number(process.env.E2E_SEGMENTED_PORT ?? 8131);

// The Arabic sample site (samples/ar/, built by .ci/build-language-site.sh): its own stories,
// words, dates and direction.
const arabicPort = Number(process.env.E2E_ARABIC_PORT ?? 8132);
// The English build prerendered again in each other shipped language (its language meta
// switched, .ci/build-language-site.sh), one under each /<code>/.
const languagesPort = Number(process.env.E2E_LANGUAGES_PORT ?? 8133);
const switchedLanguages = ['de', 'es', 'fr', 'ru'] as const;

// The ports .ci/real-hosts.py gives each server's four sites, in this order.
const realHosts = (['nginx', 'caddy'] as const).flatMap((server, serverIdx) =>
  ([['404', '/'], ['spa', '/'], ['404', '/news/'], ['spa', '/news/']] as const).map(([style, base], siteIdx) => ({
    server,
    style,
    base,
    port: 8101 + 10 * serverIdx + siteIdx,
  })),
);

// The ports of the sites the engines suite (engines.config.ts) uses too.
export const ports = { root: port, subpath: subpathPort, host: hostPort, wordpressSite: wordpressSitePort, arabic: arabicPort };

// The servers every run starts; the engines suite (engines.config.ts) starts some of them too.
export const webServers = [
  {
    command: `python3 ../../.ci/serve.py ../../dist --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    command: `python3 -m http.server ${barePort} --bind 127.0.0.1 --directory ../../dist`,
    url: `http://127.0.0.1:${barePort}/`,
    reuseExistingServer: false,
    stderr: 'ignore',
  },
  {
    command: `python3 ../../.ci/serve.py ../../dist --port ${spaPort} --spa-fallback`,
    url: `http://127.0.0.1:${spaPort}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  ...(['nginx', 'caddy'] as const).map((server) => ({
    command: `python3 ../../.ci/real-hosts.py ${server}`,
    url: `http://127.0.0.1:${realHosts.find((host) => host.server === server)?.port}/`,
    reuseExistingServer: false,
    stdout: 'ignore' as const,
  })),
  {
    command: `python3 ../../.ci/serve.py host --port ${hostPort}`,
    url: `http://127.0.0.1:${hostPort}/host.html`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    command: `python3 ../../.ci/serve.py ../../target/e2e-wordpress --port ${wordpressSitePort}`,
    url: `http://127.0.0.1:${wordpressSitePort}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    // Started by .ci/test.sh before the build imports from it (and stopped when it ends);
    // started here otherwise, with the state and keys the build saw.
    command: `bash ../../tests/ghost/ghost.sh serve`,
    url: `http://127.0.0.1:${ghostPort}/ghost/api/admin/site/`,
    reuseExistingServer: true,
    timeout: 180_000,
    env: { GHOST_PORT: String(ghostPort) },
    stdout: 'ignore' as const,
  },
  {
    command: `python3 ../../.ci/serve.py ../../target/e2e-ghost --port ${ghostSitePort}`,
    url: `http://127.0.0.1:${ghostSitePort}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    command: `python3 ../../.ci/serve.py ../../target/e2e-jsonfeed --port ${jsonFeedSitePort}`,
    url: `http://127.0.0.1:${jsonFeedSitePort}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    command: `python3 ../../.ci/serve.py ../../target/e2e-segmented --port ${segmentedPort}`,
    url: `http://127.0.0.1:${segmentedPort}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    command: `python3 ../../.ci/serve.py ../../target/e2e-ar --port ${arabicPort}`,
    url: `http://127.0.0.1:${arabicPort}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    command: `python3 ../../.ci/serve.py ../../target/e2e-languages --port ${languagesPort}`,
    url: `http://127.0.0.1:${languagesPort}/${switchedLanguages[0]}/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
  {
    command: `python3 ../../.ci/serve.py ../../target/e2e-subpath --port ${subpathPort}`,
    url: `http://127.0.0.1:${subpathPort}/news/`,
    reuseExistingServer: false,
    env: { SERVE_QUIET: '1' },
  },
];

export default defineConfig({
  testDir: '.',
  // The engines suite (engines.config.ts) runs on its own.
  testIgnore: /\/engines\//,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    // The site's offline worker answers a page's requests once it is installed, and Playwright's
    // request interception does not see those: it runs only in the offline projects below.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'root', testIgnore: /spa-host|real-hosts|wordpress|ghost|jsonfeed|offline|\/engines\/|\/arabic\// },
    // Reading offline (the site's own worker, allowed here only): at the root and under /news/
    // on the plain static server, and under /news/ on nginx and Caddy with the shipped policy.
    ...[
      ['offline', `http://127.0.0.1:${port}/`],
      ['offline-news', `http://127.0.0.1:${subpathPort}/news/`],
      ...(['nginx', 'caddy'] as const).map((server) => [
        `offline-${server}-news`,
        `http://127.0.0.1:${realHosts.find((host) => host.server === server && host.style === '404' && host.base === '/news/')?.port}/news/`,
      ]),
    ].map(([name, baseURL]) => ({ name, testMatch: /offline\.spec\.ts$/, use: { baseURL, serviceWorkers: 'allow' as const } })),
    // The Arabic sample site: tests/e2e/arabic/ (its pages, parity, axe), expecting the words of
    // crates/i18n/catalogs/ar.txt.
    { name: 'arabic', testDir: './arabic', use: { baseURL: `http://127.0.0.1:${arabicPort}/` } },
    // The English build prerendered in each other language: the prerendered page is the page
    // the app draws in that language too (one page of each kind).
    ...switchedLanguages.map((language) => ({
      name: `english-in-${language}`,
      testMatch: /e2e\/parity\.spec\.ts$/,
      grep: /the home page|the article syria-war-final-assault-raqqa|not-found|section page|tag page|author page|site page|widget page/,
      use: { baseURL: `http://127.0.0.1:${languagesPort}/${language}/` },
    })),
    // Sites built from publishers' sources (.ci/build-source-site.sh), reading them live.
    { name: 'wordpress', testMatch: /wordpress/, use: { baseURL: `http://127.0.0.1:${wordpressSitePort}/` } },
    { name: 'ghost', testMatch: /ghost/, use: { baseURL: `http://127.0.0.1:${ghostSitePort}/` } },
    { name: 'jsonfeed', testMatch: /jsonfeed/, use: { baseURL: `http://127.0.0.1:${jsonFeedSitePort}/` } },
    { name: 'spa', testMatch: /spa-host/, use: { baseURL: `http://127.0.0.1:${spaPort}/` } },
    { name: 'subpath', testMatch: /hosting|embed|search|topics|new-stories/, use: { baseURL: `http://127.0.0.1:${subpathPort}/news/` } },
    { name: 'segmented-index', testMatch: /e2e\/search\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${segmentedPort}/` } },
    // nginx and Caddy with the shipped configuration (.ci/real-hosts.py): each style at the
    // root and under /news/.
    ...realHosts.map(({ server, style, base, port }) => ({
      name: `${server}-${style}${base === '/' ? '-root' : '-news'}`,
      testMatch: /real-hosts/,
      metadata: { server, style },
      use: { baseURL: `http://127.0.0.1:${port}${base}` },
    })),
  ],
  webServer: webServers,
});

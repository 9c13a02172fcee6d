import { defineConfig } from '@playwright/test';
import { ports, webServers } from './playwright.config';
import type { EngineOptions } from './engines/support';

// The engines suite: one WebDriver suite (selenium-webdriver, specs in engines/), written once
// and run by Playwright's runner in Chromium, Firefox ESR and WebKitGTK, each through its own
// WebDriver server from Debian or crates.io (see engines/support.ts). Playwright's own
// Firefox and WebKit cannot be downloaded here, and its BiDi Firefox does not drive ESR.
//
//   playwright test -c engines.config.ts --project firefox     (or: bash .ci/engines.sh firefox)

// The same servers as the Playwright run, the ones these specs use. Faults come from the
// server: serve.py's --scenarios mode answers each browser session as its test asked
// (engines/support.ts, `scenario`), so tests and engines running at once never meet.
const servers = webServers
  .filter((server) => Object.values(ports).some((port) => server.url.startsWith(`http://127.0.0.1:${port}/`)))
  .map((server) =>
    server.command.includes('.ci/serve.py ../../') ? { ...server, command: `${server.command} --scenarios` } : server,
  );

const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--window-size=1280,900',
];

export default defineConfig<EngineOptions>({
  testDir: 'engines',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: 'test-results/engines',
  use: { baseURL: `http://127.0.0.1:${ports.root}/` },
  projects: [
    {
      name: 'chromium',
      use: {
        engine: {
          driver: [process.env.CHROMEDRIVER ?? '/usr/bin/chromedriver', '--port={port}'],
          capabilities: {
            browserName: 'chrome',
            'goog:chromeOptions': { binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumFlags },
          },
        },
      },
    },
    {
      name: 'firefox',
      use: {
        engine: {
          driver: [process.env.GECKODRIVER ?? 'geckodriver', '--port={port}', '--host=127.0.0.1'],
          capabilities: {
            browserName: 'firefox',
            'moz:firefoxOptions': {
              binary: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
              args: ['-headless', '--width=1280', '--height=900'],
            },
          },
        },
      },
    },
    {
      name: 'webkit',
      use: {
        engine: {
          driver: [process.env.WEBKITDRIVER ?? '/usr/bin/WebKitWebDriver', '--port={port}'],
          // WebKitGTK has no headless mode: its worker starts an X server of its own (Xvfb).
          display: true,
          capabilities: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': {
              binary: process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
              args: ['--automation'],
            },
          },
        },
      },
    },
  ],
  webServer: servers,
});

import { defineConfig } from '@playwright/test';
import config, { ports, webServers } from './playwright.config';

// Pictures for people to look at, not tests: the Arabic sample site's pages at phone and
// desktop sizes, light and dark, written to target/screenshots/ar/. Not part of the test run:
//
//   cd tests/e2e && playwright test -c capture.config.ts
export default defineConfig({
  ...config,
  testDir: 'arabic',
  testMatch: /\.capture\.ts$/,
  testIgnore: [],
  outputDir: 'test-results/capture',
  use: { ...config.use, baseURL: `http://127.0.0.1:${ports.arabic}/` },
  projects: [{ name: 'capture' }],
  webServer: webServers.filter((server) => server.url.startsWith(`http://127.0.0.1:${ports.arabic}/`)),
});

import { test as base, expect } from '@playwright/test';
import { Builder, Key, WebDriver, WebElement } from 'selenium-webdriver';
import { spawn, ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { ports } from '../playwright.config';

// The engines suite's fixtures: each worker starts its engine's WebDriver server (and, for
// WebKitGTK, an X server), each test gets a browser session of its own (so localStorage and
// cookies start empty), a `page` to read it by role, label and text like Playwright's, and
// a `scenario`: what serve.py --scenarios answers this session alone (see .ci/serve.py).
// A test fails on any uncaught error, unhandled rejection or panic in a page it opened, as
// ../support.ts does for Playwright: serve.py puts a watcher first in each page.

/** How a project drives its browser: the WebDriver server's command (`{port}` is filled in),
 * the session's capabilities, and whether it needs an X display. */
export type Engine = { driver: string[]; capabilities: Record<string, unknown>; display?: boolean };
export type EngineOptions = { engine: Engine };

type WorkerFixtures = EngineOptions & { service: { url: string } };
type TestFixtures = { scenarioId: string; driver: WebDriver; page: Page; scenario: Scenario };

export const SEED = 'syria-war-final-assault-raqqa';
export const SEED_TITLE = "Syria war: 'Final assault' launched to recapture Raqqa";
const SCENARIO_PORTS = [ports.root, ports.subpath, ports.wordpressSite, ports.arabic];

export const test = base.extend<TestFixtures, WorkerFixtures>({
  engine: [undefined as unknown as Engine, { option: true, scope: 'worker' }],

  service: [
    async ({ engine }, use) => {
      const env = { ...process.env };
      const display = engine.display ? await startXvfb() : undefined;
      if (display) env.DISPLAY = display.name;
      const port = await freePort();
      const [command, ...args] = engine.driver.map((part) => part.replace('{port}', String(port)));
      const server = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let output = '';
      server.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
      const url = `http://127.0.0.1:${port}`;
      await expect
        .poll(async () => (server.exitCode === null ? (await fetch(`${url}/status`).catch(() => undefined))?.status : 'exited'), {
          message: `${command} answers on ${url} (${output})`,
          timeout: 20_000,
        })
        .toBe(200);
      await use({ url });
      await stop(server);
      if (display) await stop(display.process);
    },
    { scope: 'worker' },
  ],

  scenarioId: async ({}, use, testInfo) => {
    await use(`${testInfo.project.name}-${testInfo.testId}-${testInfo.retry}`.replace(/[^A-Za-z0-9-]/g, '-'));
  },

  // Its own time, so that a session opened a second time does not eat the test's.
  driver: [async ({ service, engine, baseURL, scenarioId }, use) => {
    const driver = await openSession(service.url, engine, new URL('/__scenario__/start', baseURL).href, scenarioId);
    try {
      await use(driver);
      const inPage = await driver
        .executeScript<string[]>('return window.__e2eErrors || []')
        .catch(() => [] as string[]);
      const reported = await Promise.all(
        SCENARIO_PORTS.map((port) =>
          fetch(`http://127.0.0.1:${port}/__scenario__/${scenarioId}/errors`)
            .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
            .catch(() => [] as string[]),
        ),
      );
      const crashes = [...new Set([...reported.flat(), ...inPage.map((text) => `(this page) ${text}`)])];
      expect(crashes, 'no panic or uncaught error in the pages').toEqual([]);
    } finally {
      await driver.quit().catch(() => {});
    }
  }, { timeout: 60_000 }],

  page: async ({ driver, baseURL }, use) => {
    await use(new Page(driver, baseURL ?? ''));
  },

  scenario: async ({ scenarioId, baseURL }, use) => {
    await use(new Scenario(scenarioId, new URL(baseURL ?? '').origin));
  },
});

export { expect };

/** Fake answers from the server, for this test's browser session only. */
export class Scenario {
  private answers: Record<string, Fake> = {};

  constructor(readonly id: string, readonly origin: string) {}

  /** From now on, a request for `path` (the address's path, e.g. `/content/index.json`) gets `fake`. */
  async answer(path: string, fake: Fake) {
    this.answers[path] = fake;
    await this.send();
  }

  /** A request for `path` answers from the site's files again (one that was held goes on). */
  async release(path: string) {
    delete this.answers[path];
    await this.send();
  }

  /** Every path answers from the site's files again. */
  async reset() {
    this.answers = {};
    await this.send();
  }

  private async send() {
    const response = await fetch(`${this.origin}/__scenario__/${this.id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(this.answers),
    });
    expect(response.status, `${this.origin} runs serve.py --scenarios`).toBe(204);
  }
}
/** An answer, or `drop`: the connection closed without one, as when the network is lost; or
 * `held`: no answer until the test answers otherwise (see `Scenario.release`). */
export type Fake = { status?: number; body: string; contentType?: string } | { drop: true } | { held: true };

type Matcher = string | RegExp;
type WireMatcher = { s?: string; re?: [string, string] };
type Step =
  | { kind: 'role'; role: string; name?: WireMatcher; level?: number }
  | { kind: 'text' | 'label' | 'hasText'; text: WireMatcher }
  | { kind: 'nth'; index: number }
  | { kind: 'css'; selector: string };

const wire = (matcher: Matcher | undefined): WireMatcher | undefined =>
  matcher === undefined ? undefined : typeof matcher === 'string' ? { s: matcher } : { re: [matcher.source, matcher.flags] };

// Testing Library's queries (the ARIA roles and accessible names of dom-accessibility-api),
// put into a document the first time a test looks into it.
const DOM_LIBRARY = readFileSync(require.resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'), 'utf8');

// Runs in the page: the elements the steps find, or null when the library is not there yet.
// Strings match the whole (whitespace-collapsed) name or text; a RegExp matches part of it.
const FIND = `
const steps = arguments[0];
const TL = window.TestingLibraryDom;
if (!TL) return null;
// Under geckodriver each script runs in a realm of its own: a RegExp for the library (which
// asks \`instanceof RegExp\`) is made by the one it was put into the page with.
const matcher = (m) => (m === undefined ? undefined : m.re ? window.TestingLibraryRegExp(m.re[0], m.re[1]) : m.s);
const norm = (text) => (text || '').replace(/\\s+/g, ' ').trim();
let found = [document.body];
for (const step of steps) {
  if (step.kind === 'nth') {
    const el = found.at(step.index);
    found = el ? [el] : [];
    continue;
  }
  if (step.kind === 'hasText') {
    const m = matcher(step.text);
    found = found.filter((el) => (typeof m === 'string' ? norm(el.textContent).includes(m) : m.test(norm(el.textContent))));
    continue;
  }
  const next = [];
  for (const container of found) {
    let hits = [];
    if (step.kind === 'role') hits = TL.queryAllByRole(container, step.role, { name: matcher(step.name), level: step.level });
    else if (step.kind === 'text') hits = TL.queryAllByText(container, matcher(step.text));
    else if (step.kind === 'label') hits = TL.queryAllByLabelText(container, matcher(step.text));
    else hits = [...container.querySelectorAll(step.selector)];
    for (const hit of hits) if (!next.includes(hit)) next.push(hit);
  }
  found = next;
}
return found;
`;

/** What a test reads and does in the browser: Playwright's page, the few parts the suite needs. */
export class Page {
  constructor(readonly driver: WebDriver, readonly baseURL: string) {}

  /** Opens `path` (against the base URL) and waits until the app has replaced the prerendered
   * page (or given up, leaving it to the reader), so clicks reach what stays on screen. */
  async goto(path: string) {
    await this.driver.get(new URL(path, this.baseURL).href);
    await this.tookOver();
  }

  async tookOver() {
    await expect
      .poll(() => this.evaluate(() => document.querySelectorAll('#prerendered:not([data-app="unavailable"])').length), {
        message: 'the app has taken over the page',
      })
      .toBe(0);
  }

  async reload() {
    await this.driver.navigate().refresh();
    await this.tookOver();
  }

  async back() {
    await this.driver.navigate().back();
  }

  async forward() {
    await this.driver.navigate().forward();
  }

  url() {
    return this.driver.getCurrentUrl();
  }

  title() {
    return this.driver.getTitle();
  }

  /** Runs `fn` in the page with `args` (plain values or elements). */
  async evaluate<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<T> {
    return this.driver.executeScript<T>(`return (${fn.toString()}).apply(null, arguments)`, ...args);
  }

  /** Marks the current document so a test can tell a client-side navigation from a reload. */
  async markDocument() {
    await this.tookOver();
    await this.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  }

  async isSameDocument() {
    return this.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
  }

  /** Opens an article by its address and waits for the app to show it. */
  async openArticle(slug: string) {
    await this.goto(`./article/${slug}`);
    await this.getByRole('heading', { level: 1 }).waitFor();
  }

  getByRole(role: string, options: { name?: Matcher; level?: number } = {}) {
    return new Query(this, []).getByRole(role, options);
  }

  getByText(text: Matcher) {
    return new Query(this, []).getByText(text);
  }

  getByLabel(text: Matcher) {
    return new Query(this, []).getByLabel(text);
  }

  locator(selector: string) {
    return new Query(this, []).locator(selector);
  }

  async find(steps: Step[]): Promise<WebElement[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.findOnce(steps);
      } catch (error) {
        // Geckodriver refuses to hand back an element the page replaced while the answer was
        // on its way (the app taking over the prerendered page): find again.
        if (!isGone(error) || attempt === 20) throw error;
      }
    }
  }

  private async findOnce(steps: Step[]): Promise<WebElement[]> {
    let found = await this.driver.executeScript<WebElement[] | null>(FIND, steps);
    if (found === null) {
      // Geckodriver runs each script with a global of its own (only `window` is the page's):
      // the library is kept on the window, with a way to make RegExps of its realm.
      await this.driver.executeScript(
        `${DOM_LIBRARY}\n;window.TestingLibraryDom = globalThis.TestingLibraryDom;` +
          'window.TestingLibraryRegExp = (source, flags) => new RegExp(source, flags); return 0;',
      );
      found = await this.driver.executeScript<WebElement[] | null>(FIND, steps);
    }
    if (found === null) throw new Error('Testing Library could not be put into the page');
    return found;
  }
}

const isGone = (error: unknown) =>
  // The names are the errors' classes (ElementClickInterceptedError) or their W3C codes
  // ("element click intercepted"), by driver.
  error instanceof Error &&
  /stale ?element|no ?such ?element|not ?interactable|click ?intercepted/i.test(`${error.name} ${error.message}`);

/** Elements found again each time they are asked for, like Playwright's locators: by role and
 * accessible name, label, visible text, within what the query before found. */
export class Query {
  constructor(readonly page: Page, readonly steps: Step[]) {}

  private and(step: Step) {
    return new Query(this.page, [...this.steps, step]);
  }

  getByRole(role: string, { name, level }: { name?: Matcher; level?: number } = {}) {
    return this.and({ kind: 'role', role, name: wire(name), level });
  }

  getByText(text: Matcher) {
    return this.and({ kind: 'text', text: wire(text)! });
  }

  getByLabel(text: Matcher) {
    return this.and({ kind: 'label', text: wire(text)! });
  }

  /** Only what contains `text`. */
  filter({ hasText }: { hasText: Matcher }) {
    return this.and({ kind: 'hasText', text: wire(hasText)! });
  }

  locator(selector: string) {
    return this.and({ kind: 'css', selector });
  }

  nth(index: number) {
    return this.and({ kind: 'nth', index });
  }

  first() {
    return this.nth(0);
  }

  last() {
    return this.nth(-1);
  }

  all() {
    return this.page.find(this.steps);
  }

  async count() {
    return (await this.all()).length;
  }

  /** The first element, once there is one. */
  async waitFor(message = `${this} is on the page`): Promise<WebElement> {
    let element: WebElement | undefined;
    await expect
      .poll(async () => {
        element = (await this.all())[0];
        return element !== undefined;
      }, { message })
      .toBe(true);
    return element!;
  }

  /** The elements' text content, white space collapsed (as Playwright's toHaveText compares). */
  texts() {
    return this.each((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim());
  }

  /** The first element's text, once there is one (as `texts`). */
  async text() {
    await this.waitFor();
    return (await this.texts())[0];
  }

  /** The first element's attribute, once there is one. */
  async attribute(name: string) {
    await this.waitFor();
    return (await this.each((el, attribute) => el.getAttribute(attribute as string), name))[0];
  }

  async value() {
    await this.waitFor();
    return (await this.each((el) => (el as HTMLInputElement).value))[0];
  }

  /** Whether the first element has keyboard focus (false while there is none). */
  async isFocused() {
    return (await this.each((el) => el === document.activeElement))[0] === true;
  }

  /** Runs `fn` on each element, in the page. */
  async each<T>(fn: (el: Element, arg?: unknown) => T, arg?: unknown): Promise<T[]> {
    for (let attempt = 1; ; attempt += 1) {
      const elements = await this.all();
      try {
        // The elements as arguments of their own: WebKitWebDriver leaves those in an array as
        // references, not elements.
        return await this.page.driver.executeScript<T[]>(
          `const fn = ${fn.toString()}; return [...arguments].slice(1).map((el) => fn(el, arguments[0]));`,
          arg,
          ...elements,
        );
      } catch (error) {
        // Replaced between finding and reading (the app took over, a list redrew): find again.
        if (!isGone(error) || attempt === 20) throw error;
      }
    }
  }

  /** Clicks the first element once there is one that takes the click. */
  async click() {
    await this.act((element) => element.click(), 'click');
  }

  /** Replaces the field's text by typing `text`, as a reader would (a line break is Enter). */
  async fill(text: string) {
    await this.act(async (element) => {
      await element.click();
      await element.sendKeys(Key.chord(Key.CONTROL, 'a'), Key.BACK_SPACE);
      // WebKitWebDriver types "\n" as nothing; Enter is a line break in a text area everywhere.
      const keys = text.split(/(\n)/).map((part) => (part === '\n' ? Key.ENTER : part)).filter(Boolean);
      if (keys.length > 0) await element.sendKeys(...keys);
    }, 'fill');
  }

  async press(key: string) {
    await this.act((element) => element.sendKeys(key), 'press');
  }

  private async act(action: (element: WebElement) => Promise<void>, what: string) {
    let last: unknown;
    await expect
      .poll(async () => {
        const element = (await this.all())[0];
        if (!element) return false;
        try {
          await action(element);
          return true;
        } catch (error) {
          if (!isGone(error)) throw error;
          last = error;
          return false;
        }
      }, { message: `${what} ${this} (${last})` })
      .toBe(true);
  }

  toString() {
    return this.steps
      .map((step) => {
        const show = (m?: WireMatcher) => (m === undefined ? '' : m.s !== undefined ? JSON.stringify(m.s) : `/${m.re?.[0]}/`);
        if (step.kind === 'role') return `${step.role}${step.level ? ` level ${step.level}` : ''} ${show(step.name)}`.trim();
        if (step.kind === 'nth') return `#${step.index}`;
        if (step.kind === 'css') return step.selector;
        return `${step.kind} ${show(step.text)}`;
      })
      .join(' > ');
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A browser session on the scenario's start page, with the cookie that tells serve.py which
 * scenario's answers this session gets (a cookie belongs to a host, not a port: every server of
 * the suite sees it). WebKitWebDriver now and then never answers a new session's first
 * commands; a second session, once the first has quit, does. */
async function openSession(server: string, engine: Engine, startPage: string, scenarioId: string): Promise<WebDriver> {
  const ATTEMPTS = 2;
  for (let attempt = 1; ; attempt += 1) {
    const driver = new Builder().usingServer(server).withCapabilities(engine.capabilities).build();
    const opening = (async () => {
      await driver.manage().window().setRect({ width: 1280, height: 900 });
      await driver.get(startPage);
      await driver.manage().addCookie({ name: 'e2e-scenario', value: scenarioId, path: '/' });
      return driver;
    })();
    let opened: WebDriver | undefined;
    try {
      opened = await within(20_000, opening);
    } catch (error) {
      await within(10_000, driver.quit()).catch(() => {});
      throw error;
    }
    if (opened) return opened;
    opening.catch(() => {});
    // Gone before the next: a driver may refuse a second session while one is open.
    await within(10_000, driver.quit()).catch(() => {});
    if (attempt === ATTEMPTS) throw new Error(`no browser session from ${server} after ${ATTEMPTS} tries of 20 s`);
  }
}

/** `promise`'s value, or undefined once `ms` have passed without one. */
async function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** An X server of its own (Xvfb picks a free display and names it on fd 3). */
async function startXvfb(): Promise<{ name: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let text = '';
    xvfb.stdio[3]?.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim());
    });
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before naming its display`)));
  });
  return { name: `:${number}`, process: xvfb };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill();
  await exited;
}

import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium, never a browser downloaded by `playwright install` (docs/contributing.md).
// Each test starts its own `serve` on a temp store and port 0 (test/e2e/fixtures/hub.ts), so
// two workers never share a site. `npm run test:e2e` builds the renderer first.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/fixtures/global-setup.ts',
  // Searches every site log line the suite's serves wrote for the tests' personal data (docs/logs.md).
  globalTeardown: './test/e2e/fixtures/global-teardown.ts',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
      // The browser's own language (headless Chromium on Linux reads LANGUAGE, not --lang): date
      // fields then read dd/mm/yyyy, as on a council PC.
      env: { ...process.env, LANGUAGE: 'en_GB' },
    },
  },
});

// Page object for the Niên biểu app: every test reaches the app through these methods and the
// data-testid hooks, never through CSS classes.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'artifacts');

export class AppPage {
  constructor(page, url) {
    this.page = page;
    this.url = url;
  }

  async open() {
    await this.page.goto(this.url);
    await this.page.getByTestId('result-count').or(this.page.getByTestId('load-error')).waitFor();
  }

  results() {
    return this.page.getByTestId('result');
  }

  async rows() {
    return this.results().evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.dataset.id,
        title: r.querySelector('h3').textContent,
        date: r.querySelector('time')?.textContent ?? null,
        datetime: r.querySelector('time')?.getAttribute('datetime') ?? null,
      })),
    );
  }

  async count() {
    return this.page.getByTestId('result-count').textContent();
  }

  bars() {
    return this.page.getByTestId('timeline-bar');
  }

  loadError() {
    return this.page.getByTestId('load-error');
  }

  async switchLanguage() {
    await this.page.getByTestId('lang-switch').click();
  }

  async screenshot(name) {
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    const path = join(ARTIFACTS, 'screenshots', `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }
}

// No layout spills, in every engine, whatever the order of events: at 360, 768, 1024 and 1440 px
// wide, after each change of the panels' sizes (a search, the reader opening and closing, the
// filters folding and unfolding, the window resizing, the device rotating), no panel scrolls
// sideways, nothing runs past its panel, and every drawn timeline bar is inside its chart and
// not covered. Long names in the reader wrap, their full text in the link's title.
import assert from 'node:assert/strict';
import { engineSuite } from '../support/engines/suite.mjs';
import { until } from '../support/app_page.mjs';

const HUNG_YEN = '000_a3aac47d90c9b531';
// Each width with its height, and the size the window is resized to and back from.
const SIZES = [
  { width: 360, height: 740, other: 414 },
  { width: 768, height: 1024, other: 900 },
  { width: 1024, height: 730, other: 800 },
  { width: 1440, height: 900, other: 1280 },
];
const FILTERS = 'details.filters-panel > summary';

engineSuite((s) => {
  s.test('1024 x 730: opening an article from "hung yen" keeps both bars and the whole axis in view', async (t) => {
    const { app, errors } = await s.openApp(t, { viewport: { width: 1024, height: 730 } });
    await app.search('hung yen');
    await app.waitForTotal(2);
    await app.openResult(0);
    await app.readerTitle();
    // The chart follows its narrower panel (a frame or two after the reader opens).
    await until(async () => (await app.layoutProblems()).length === 0, 'the layout to hold').catch(() => {});
    assert.deepEqual(await app.layoutProblems(), []);
    const bars = (await app.bars()).filter((b) => b.count > 0);
    assert.deepEqual(bars.map((b) => b.start), ['2021-11-01', '2024-01-01']);
    const ticks = await app.page.evaluate(() => [...document.querySelectorAll('[data-testid=timeline] text.tick')].map((t) => t.textContent));
    assert.ok(ticks.some((t) => /202[34]$/.test(t)), `the axis reaches 2023 or 2024: ${ticks.join(' ')}`);
    // The organisations' long names wrap inside the reader; each link carries its whole name.
    const links = await app.page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=reader] a.filter-link')].map((a) => ({ text: a.textContent, title: a.title })),
    );
    assert.ok(links.some((l) => l.text === 'Đảng bộ Liên đoàn Lao động tỉnh Hưng Yên'));
    assert.deepEqual(links.filter((l) => !l.title.includes(l.text)), [], 'links whose title lacks the name');
    await app.screenshot('reader-1024');
    assert.deepEqual(await errors(), []);
  });

  for (const { width, height, other } of SIZES) {
    s.test(`${width} px: no panel spills after any change of layout`, async (t) => {
      const { app, page, errors } = await s.openApp(t, { viewport: { width, height } });
      const problems = [];
      const check = async (step) => {
        await app.settle();
        // The chart is redrawn a frame after its box changes: give it a few.
        let found = await app.layoutProblems();
        const end = Date.now() + 2000;
        while (found.length && Date.now() < end) {
          await new Promise((r) => setTimeout(r, 100));
          found = await app.layoutProblems();
        }
        problems.push(...found.map((p) => `${step}: ${p}`));
      };
      await check('the list');
      await app.search('hung yen');
      await app.waitForTotal(2);
      await check('a search');
      await app.openResult(0);
      await app.readerTitle();
      await check('the reader opened');
      await page.press('Escape');
      await until(async () => !(await app.exists('reader')), 'the reader closes');
      await check('the reader closed');
      await page.click(FILTERS);
      await check('the filters folded or unfolded');
      await page.click(FILTERS);
      await check('the filters back');
      await app.open(`?q=hung+yen&a=${HUNG_YEN}`);
      await app.readerTitle();
      await check('a deep link to the reader');
      await page.setViewport(other, height);
      await check(`the window resized to ${other} px`);
      await page.setViewport(width, height);
      await check(`the window back to ${width} px`);
      await page.setViewport(height, width);
      await check(`rotated to ${height} x ${width}`);
      await page.setViewport(width, height);
      await check('rotated back');
      await page.press('Escape');
      await until(async () => !(await app.exists('reader')), 'the reader closes');
      await check('the reader closed again');
      if (problems.length) await app.screenshot(`spill-${width}`);
      assert.deepEqual(problems, []);
      assert.deepEqual(await errors(), []);
    });
  }
});

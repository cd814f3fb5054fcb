// Annotations as a user meets them: select text by mouse and by keyboard, highlight, write a
// note, tag, edit, undo, redo, delete; relaunch and find everything in place; notes shown as
// text, never markup; a damaged store recovered with a visible message; a big store painted
// quickly; and annotations following (or orphaned by) an edited document.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { positionSelector, quoteSelector } from '../../src-main/shared/anchoring';
import type { Annotation } from '../../src-main/shared/annotation';
import { DEFAULT_RESOURCES, expect, leavesApp, removeDataDir, test } from './fixtures';
import { ROOT } from './hosts';
import { painted } from './painted';
import { expectNoAxeViolations } from './a11y';
import { backUpWithout, damageIndexPage } from './stored';

const DOC = '000_85e98cc4eb8dedfb';
const SOURCE = await readFile(join(DEFAULT_RESOURCES, 'documents', `${DOC}.txt`), 'utf8');
const PHRASE = 'Med tiden har integrationsfrågorna blivit en allt viktigare del i EU-arbetet';
const OVERLAP = 'blivit en allt viktigare del i EU-arbetet och gruppens arbete har bidragit';

type Point = { x: number; y: number };

/** Screen points just inside the first and last character of `phrase` in paragraph `n`. */
async function phrasePoints(
  page: Page,
  n: number,
  phrase: string,
  scroll = true,
): Promise<{ from: Point; to: Point }> {
  // Centre it, so the notices at the bottom of the window do not cover it.
  if (scroll) await page.locator(`#stycke-${n}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  return page.evaluate(
    ([n, phrase]) => {
      const p = document.querySelector(`#stycke-${n} p`)!;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node as Text).data.indexOf(phrase as string);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + (phrase as string).length);
        const rects = [...r.getClientRects()];
        const first = rects[0]!;
        const last = rects[rects.length - 1]!;
        return {
          from: { x: first.left + 1, y: first.top + first.height / 2 },
          to: { x: last.right - 1, y: last.top + last.height / 2 },
        };
      }
      throw new Error(`phrase not found: ${phrase as string}`);
    },
    [n, phrase] as const,
  );
}

async function drag(page: Page, from: Point, to: Point): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
}

/** Drags the mouse across `phrase` in paragraph `n`, as a user selects it. */
async function dragSelect(page: Page, n: number, phrase: string): Promise<void> {
  const { from, to } = await phrasePoints(page, n, phrase);
  await drag(page, from, to);
}

/** Clicks the middle of the first painted range of a highlight. */
async function clickHighlight(page: Page, name: string): Promise<void> {
  const point = await page.evaluate((n) => {
    const range = [...(CSS.highlights.get(n) as unknown as Set<Range>)][0]!;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + Math.min(30, rect.width / 2), y: rect.top + rect.height / 2 };
  }, name);
  await page.mouse.click(point.x, point.y);
}

function makeAnnotation(source: string, passage: string, body: Partial<Annotation> = {}): Annotation {
  const start = source.indexOf(passage);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  const range = { start, end: start + passage.length };
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    documentId: DOC,
    paragraph: 2,
    quote: quoteSelector(source, range),
    position: positionSelector(range),
    colour: 'yellow',
    note: '',
    tags: [],
    created: now,
    modified: now,
    history: [],
    ...body,
  };
}

/** Measured inside the page: from a click on the document link to the first frame painted. */
function openAndMeasure(page: Page, count: number): Promise<{ paint: number; open: number }> {
  return page.evaluate(
    (n) =>
      new Promise<{ paint: number; open: number }>((resolve) => {
        const link = [...document.querySelectorAll('a')].find((a) =>
          a.textContent?.includes('Nationella kontaktpunkter'),
        )!;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(`article.document[data-annotations-painted="${n}"]`)) return;
          observer.disconnect();
          requestAnimationFrame(() =>
            setTimeout(() => {
              const paint = performance.getEntriesByName('lasaren:annotations-paint').at(-1)?.duration ?? NaN;
              resolve({ paint, open: performance.now() - t0 });
            }),
          );
        });
        observer.observe(document.body, { subtree: true, attributes: true, childList: true });
        link.click();
      }),
    count,
  );
}

async function writeStore(dataDir: string, annotations: Annotation[]): Promise<void> {
  await writeFile(join(dataDir, 'annotations.json'), JSON.stringify({ schemaVersion: 1, annotations }));
}

test('by mouse: select, highlight, overlap, note, tag, edit, undo, redo, delete; all kept over a restart', async ({
  app,
}) => {
  let page = app.page;
  await page.goto(app.url(`#/dokument/${DOC}`));
  const paragraph = page.locator('#stycke-2 p');
  const markup = await paragraph.innerHTML();
  await dragSelect(page, 2, PHRASE);
  const toolbar = page.getByRole('toolbar', { name: 'Markera texten' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: /Markera med gul/ }).click();
  await expect.poll(() => painted(page, 'lasaren-yellow')).toEqual([PHRASE]);
  await expect(page.getByRole('status')).toContainText('Markering sparad');
  // The text DOM is untouched: painting adds no elements around the text.
  expect(await paragraph.innerHTML()).toBe(markup);

  // An overlapping highlight in another colour; both stay painted.
  await dragSelect(page, 2, OVERLAP);
  await toolbar.getByRole('button', { name: /Markera med blå/ }).click();
  await expect.poll(() => painted(page, 'lasaren-blue')).toEqual([OVERLAP]);
  expect(await painted(page, 'lasaren-yellow')).toEqual([PHRASE]);

  // Click the yellow one (its start, outside the overlap) to edit: note with line breaks, tag, colour.
  await clickHighlight(page, 'lasaren-yellow');
  const editor = page.getByRole('dialog', { name: 'Redigera markering' });
  await expect(editor).toBeVisible();
  await editor.getByLabel('Anteckning').fill('Första raden\nAndra raden');
  await editor.getByLabel('Taggar').fill('remiss');
  await editor.getByLabel('Taggar').press('Enter');
  await editor.getByRole('radio', { name: 'Grön' }).check();
  await editor.getByRole('button', { name: 'Spara' }).click();
  await expect(editor).toBeHidden();
  await expect.poll(() => painted(page, 'lasaren-green')).toEqual([PHRASE]);
  expect(await painted(page, 'lasaren-yellow')).toEqual([]);

  // Undo with the notice's "Ångra", redo with Ctrl+Shift+Z, undo with Ctrl+Z.
  await page.getByRole('status').getByRole('button', { name: 'Ångra' }).last().click();
  await expect.poll(() => painted(page, 'lasaren-yellow')).toEqual([PHRASE]);
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(() => painted(page, 'lasaren-green')).toEqual([PHRASE]);

  // Delete the blue one, undo the delete with Ctrl+Z.
  await clickHighlight(page, 'lasaren-blue');
  await page.getByRole('dialog').getByRole('button', { name: 'Ta bort' }).click();
  await expect.poll(() => painted(page, 'lasaren-blue')).toEqual([]);
  await page.keyboard.press('Control+Z');
  await expect.poll(() => painted(page, 'lasaren-blue')).toEqual([OVERLAP]);

  // A note without colour, from the toolbar.
  await dragSelect(page, 3, 'handbok om integration för beslutsfattare och praktiker');
  await toolbar.getByRole('button', { name: 'Anteckning' }).click();
  await page.getByRole('dialog', { name: 'Ny anteckning' }).getByLabel('Anteckning').fill('Läs handboken.');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect
    .poll(() => painted(page, 'lasaren-note'))
    .toEqual(['handbok om integration för beslutsfattare och praktiker']);

  // Across a paragraph boundary: painted per paragraph, the paragraph number between left alone.
  const [five, six] = [await phrasePoints(page, 5, 'handboken'), await phrasePoints(page, 6, 'också', false)];
  await drag(page, five.from, six.to);
  await toolbar.getByRole('button', { name: /Markera med lila/ }).click();
  await expect
    .poll(async () => (await painted(page, 'lasaren-purple')).map((s) => s.trim()))
    .toEqual(['handboken är under utarbetande.', 'Gruppen har också']);

  // Relaunch: everything is there, in place.
  page = await app.restart();
  await page.goto(app.url(`#/dokument/${DOC}`));
  await expect.poll(() => painted(page, 'lasaren-green')).toEqual([PHRASE]);
  expect(await painted(page, 'lasaren-blue')).toEqual([OVERLAP]);
  expect(await painted(page, 'lasaren-note')).toEqual([
    'handbok om integration för beslutsfattare och praktiker',
  ]);

  // The notes panel lists all three with the note's line break kept.
  await page.getByRole('link', { name: 'Anteckningar' }).click();
  await expect(page.getByText('4 av 4 anteckningar')).toBeVisible();
  const note = page.locator('.card .note', { hasText: 'Första raden' });
  expect(await note.innerText()).toBe('Första raden\nAndra raden');
  await page.getByLabel('Tagg', { exact: true }).selectOption('remiss');
  await expect(page.getByText('1 av 4 anteckningar')).toBeVisible();
  await page.getByRole('link', { name: 'Gå till stycket' }).click();
  await expect(page.getByRole('dialog', { name: 'Redigera markering' })).toBeVisible();
  await expect(page.getByRole('dialog').getByLabel('Anteckning')).toHaveValue('Första raden\nAndra raden');

  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('by keyboard: select, highlight, note, tag, edit, undo, redo, delete', async ({ app }) => {
  let page = app.page;
  await page.goto(app.url(`#/dokument/${DOC}/stycke/2`));
  await expect(page.locator('#stycke-2')).toBeFocused();
  // Select the paragraph's first four words, then move the start past the first word.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(() => page.evaluate(() => getSelection()?.toString().trim())).toBe('arbete tar sin');
  await page.keyboard.press('Alt+3');
  await expect.poll(() => painted(page, 'lasaren-blue')).toEqual(['arbete tar sin']);

  // Extend a new selection from the paragraph and add a note and a tag with Alt+N.
  await page.locator('#stycke-3').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Alt+N');
  const editor = page.getByRole('dialog', { name: 'Ny anteckning' });
  await expect(editor.getByLabel('Anteckning')).toBeFocused();
  await page.keyboard.type('Rad ett');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Rad två');
  await page.keyboard.press('Tab');
  await expect(editor.getByLabel('Taggar')).toBeFocused();
  await page.keyboard.type('handbok');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(editor).toBeHidden();
  await expect.poll(() => painted(page, 'lasaren-note')).toEqual(['Inom ramen för']);

  // Edit the blue one: put the selection in it, Alt+E, pick the next colour with the arrows.
  await page.locator('#stycke-2').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.keyboard.press('Alt+E');
  const edit = page.getByRole('dialog', { name: 'Redigera markering' });
  await expect(edit.getByRole('radio', { name: 'Blå' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Enter');
  await expect(edit).toBeHidden();
  await expect.poll(() => painted(page, 'lasaren-pink')).toEqual(['arbete tar sin']);

  // Undo and redo with the keyboard.
  await page.keyboard.press('Control+Z');
  await expect.poll(() => painted(page, 'lasaren-blue')).toEqual(['arbete tar sin']);
  await page.keyboard.press('Control+Y');
  await expect.poll(() => painted(page, 'lasaren-pink')).toEqual(['arbete tar sin']);

  // Delete it from the editor, reached by Tab.
  await page.locator('#stycke-2').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('Control+Shift+ArrowRight');
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await page.keyboard.press('Alt+E');
  for (let i = 0; i < 10; i++) {
    if (await edit.getByRole('button', { name: 'Ta bort' }).evaluate((b) => b === document.activeElement))
      break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => painted(page, 'lasaren-pink')).toEqual([]);

  page = await app.restart();
  await page.goto(app.url(`#/dokument/${DOC}`));
  await expect.poll(() => painted(page, 'lasaren-note')).toEqual(['Inom ramen för']);
  expect(await painted(page, 'lasaren-pink')).toEqual([]);
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

test('the notes panel filters, sorts and suggests tags already used', async ({ app }) => {
  const PLAN = '003_e730e55ba1c2e8b7';
  const planSource = await readFile(join(DEFAULT_RESOURCES, 'documents', `${PLAN}.txt`), 'utf8');
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString();
  const later = makeAnnotation(SOURCE, 'Svensk representant i gruppen', {
    colour: 'green',
    note: 'Kontaktperson',
    tags: ['kontakt'],
    paragraph: 7,
    created: at(5),
    modified: at(5),
  });
  const first = makeAnnotation(SOURCE, PHRASE, {
    colour: 'yellow',
    tags: ['EU', 'remiss'],
    created: at(1),
    modified: at(9),
  });
  const plan = {
    ...makeAnnotation(planSource, 'utbildning, arbetsmarknad, hälsa och boende', {
      colour: null,
      note: 'Fyra områden',
      tags: ['remiss'],
      created: at(3),
      modified: at(3),
    }),
    documentId: PLAN,
  };
  await writeStore(app.dataDir, [later, plan, first]);
  const page = await app.restart();
  await page.goto(app.url('#/anteckningar'));
  const quotes = () => page.locator('.card blockquote').allTextContents();
  // Document order: the first document's passages by position, then the second document.
  await expect
    .poll(quotes)
    .toEqual([PHRASE, 'Svensk representant i gruppen', 'utbildning, arbetsmarknad, hälsa och boende']);
  await page.getByLabel('Sortera').selectOption('newest');
  await expect
    .poll(quotes)
    .toEqual([PHRASE, 'Svensk representant i gruppen', 'utbildning, arbetsmarknad, hälsa och boende']);
  await page.getByLabel('Sortera').selectOption('oldest');
  await expect
    .poll(quotes)
    .toEqual(['utbildning, arbetsmarknad, hälsa och boende', 'Svensk representant i gruppen', PHRASE]);

  await page.getByLabel('Färg').selectOption('none');
  await expect.poll(quotes).toEqual(['utbildning, arbetsmarknad, hälsa och boende']);
  await page.getByLabel('Färg').selectOption('');
  await page.getByLabel('Dokument', { exact: true }).selectOption(DOC);
  await expect(page.getByText('2 av 3 anteckningar')).toBeVisible();
  await page.getByLabel('Dokument', { exact: true }).selectOption('');
  await page.getByLabel('Sök i anteckningar').fill('kontaktPERSON');
  await expect.poll(quotes).toEqual(['Svensk representant i gruppen']);
  await page.getByLabel('Sök i anteckningar').fill('');
  await page.getByLabel('Tagg', { exact: true }).selectOption('remiss');
  await expect(page.getByText('2 av 3 anteckningar')).toBeVisible();

  // Tags already used are offered when tagging a new passage.
  await page.goto(app.url(`#/dokument/${DOC}`));
  await dragSelect(page, 1, 'goda exempel');
  await page.getByRole('toolbar').getByRole('button', { name: 'Taggar' }).click();
  const tags = page.getByRole('dialog', { name: 'Ny anteckning' }).getByLabel('Taggar');
  await expect(tags).toBeFocused();
  const listId = await tags.getAttribute('list');
  expect(
    await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
  ).toEqual(['EU', 'kontakt', 'remiss']);
  await tags.fill('kontakt');
  await tags.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => painted(page, 'lasaren-note')).toEqual(['goda exempel']);
});

test('HTML in a note is shown as text and never executed', async ({ app }) => {
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>fet?</b>';
  await writeStore(app.dataDir, [makeAnnotation(SOURCE, PHRASE, { note: evil, tags: ['<i>tagg</i>'] })]);
  const page = await app.restart();
  await page.goto(app.url('#/anteckningar'));
  await expect(page.locator('.card .note')).toHaveText(evil);
  await expect(page.locator('.card .tags li')).toHaveText('<i>tagg</i>');
  expect(await page.locator('.card img, .card script, .card b, .card i').count()).toBe(0);
  await page.goto(app.url(`#/dokument/${DOC}`));
  await expect.poll(() => painted(page, 'lasaren-yellow')).toEqual([PHRASE]);
  await clickHighlight(page, 'lasaren-yellow');
  await expect(page.getByRole('dialog').getByLabel('Anteckning')).toHaveValue(evil);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a damaged database is moved aside, the newest backup restored, and the user told what is missing', async ({
  app,
}) => {
  const kept = makeAnnotation(SOURCE, PHRASE, { note: 'Från säkerhetskopian' });
  const lost = makeAnnotation(SOURCE, 'Gruppens arbete tar', { note: 'Gjord efter säkerhetskopian' });
  // Both notes reach the database (through the import of the old JSON file at start).
  await writeStore(app.dataDir, [kept, lost]);
  let page = await app.restart();
  await page.goto(app.url('#/anteckningar'));
  await expect(page.getByText('Gjord efter säkerhetskopian')).toBeVisible();
  // While the app is stopped: a backup that lacks the second note, then damage to the file.
  page = await app.restart(() => {
    backUpWithout(app.dataDir, 'Gjord efter säkerhetskopian');
    damageIndexPage(app.dataDir);
  });
  const alert = page.getByRole('alert').filter({ hasText: 'Anteckningarna behövde återställas' });
  await expect(alert).toContainText('Databasen med dina anteckningar var skadad');
  await expect(alert).toContainText('har flyttats till');
  await expect(alert).toContainText('Jämfört med den skadade filen: 1 anteckning saknas.');
  await page.goto(app.url('#/anteckningar'));
  await expect(page.getByText('Från säkerhetskopian')).toBeVisible();
  await expect(page.getByText('Gjord efter säkerhetskopian')).toBeHidden();
  await alert.getByRole('button', { name: 'Stäng' }).click();
  await expect(alert).toBeHidden();
});

test('a document with 1,000 annotations opens and paints quickly (prints the figures)', async ({ app }) => {
  const words = [...SOURCE.matchAll(/\p{L}[\p{L}\d:-]*/gu)];
  const many: Annotation[] = [];
  const colours = ['yellow', 'green', 'blue', 'pink', 'purple', null] as const;
  for (let i = 0; i < 1000; i++) {
    const a = words[(i * 7) % words.length]!;
    const b = words[Math.min(words.length - 1, ((i * 7) % words.length) + (i % 9))]!;
    const start = a.index;
    const end = b.index + b[0].length;
    const range = { start, end };
    const now = new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)).toISOString();
    many.push({
      id: randomUUID(),
      documentId: DOC,
      paragraph: 1,
      quote: quoteSelector(SOURCE, range),
      position: positionSelector(range),
      colour: colours[i % colours.length]!,
      note: i % 6 === 5 ? `Anteckning ${i}` : '',
      tags: [],
      created: now,
      modified: now,
      history: [],
    });
  }
  // Baseline: the same document with no annotations. Loading the page afresh on the library
  // route keeps the app from reopening the last document by itself.
  await app.page.goto('about:blank');
  await app.page.goto(app.url('#/'));
  await expect(app.page.getByRole('heading', { name: 'Bibliotek' })).toBeVisible();
  // The heading comes before the list's rows: wait for the link the measurement clicks.
  await expect(app.page.getByRole('link', { name: /Nationella kontaktpunkter/ }).first()).toBeVisible();
  const baseline = await openAndMeasure(app.page, 0);
  await writeStore(app.dataDir, many);
  const page = await app.restart();
  await page.goto('about:blank');
  await page.goto(app.url('#/'));
  await expect(page.getByRole('heading', { name: 'Bibliotek' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Nationella kontaktpunkter/ }).first()).toBeVisible();
  const figures = await openAndMeasure(page, 1000);
  console.log(
    `1,000 annotations: anchoring + painting ${figures.paint.toFixed(1)} ms; ` +
      `click to the first painted frame (document fetched from the host on loopback, rendered, anchored, painted) ${figures.open.toFixed(1)} ms, ` +
      `${baseline.open.toFixed(1)} ms for the same document without annotations`,
  );
  expect((await painted(page, 'lasaren-yellow')).length).toBeGreaterThan(100);
});

test.describe("when a document's text is edited", () => {
  // A fixed path per worker process, so test.use can name it before beforeAll creates it.
  const resources = join(tmpdir(), `lasaren-resources-${process.pid}`);
  test.beforeAll(async () => {
    await cp(DEFAULT_RESOURCES, resources, { recursive: true });
    const edited = SOURCE.replace(
      'Gruppens arbete tar',
      'Ett nytt stycke som lagts till i en senare version.\n\nGruppens arbete tar',
    )
      .replace('bidragit till att en ökad', 'bidragit till en ökad')
      .replace('En fortsättning av handboken är under utarbetande. \n\n', '');
    await writeFile(join(resources, 'documents', `${DOC}.txt`), edited);
  });
  test.afterAll(() => removeDataDir(resources));
  test.use({ resourcesDir: resources });

  test('annotations follow the text or are shown as orphaned, never dropped', async ({ app }) => {
    await writeStore(app.dataDir, [
      makeAnnotation(SOURCE, PHRASE, { colour: 'yellow', note: 'Flyttad' }),
      makeAnnotation(SOURCE, 'gruppens arbete har bidragit till att en ökad samsyn', {
        colour: 'green',
        note: 'Rättat',
      }),
      makeAnnotation(SOURCE, 'En fortsättning av handboken är under utarbetande.', {
        colour: 'blue',
        note: 'Borttagen',
      }),
    ]);
    const page = await app.restart();
    await page.goto(app.url(`#/dokument/${DOC}`));
    await expect.poll(() => painted(page, 'lasaren-yellow')).toEqual([PHRASE]);
    expect(await painted(page, 'lasaren-green')).toEqual([
      'gruppens arbete har bidragit till en ökad samsyn',
    ]);
    expect(await painted(page, 'lasaren-blue')).toEqual([]);

    await page.goto(app.url('#/anteckningar'));
    await expect(page.getByText('3 av 3 anteckningar')).toBeVisible();
    const orphan = page.locator('.card', { hasText: 'Borttagen' });
    await expect(orphan).toContainText('Hittas inte i dokumentets nuvarande text');
    await expect(orphan).toContainText('En fortsättning av handboken är under utarbetande.');
    // The changed passage: old and new wording word by word, until the user accepts the change.
    const changed = page.locator('.card', { hasText: 'Rättat' });
    await expect(changed).toContainText('Ändrat sedan du antecknade');
    await expect(changed.locator('del')).toHaveText(/att/);
    await expect(page.locator('.card', { hasText: 'Flyttad' })).not.toContainText('Hittas inte');
    await expect(page.locator('.card', { hasText: 'Flyttad' })).not.toContainText('Ändrat sedan');
    await expectNoAxeViolations(page, 'changed annotation in the notes panel');

    // The reader lists the changed and the orphaned annotation above the text.
    await page.goto(app.url(`#/dokument/${DOC}`));
    const changes = page.getByRole('region', { name: /Ändringar i texten sedan du antecknade/ });
    await expect(changes.getByRole('listitem')).toHaveCount(2);
    const item = changes.getByRole('listitem').filter({ hasText: 'Rättat' });
    await expect(item).toContainText('Ändrat sedan du antecknade');
    await expect(item.locator('del')).toHaveText(/att/);
    await expect(changes.getByRole('listitem').filter({ hasText: 'Borttagen' })).toContainText(
      'Stycket har tagits bort eller skrivits om helt',
    );
    await expect
      .poll(() => painted(page, 'lasaren-changed'))
      .toEqual(['gruppens arbete har bidragit till en ökad samsyn']);
    const shot = test.info().outputPath('changed-annotation.png');
    await changes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot });
    await test.info().attach('changed-annotation', { path: shot, contentType: 'image/png' });
    await expectNoAxeViolations(page, 'changed and orphaned annotations in the reader');
    await item.getByRole('button', { name: 'Godkänn ändringen' }).click();
    await expect(changes.getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => painted(page, 'lasaren-changed')).toEqual([]);
    // Accepted for good: not asked again after a restart.
    const again = await app.restart();
    await again.goto(app.url('#/anteckningar'));
    await expect(again.locator('.card', { hasText: 'Rättat' })).not.toContainText('Ändrat sedan');
  });
});

test('notes the command line imports while the app runs appear without a restart', async ({ app }) => {
  const { page } = app;
  await page.goto(app.url('#/anteckningar'));
  await expect(page.getByText('Du har inga anteckningar ännu.')).toBeVisible();
  // A W3C JSON file, exported by the CLI from another data folder (written by the old release).
  const other = await mkdtemp(join(tmpdir(), 'lasaren-e2e-other-'));
  try {
    await writeStore(other, [makeAnnotation(SOURCE, PHRASE, { note: 'Importerad medan appen körde' })]);
    const file = join(other, 'export.json');
    const cli = (...args: string[]) =>
      execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'src-main/cli/main.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    cli('export', '--format', 'json', '--out', file, '--data', other);
    // The second process: the CLI's import on the running app's own data folder.
    expect(cli('import', file, '--data', app.dataDir)).toContain('Importen är klar. Nya: 1');
    await expect(page.locator('.card .note')).toHaveText('Importerad medan appen körde', { timeout: 5000 });
  } finally {
    await removeDataDir(other);
  }
  expect(app.requests.filter(leavesApp)).toEqual([]);
});

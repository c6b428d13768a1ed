import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsScreenshots } from '../../electron/tools/docs-screenshots.js';

/**
 * The docs stand on their own and match the app: every link from README.md and docs/ leads
 * somewhere (a file, and a heading in it when one is named), every screenshot the docs show is
 * one the browser tests take of the real app (`npm run screenshots` copies them), and none
 * lies about unused. Nothing points at files a clone does not have.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const pages = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const text = (page: string): string => fs.readFileSync(path.join(root, page), 'utf8');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  return new Set(
    [...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

function links(page: string): { target: string; anchor: string | null }[] {
  return [...text(page).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((href) => !/^[a-z]+:/.test(href) && !href.startsWith('#') && !href.startsWith('/'))
    .map((href) => {
      const [file, anchor] = href.split('#');
      return { target: path.join(path.dirname(page), file!), anchor: anchor ?? null };
    });
}

describe('the documentation', () => {
  it.each(pages)('%s links only to files and headings that exist', (page) => {
    const broken = links(page).filter(({ target, anchor }) => {
      if (!fs.existsSync(path.join(root, target))) return true;
      return anchor !== null && target.endsWith('.md') && !anchors(text(target)).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it('never sends a reader to DESIGN.md, CONVENTIONS.md or STACK.md, which a clone does not have', () => {
    const sources = [...pages, 'eslint.config.js', 'playwright.config.ts', 'vitest.config.ts', 'electron.vite.config.ts', 'vite.config.ts'];
    for (const folder of ['electron', 'renderer', 'shared', 'test']) {
      for (const file of fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })) {
        if (/\.(ts|tsx|mjs|js)$/.test(file)) sources.push(path.join(folder, file));
      }
    }
    const offenders = sources.filter((file) => file !== path.join('test', 'lint', 'docs.test.ts') && /\b(DESIGN|CONVENTIONS|STACK)\.md\b/.test(text(file)));
    expect(offenders).toEqual([]);
  });

  it('shows only screenshots the browser tests take, each one used', () => {
    const shots = fs.readdirSync(path.join(root, 'docs', 'screenshots')).filter((f) => f.endsWith('.png'));
    expect(shots.map((f) => f.slice(0, -4)).sort()).toEqual(Object.keys(docsScreenshots).sort());
    const shown = new Set(pages.flatMap((page) => links(page).map(({ target }) => path.basename(target))));
    expect(shots.filter((shot) => !shown.has(shot))).toEqual([]);
    // Each comes from a screen an e2e spec saves under that name.
    const specs = fs
      .readdirSync(path.join(root, 'test', 'e2e'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => text(path.join('test', 'e2e', f)))
      .join('\n');
    for (const from of Object.values(docsScreenshots)) {
      const named = specs.includes(`'${from}'`) || specs.includes(`'${from}.png'`) || (from.startsWith('display-') && specs.includes('`display-${width}`'));
      expect(named, from).toBe(true);
    }
  });
});

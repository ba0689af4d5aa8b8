// How often the preview's paragraphs (mainContainer's own <p> children, where `previewable`) are in the
// article Readability then finds, on every page of ../shared/pages: a preview mark on a paragraph
// outside the article shows until the article is painted. Text compared without whitespace (Readability
// splits and joins blocks differently). Node and linkedom, not the browser: hidden paragraphs count here.
// Usage: npx tsx scripts/preview-overlap.ts [--shared DIR]   (default ../shared)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { mainContainer, previewable } from '../src/article/extract';
import { readabilityBlocks } from '../src/article/readability';

const arg = process.argv.indexOf('--shared');
const dir = join(resolve(arg > 0 ? process.argv[arg + 1] : '../shared'), 'pages');
if (!existsSync(dir)) {
  console.error(`preview-overlap: ${dir} is missing (pass --shared DIR, the folder holding pages/)`);
  process.exit(2);
}
const squash = (s: string) => s.replace(/\s+/g, '');
let paras = 0, kept = 0, pages = 0, whole = 0, skipped = 0, noArticle = 0;
const partial: string[] = [];
for (const name of readdirSync(dir).sort()) {
  const f = join(dir, name, 'source.html');
  if (!existsSync(f)) continue;
  const html = readFileSync(f, 'utf8');
  const { container } = mainContainer(parseHTML(html).document as unknown as Document);
  if (!container) continue;
  if (!previewable(container)) { skipped++; continue; }
  const ps = Array.from(container.children).filter((e) => e.localName === 'p').map((p) => squash(p.textContent ?? '')).filter(Boolean);
  const got = readabilityBlocks(parseHTML(html).document as unknown as Document);
  if (!got) { noArticle++; partial.push(`${name}: no article (${ps.length} preview paragraphs)`); continue; }
  const article = squash(got.blocks.join(''));
  const k = ps.filter((p) => article.includes(p)).length;
  pages++; paras += ps.length; kept += k;
  if (k === ps.length) whole++; else partial.push(`${name}: ${k} of ${ps.length} in the article`);
}
for (const l of partial) console.log(l);
console.log(`pages with a preview: ${pages + noArticle} (${skipped} more whose container sits in a form, nav, aside or footer: no preview)`);
console.log(`every preview paragraph in the article: ${whole} of ${pages}; paragraphs in the article: ${kept} of ${paras} (${(100 * kept / paras).toFixed(1)}%); no article found: ${noArticle}`);

// Writes a generated archive of N articles in this project's format into OUT (a content
// folder: articles/*.json and an index paged by 50), for the search benchmark: varied words
// (a few thousand made-up ones, drawn unevenly as real text is) so a query matches some
// stories and not all.
//
//   node tests/bench/archive.mjs OUT N
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [out, count] = [process.argv[2], Number(process.argv[3] ?? 10_000)];
// mulberry32: the same archive on every run.
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
const syllables = ['ba', 'ko', 'ri', 'tan', 'mel', 'sor', 'vi', 'dun', 'pa', 'leth', 'or', 'quin', 'sa', 'mo', 'ter', 'gal'];
const glue = 'the of and to in a on for was with that at by'.split(' ');
// 3,000 words drawn by Zipf's law (rank r with weight 1/r), as words in real text are; the
// topical words the benchmark searches for sit where a news archive would have them: in about
// a ninth and a thirtieth of the stories, both together in one in five hundred.
const vocabulary = Array.from({ length: 3000 }, (_, n) => syllables[n % 16] + syllables[(n >> 4) % 16] + syllables[(n >> 8) % 16]);
vocabulary[300] = 'harbour';
vocabulary[1000] = 'council';
const cumulative = [];
vocabulary.reduce((sum, _, rank) => {
  cumulative.push(sum + 1 / (rank + 1));
  return cumulative[rank];
}, 0);
const total = cumulative[cumulative.length - 1];
const zipf = () => {
  const target = random() * total;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle] < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low];
};
const word = () => (random() < 0.3 ? glue[Math.floor(random() * glue.length)] : zipf());
const sentence = (n) => Array.from({ length: n }, word).join(' ');

mkdirSync(join(out, 'articles'), { recursive: true });
const entries = [];
for (let n = 0; n < count; n += 1) {
  const slug = `archive-story-${n}`;
  const published = new Date(Date.UTC(2026, 10, 20) - n * 3_600_000).toISOString().replace('.000', '');
  const title = `${sentence(6)} ${n}`.replace(/^./, (c) => c.toUpperCase());
  const summary = `${sentence(18)}.`;
  const body = Array.from({ length: 8 }, () => ({ type: 'paragraph', text: `${sentence(50)}.` }));
  const section = ['World', 'Business', 'Science', 'Sport'][n % 4];
  writeFileSync(join(out, 'articles', `${slug}.json`), JSON.stringify({ slug, title, summary, section, published, body }));
  entries.push({ slug, title, summary, section, published });
}
for (let page = 0; page * 50 < entries.length; page += 1) {
  const doc = { title: 'News Blog', articles: entries.slice(page * 50, page * 50 + 50) };
  if ((page + 1) * 50 < entries.length) doc.next = `index-${page + 2}.json`;
  writeFileSync(join(out, page === 0 ? 'index.json' : `index-${page + 1}.json`), JSON.stringify(doc));
}

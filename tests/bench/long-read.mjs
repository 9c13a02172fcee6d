// Prints a long-read article (the content format) for the benchmark: the seed picture as its
// lead, then 40 sections of a heading and five paragraphs (about 12,000 words).
const sentence = 'The council heard from residents, engineers and the harbour authority before it voted, '
  + 'and the minutes record each objection with the answer the planning officer gave.';
const paragraph = (n) => `${n}. ${sentence} ${sentence} ${sentence}`;
const body = [];
for (let section = 1; section <= 40; section += 1) {
  body.push({ type: 'heading', level: 2, text: `Part ${section}: what the record shows` });
  for (let n = 1; n <= 5; n += 1) body.push({ type: 'paragraph', text: paragraph(n) });
}
console.log(JSON.stringify({
  slug: 'bench-long-read',
  title: 'A long read: how the harbour front plans changed over ten years',
  summary: 'Forty parts, two hundred paragraphs: the benchmark\'s long article.',
  section: 'Local',
  published: '2026-11-20T07:15:00Z',
  authors: ['Benchmark Desk'],
  image: {
    src: '../images/raqqa.svg',
    alt: 'Placeholder drawing standing in for a photograph',
    width: 976,
    height: 549,
    caption: 'The lead picture of the long read',
    credit: 'Benchmark',
  },
  body,
}, null, 2));

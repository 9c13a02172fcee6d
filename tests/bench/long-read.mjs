// Prints a long-read article (the content format) for the benchmark: the seed picture as its
// lead, then 40 sections of a heading and five paragraphs (about 12,000 words), in English or,
// with `ar`, in Arabic.
//
//   node long-read.mjs [en|ar]
const texts = {
  en: {
    sentence: 'The council heard from residents, engineers and the harbour authority before it voted, '
      + 'and the minutes record each objection with the answer the planning officer gave.',
    part: (n) => `Part ${n}: what the record shows`,
    title: 'A long read: how the harbour front plans changed over ten years',
    summary: 'Forty parts, two hundred paragraphs: the benchmark\'s long article.',
    section: 'Local',
    author: 'Benchmark Desk',
    alt: 'Placeholder drawing standing in for a photograph',
    caption: 'The lead picture of the long read',
  },
  ar: {
    sentence: 'استمع المجلس إلى السكان والمهندسين وهيئة الميناء قبل التصويت، '
      + 'ويسجل المحضر كل اعتراض مع الرد الذي قدمه مسؤول التخطيط.',
    part: (n) => `الجزء ${n}: ما يكشفه السجل`,
    title: 'قراءة مطولة: كيف تغيرت خطط واجهة الميناء خلال عشر سنوات',
    summary: 'أربعون جزءا ومئتا فقرة: المقال الطويل في اختبار الأداء.',
    section: 'محليات',
    author: 'قسم الاختبار',
    alt: 'رسم مؤقت في مكان صورة',
    caption: 'الصورة الرئيسية للقراءة المطولة',
  },
};
const language = process.argv[2] ?? 'en';
const text = texts[language];
if (!text) {
  console.error(`long-read.mjs: no long read in "${language}" (${Object.keys(texts).join(', ')})`);
  process.exit(2);
}
const paragraph = (n) => `${n}. ${text.sentence} ${text.sentence} ${text.sentence}`;
const body = [];
for (let section = 1; section <= 40; section += 1) {
  body.push({ type: 'heading', level: 2, text: text.part(section) });
  for (let n = 1; n <= 5; n += 1) body.push({ type: 'paragraph', text: paragraph(n) });
}
console.log(JSON.stringify({
  slug: 'bench-long-read',
  title: text.title,
  summary: text.summary,
  section: text.section,
  published: '2026-11-20T07:15:00Z',
  authors: [text.author],
  image: {
    src: '../images/raqqa.svg',
    alt: text.alt,
    width: 976,
    height: 549,
    caption: text.caption,
    credit: 'Benchmark',
  },
  body,
}, null, 2));

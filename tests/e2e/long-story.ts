// A long story for the tests of long reads (long-story.spec.ts, engines/long-story.spec.ts):
// the seed story with 200 more paragraphs at the start of its body, in its prerendered page
// and in its content document alike. Paragraphs far from the screen are laid out only as they
// come near it (style/article.css).

/** The paragraphs, of one to twelve lines, so no guessed height is right for all of them. */
export const PARAGRAPHS = Array.from(
  { length: 200 },
  (_, n) => `Paragraph ${n + 1} of the long story. ` + 'The council heard the evidence again, and it was long. '.repeat(1 + ((n * 7) % 12)),
);

/** The paragraph that links to another story, and its link. */
export const LINKED = 150;
export const LINK = { text: 'The desperate fight for Raqqa', href: '/article/desperate-fight-for-raqqa' };

/** The text that finds paragraph `n`. */
export const paragraphText = (n: number) => `Paragraph ${n} of the long story.`;

/** The seed story's content document (as JSON text) made long. */
export function longStoryDocument(json: string): string {
  const story = JSON.parse(json);
  story.body.unshift(
    ...PARAGRAPHS.map((text, n) => ({ type: 'paragraph', text: n + 1 === LINKED ? [{ text }, LINK] : text })),
  );
  return JSON.stringify(story);
}

/** The seed story's prerendered page made long, as the build would write it. */
export function longStoryPage(html: string): string {
  const opening = '<div class="article__body">';
  if (!html.includes(opening)) throw new Error('the prerendered story has no body');
  const link = `<a href="${LINK.href}">${LINK.text}</a>`;
  const added = PARAGRAPHS.map((text, n) => `<p>${text}${n + 1 === LINKED ? link : ''}</p>`).join('');
  return html.replace(opening, opening + added);
}

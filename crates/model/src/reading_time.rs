//! How long a story takes to read, as news sites print it in the meta line ("4 min read").

use crate::article::Article;
use crate::block::Block;
use crate::inline::Inline;

/// Words an adult reads in a minute, the figure news sites use for their reading times.
pub const WORDS_PER_MINUTE: usize = 230;

impl Article {
    /// The words of the body's text: paragraphs, headings, quotes with their sources and list
    /// items (not captions or embeds, which a reader glances at).
    pub fn word_count(&self) -> usize {
        let words = |text: &str| text.split_whitespace().count();
        let inline_words = |inline: &Inline| {
            // Spans split words only where their text has spaces: "un*done*" is one word.
            words(&inline.to_plain_text())
        };
        self.body
            .iter()
            .map(|block| match block {
                Block::Paragraph(text) => inline_words(text),
                Block::Heading { text, .. } => words(text),
                Block::Quote { text, cite } => {
                    inline_words(text) + cite.as_deref().map_or(0, words)
                }
                Block::List { items, .. } => items.iter().map(inline_words).sum(),
                Block::Image(_) | Block::Embed(_) => 0,
            })
            .sum()
    }

    /// Minutes to read the body: words ÷ [`WORDS_PER_MINUTE`], rounded up, at least 1.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(WORDS_PER_MINUTE).max(1)
    }

    /// "4 min read".
    pub fn reading_time(&self) -> String {
        format!("{} min read", self.reading_minutes())
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_article;

    fn article_with_words(n: usize) -> crate::Article {
        let text = vec!["word"; n].join(" ");
        let json = serde_json::json!({"slug": "a", "title": "A",
            "body": [{"type": "paragraph", "text": text}]});
        parse_article(&json.to_string()).expect("parses").document
    }

    #[test]
    fn minutes_are_words_over_230_rounded_up_and_at_least_one() {
        let minutes = |n| article_with_words(n).reading_minutes();
        assert_eq!(
            [
                minutes(1),
                minutes(230),
                minutes(231),
                minutes(920),
                minutes(921)
            ],
            [1, 1, 2, 4, 5]
        );
        assert_eq!(article_with_words(700).reading_time(), "4 min read");
    }

    #[test]
    fn every_text_block_counts_and_spans_do_not_split_words() {
        let json = serde_json::json!({"slug": "a", "title": "A", "body": [
            {"type": "paragraph", "text": [{"text": "un"}, {"text": "done", "em": true}, {"text": " two"}]},
            {"type": "heading", "level": 2, "text": "Three words here"},
            {"type": "quote", "text": "Said so", "cite": "A person"},
            {"type": "list", "items": ["one", "two three"]},
            {"type": "image", "src": "a.jpg", "alt": "Not counted at all"}
        ]});
        let article = parse_article(&json.to_string()).expect("parses").document;
        assert_eq!(article.word_count(), 2 + 3 + 4 + 3);
    }
}

//! Reading an `<img srcset>`: the width candidates (`photo-768.jpg 768w`).

/// The `(url, width)` candidates of a `srcset` with width descriptors; candidates with a
/// density (`2x`) or no descriptor, or a malformed one, are left out.
pub(crate) fn width_candidates(srcset: &str) -> Vec<(&str, u32)> {
    let mut candidates = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            return candidates;
        }
        // The URL runs to the next whitespace; a comma right after it ends the candidate.
        let url_end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let (url, after) = rest.split_at(url_end);
        let (url, has_descriptor) = match url.strip_suffix(',') {
            Some(url) => (url, false),
            None => (url, true),
        };
        let (descriptor, after) = if has_descriptor {
            let end = after.find(',').unwrap_or(after.len());
            (after[..end].trim(), &after[end..])
        } else {
            ("", after)
        };
        let width = descriptor
            .strip_suffix('w')
            .and_then(|number| number.parse::<u32>().ok())
            .filter(|width| *width > 0);
        if let Some(width) = width {
            candidates.push((url, width));
        }
        rest = after;
    }
}

#[cfg(test)]
mod tests {
    use super::width_candidates;

    #[test]
    fn wordpress_srcset_gives_every_width() {
        let srcset = "https://x.example/a-300x169.jpg 300w, https://x.example/a-1024x576.jpg 1024w,https://x.example/a.jpg 1200w";
        assert_eq!(
            width_candidates(srcset),
            vec![
                ("https://x.example/a-300x169.jpg", 300),
                ("https://x.example/a-1024x576.jpg", 1024),
                ("https://x.example/a.jpg", 1200)
            ]
        );
    }

    #[test]
    fn density_and_broken_candidates_are_left_out() {
        assert_eq!(
            width_candidates("a.jpg 2x, b.jpg, c.jpg 0w, d.jpg 12qw, e.jpg 640w"),
            vec![("e.jpg", 640)]
        );
        assert_eq!(width_candidates(""), vec![]);
        assert_eq!(width_candidates(" , ,"), vec![]);
    }
}

//! What the build's integration tests share: a folder shaped like Trunk's output with the
//! sample content, removed when the test is done.
// Each test file uses its own share of these.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A page shaped like Trunk's output: relative base, no loader (`Trunk.toml`: `pattern_script`).
pub const TRUNK_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <base href="./">
  <title>News Blog</title>
  <meta name="description" content="Generic description.">
  <meta name="application-name" content="News Blog">
  <meta name="news-blog-index-url" content="content/index.json">
  <meta name="news-blog-article-url" content="content/articles/{slug}.json">
  <link rel="stylesheet" href="./tokens.css">
  <link rel="stylesheet" href="./article.css">
</head>
<body>
  <noscript><p>This news site needs JavaScript to show its stories.</p></noscript>
</body>
</html>
"#;

/// A temporary folder, removed when dropped.
pub struct Dist(pub PathBuf);

impl Drop for Dist {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The project's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from)
        .expect("read folder")
        .filter_map(Result::ok)
    {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// A folder as Trunk leaves it, not built yet: `page` as its page, the app's files and
/// stylesheets, the content folder `content` (from the project's root) and the widget's loader.
/// `name` starts the temporary folder's name.
pub fn unbuilt_dist(name: &str, page: &str, content: &str) -> Dist {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "{name}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("temporary folder");
    fs::write(dir.join("index.html"), page).expect("write page");
    // The app's builds and the search module, as Trunk writes them (not named by their content).
    for bin in ["news_blog", "news_blog_live", "news_search"] {
        fs::write(
            dir.join(format!("{bin}.js")),
            "export default async () => {};",
        )
        .expect("write js");
        fs::write(
            dir.join(format!("{bin}_bg.wasm")),
            [b"\0asm".as_slice(), bin.as_bytes()].concat(),
        )
        .expect("write wasm");
    }
    fs::write(dir.join("tokens.css"), ":root {\n  --ink: #111;\n}\n").expect("write css");
    fs::write(
        dir.join("article.css"),
        "/* article */\n.article {\n  color: var(--ink);\n}\n",
    )
    .expect("write css");
    copy_dir(&root().join(content), &dir.join("content"));
    // The widget's loader, as Trunk copies it.
    fs::copy(root().join("public/embed.js"), dir.join("embed.js")).expect("copy embed.js");
    Dist(dir)
}

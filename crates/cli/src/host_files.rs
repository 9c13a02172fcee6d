//! The header and redirect rules for hosts configured by files in the site (Netlify,
//! Cloudflare Pages): `_headers` and `_redirects`, with the same policy as the shipped nginx and
//! Caddy configurations (`hosting/`).

use news_model::Route;
use news_views::site::Site;

/// The Content Security Policy every page is served with: scripts, styles and requests from
/// the site itself only (and the wasm compiled), pictures from anywhere over https. The one
/// inline script allowed, by its hash, is the prerendered pages' loader
/// ([`crate::template::STORY_FIRST_LOADER`]; a test checks the hash against it).
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-iSfB6vkXDrkTgNNeCgz1FQVqYDrJsIcoAOLa0+4/FPw='; style-src 'self'; img-src 'self' https: data:; connect-src 'self'; base-uri 'self'; object-src 'none'";

/// The policy for a site whose app reads a publisher's site live at `source_origin`: the app
/// may ask it for stories, and load its pictures (already allowed over https).
pub fn policy_with_source(source_origin: Option<&str>) -> String {
    match source_origin {
        None => CONTENT_SECURITY_POLICY.to_owned(),
        Some(origin) => {
            let policy = CONTENT_SECURITY_POLICY.replace(
                "connect-src 'self'",
                &format!("connect-src 'self' {origin}"),
            );
            if origin.starts_with("https:") {
                policy
            } else {
                policy.replace("img-src 'self'", &format!("img-src 'self' {origin}"))
            }
        }
    }
}

/// `_headers`: the policy (letting the app reach `source_origin` when it reads a source live)
/// and safety headers on every answer, a year's immutable caching for the `hashed_files`
/// (named by their content), and the feeds' media types, readable by other sites' pages.
/// Everything else keeps the hosts' default, which revalidates.
pub fn headers(site: &Site, hashed_files: &[String], source_origin: Option<&str>) -> String {
    let base = site.href(&Route::Home);
    let policy = policy_with_source(source_origin);
    let mut text = format!(
        "# Netlify and Cloudflare Pages: the headers of this site (written by news-blog build).\n\
         {base}*\n  Content-Security-Policy: {policy}\n  \
         X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    );
    for file in hashed_files {
        text += &format!("{base}{file}\n  Cache-Control: public, max-age=31536000, immutable\n");
    }
    text += &format!(
        "{base}feed.json\n  Content-Type: application/feed+json\n  Access-Control-Allow-Origin: *\n"
    );
    text += &format!("{base}rss.xml\n  Content-Type: application/rss+xml\n");
    text
}

/// `_redirects`: unknown addresses under the site get its own 404.html with status 404 (Netlify
/// does that by itself only for a 404.html at the root; Cloudflare Pages finds the nearest one
/// and skips this rule).
pub fn redirects(site: &Site) -> String {
    let base = site.href(&Route::Home);
    format!(
        "# Netlify: unknown addresses under the site get its 404.html (written by news-blog build).\n\
         {base}*  {base}404.html  404\n"
    )
}

/// Whether `name` is a file named by its content (`news_blog-<16 hex>_bg.wasm`, `….js`, `….css`).
pub fn is_hashed(name: &str) -> bool {
    let stem = name
        .strip_suffix("_bg.wasm")
        .or_else(|| name.strip_suffix(".js"))
        .or_else(|| name.strip_suffix(".css"));
    stem.and_then(|stem| stem.rsplit_once('-'))
        .is_some_and(|(_, hash)| {
            // Trunk writes its 64-bit hash without leading zeros: one name in 16 has 15 digits.
            (12..=16).contains(&hash.len()) && hash.bytes().all(|byte| byte.is_ascii_hexdigit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_server_configurations_send_the_same_policy() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for file in [
            "hosting/nginx-headers.conf",
            "hosting/Caddyfile",
            "README.md",
        ] {
            let text = std::fs::read_to_string(repo.join(file)).expect("shipped file");
            assert!(text.contains(CONTENT_SECURITY_POLICY), "{file}");
        }
    }

    #[test]
    fn the_policy_allows_the_prerendered_pages_loader_by_its_hash() {
        use base64::Engine;
        use sha2::Digest;
        let hash = sha2::Sha256::digest(crate::template::STORY_FIRST_LOADER.as_bytes());
        let source = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(hash)
        );
        assert!(
            CONTENT_SECURITY_POLICY.contains(&format!("'wasm-unsafe-eval' {source};")),
            "after a change to the loader, put {source} in the policy and the shipped configurations"
        );
    }

    #[test]
    fn a_site_reading_a_source_live_may_reach_it_and_nothing_else() {
        assert_eq!(policy_with_source(None), CONTENT_SECURITY_POLICY);
        let https = policy_with_source(Some("https://wp.example"));
        assert!(https.contains("connect-src 'self' https://wp.example;"));
        assert!(https.contains("img-src 'self' https: data:;"));
        let http = policy_with_source(Some("http://127.0.0.1:8096"));
        assert!(http.contains("img-src 'self' http://127.0.0.1:8096 https: data:;"));
        assert!(http.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    }

    #[test]
    fn only_content_named_files_count_as_hashed() {
        for name in [
            "news_blog-2a39fb2d4f0d8f06_bg.wasm",
            "news_blog-2a39fb2d4f0d8f06.js",
            // Trunk's hash without its leading zero.
            "news_blog-af328c685b3280f_bg.wasm",
            "style-111816dc27e3e712.css",
            "boot-d238e009db2c2792.js",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "embed.js",
            "index.html",
            "style-1118.css",
            "feed.json",
            "x-zzzzzzzzzzzzzzzz.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}

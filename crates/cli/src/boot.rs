//! The page's boot script (`boot-<hash>.js`) and the two builds of the app it picks between.
//!
//! Trunk builds the app twice (see `index.html`): `news_blog`, which reads this project's own
//! JSON documents and which Trunk's inline loader starts, and `news_blog_live`, built with the
//! `live-sources` feature, which reads a publisher's WordPress, Ghost or JSON Feed. Each leaves
//! the other's reading out of its wasm, so neither kind of site carries both on its first page.
//! The build names the live one by its content (Trunk does not, for a `data-type="worker"`
//! link), so hosts cache it forever like the other, and writes one script in place of Trunk's
//! loader that starts the build the page's `news-blog-source` calls for when the page runs:
//! a host who edits that setting needs no rebuild.

use std::fs;
use std::path::{Path, PathBuf};

use news_model::{StoryOutput, OFFLINE_META, SOURCE_META, UPDATE_READY_MARK};
use serde_json::Value;

use crate::files::FileError;
use crate::host_files::is_hashed;
use crate::manifest::fingerprint;

/// The name Trunk gives the build that reads sources (its link's `data-bin`).
const LIVE_STEM: &str = "news_blog_live";

/// One build of the app: its script and its wasm, as the page's base resolves them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFiles {
    pub script: String,
    pub wasm: String,
}

/// The build for a site that reads its own JSON files, and the one for a site that reads a
/// publisher's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppBuilds {
    pub json: AppFiles,
    pub live: AppFiles,
}

/// Why the two builds could not be found in Trunk's output.
#[derive(Debug, thiserror::Error)]
pub enum BootError {
    #[error("Trunk's loader names no {0} (index.html's first rust link builds news_blog)")]
    NotInLoader(&'static str),
    #[error(
        "{} has no build of the app that reads sources ({LIVE_STEM}.js and {LIVE_STEM}_bg.wasm, from index.html's rust link for it); run trunk build again",
        dist.display()
    )]
    NoLiveBuild { dist: PathBuf },
    #[error(
        "{} has {found} builds of the app that read sources; run trunk build again, which clears it",
        dist.display()
    )]
    SeveralLiveBuilds { dist: PathBuf, found: usize },
    #[error(transparent)]
    File(#[from] FileError),
}

/// The two builds in `dist`: the one Trunk's `loader` starts, and the live one, named by its
/// content here the first time after `trunk build` (and found by that name after).
pub fn app_builds(dist: &Path, loader: &str) -> Result<AppBuilds, BootError> {
    let script = quoted_after(loader, " from ")
        .filter(|script| script.ends_with(".js"))
        .ok_or(BootError::NotInLoader("app script"))?;
    let wasm = quoted_after(loader, "module_or_path: ")
        .filter(|wasm| wasm.ends_with("_bg.wasm"))
        .ok_or(BootError::NotInLoader("app wasm"))?;
    // The live build sits beside the other, so its address starts the same way.
    let folder = script.rsplit_once('/').map_or("", |(folder, _)| folder);
    let hash = live_build_hash(dist)?;
    Ok(AppBuilds {
        json: AppFiles {
            script: script.to_owned(),
            wasm: wasm.to_owned(),
        },
        live: AppFiles {
            script: format!("{folder}/{}", live_name(&hash, ".js")),
            wasm: format!("{folder}/{}", live_name(&hash, "_bg.wasm")),
        },
    })
}

/// The boot script that starts `builds`' one for the page.
pub fn script(builds: &AppBuilds) -> String {
    let files = |files: &AppFiles| {
        format!(
            "{{ script: {}, wasm: {} }}",
            Value::from(files.script.as_str()),
            Value::from(files.wasm.as_str())
        )
    };
    // Its comments and indentation are for this project's readers, not for every page's: left
    // out (no string in it spans lines).
    let code: String = include_str!("boot.js")
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect();
    code.replacen("SOURCE_META", SOURCE_META, 1)
        .replace("OFFLINE_META", OFFLINE_META)
        .replacen("WORKER_FILE", crate::build::WORKER_FILE, 1)
        .replacen("UPDATE_MARK", UPDATE_READY_MARK, 1)
        .replacen("WIDGET_FOLDER", &StoryOutput::WidgetPage.folder(), 1)
        .replacen(
            "BUILDS",
            &format!(
                "{{ json: {}, live: {} }}",
                files(&builds.json),
                files(&builds.live)
            ),
            1,
        )
}

/// The page with Trunk's preloads of the app (`<link rel="modulepreload">` and the wasm's
/// `<link rel="preload">`) naming the live build: for a page built to read a source.
pub fn with_live_preloads(page: &str, builds: &AppBuilds) -> String {
    let href = |path: &str| format!("href=\"{path}\"");
    page.replacen(&href(&builds.json.script), &href(&builds.live.script), 1)
        .replacen(&href(&builds.json.wasm), &href(&builds.live.wasm), 1)
}

/// The live build's hash in its file names, naming Trunk's fresh output by its content first.
fn live_build_hash(dist: &Path) -> Result<String, BootError> {
    let script = dist.join(format!("{LIVE_STEM}.js"));
    let wasm = dist.join(format!("{LIVE_STEM}_bg.wasm"));
    if script.is_file() && wasm.is_file() {
        let read = |path: &Path| fs::read(path).map_err(FileError::at(path));
        let hash = format!(
            "{:016x}",
            fingerprint([&read(&script)?[..], &read(&wasm)?[..]])
        );
        for (from, suffix) in [(&script, ".js"), (&wasm, "_bg.wasm")] {
            let to = dist.join(live_name(&hash, suffix));
            fs::rename(from, &to).map_err(FileError::at(&to))?;
        }
        return Ok(hash);
    }
    let entries = fs::read_dir(dist).map_err(FileError::at(dist))?;
    let mut hashes: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_hashed(name))
        .filter_map(|name| {
            let hash = name
                .strip_prefix(&format!("{LIVE_STEM}-"))?
                .strip_suffix(".js")?;
            dist.join(live_name(hash, "_bg.wasm"))
                .is_file()
                .then(|| hash.to_owned())
        })
        .collect();
    match hashes.len() {
        1 => Ok(hashes.remove(0)),
        0 => Err(BootError::NoLiveBuild {
            dist: dist.to_owned(),
        }),
        found => Err(BootError::SeveralLiveBuilds {
            dist: dist.to_owned(),
            found,
        }),
    }
}

fn live_name(hash: &str, suffix: &str) -> String {
    format!("{LIVE_STEM}-{hash}{suffix}")
}

/// The string literal after `marker` in `code`, in single or double quotes.
fn quoted_after<'a>(code: &'a str, marker: &str) -> Option<&'a str> {
    let start = code.find(marker)? + marker.len();
    let quote = code[start..]
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"'))?;
    let text = &code[start + 1..];
    Some(&text[..text.find(quote)?])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Trunk 0.21's inline loader, as it writes it.
    const TRUNK_LOADER: &str = "\nimport init, * as bindings from './news_blog-51fea5adfa9998f7.js';\nconst wasm = await init({ module_or_path: './news_blog-51fea5adfa9998f7_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n";

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("news-blog-boot-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    fn with_trunk_live_build(dir: &Path, wasm: &[u8]) {
        fs::write(
            dir.join("news_blog_live.js"),
            "export default async () => {};",
        )
        .expect("js");
        fs::write(dir.join("news_blog_live_bg.wasm"), wasm).expect("wasm");
    }

    #[test]
    fn the_live_build_is_named_by_its_content_and_found_by_that_name_after() {
        let dir = scratch("named");
        with_trunk_live_build(&dir, b"\0asm one");
        let first = app_builds(&dir, TRUNK_LOADER).expect("builds");
        assert_eq!(
            first.json,
            AppFiles {
                script: "./news_blog-51fea5adfa9998f7.js".into(),
                wasm: "./news_blog-51fea5adfa9998f7_bg.wasm".into(),
            }
        );
        let live_script = first.live.script.trim_start_matches("./");
        assert!(is_hashed(live_script), "{live_script}");
        assert!(dir.join(live_script).is_file());
        assert!(dir.join(first.live.wasm.trim_start_matches("./")).is_file());
        assert!(!dir.join("news_blog_live.js").exists());
        // A second build of the same folder finds what the first named.
        assert_eq!(app_builds(&dir, TRUNK_LOADER).expect("again"), first);

        // Another wasm, another name.
        let other = scratch("other");
        with_trunk_live_build(&other, b"\0asm two");
        assert_ne!(
            app_builds(&other, TRUNK_LOADER).expect("other").live,
            first.live
        );
    }

    #[test]
    fn a_folder_without_exactly_one_live_build_is_refused_with_what_to_do() {
        let dir = scratch("missing");
        let error = app_builds(&dir, TRUNK_LOADER).expect_err("no live build");
        assert!(
            error.to_string().contains("run trunk build again"),
            "{error}"
        );

        for name in [
            "news_blog_live-0123456789abcdef",
            "news_blog_live-fedcba9876543210",
        ] {
            fs::write(dir.join(format!("{name}.js")), "").expect("js");
            fs::write(dir.join(format!("{name}_bg.wasm")), "").expect("wasm");
        }
        let error = app_builds(&dir, TRUNK_LOADER).expect_err("two live builds");
        assert!(error.to_string().contains("has 2 builds"), "{error}");
    }

    #[test]
    fn a_loader_that_names_no_app_is_refused() {
        let dir = scratch("loader");
        with_trunk_live_build(&dir, b"\0asm");
        let error = app_builds(&dir, "console.log('hello')").expect_err("no app");
        assert!(error.to_string().contains("app script"), "{error}");
    }

    #[test]
    fn the_script_picks_by_the_source_setting_and_the_preloads_follow_a_live_page() {
        let builds = AppBuilds {
            json: AppFiles {
                script: "./news_blog-1.js".into(),
                wasm: "./news_blog-1_bg.wasm".into(),
            },
            live: AppFiles {
                script: "./news_blog_live-2.js".into(),
                wasm: "./news_blog_live-2_bg.wasm".into(),
            },
        };
        let script = script(&builds);
        assert!(script.contains(
            "const builds = { json: { script: \"./news_blog-1.js\", wasm: \"./news_blog-1_bg.wasm\" }, live: { script: \"./news_blog_live-2.js\", wasm: \"./news_blog_live-2_bg.wasm\" } };"
        ));
        assert!(script.contains("meta[name=\"news-blog-source\"]"));
        assert!(script.contains("source === 'json' ? builds.json : builds.live"));
        // The offline worker at the base, never on a widget page, and the setting that removes it.
        assert!(script.contains("new URL('sw.js', import.meta.url)"));
        assert!(script.contains("new URL('embed/article/', scope)"));
        assert!(script.contains("meta[name=\"news-blog-offline\"]"));
        assert!(!script.contains("WORKER_FILE") && !script.contains("OFFLINE_META"));
        // The mark that shows the update notice, as the stylesheet knows it.
        assert!(script.contains("setAttribute('data-news-blog-update', '')"));
        assert!(!script.contains("UPDATE_"));

        let page = "<link rel=\"modulepreload\" href=\"./news_blog-1.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"./news_blog-1_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">";
        assert_eq!(
            with_live_preloads(page, &builds),
            "<link rel=\"modulepreload\" href=\"./news_blog_live-2.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"./news_blog_live-2_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">"
        );
    }
}

//! The page's boot script (`boot-<hash>.js`), the site's one loader of modules, and the builds
//! of the app it loads.
//!
//! Trunk builds three wasm modules (`index.html`'s rust links): `news_blog`, the app that reads
//! this project's own JSON documents; `news_blog_live`, the same app built with the
//! `live-sources` feature, which reads a publisher's WordPress, Ghost or JSON Feed (each leaves
//! the other's reading out of its wasm, so neither kind of site carries both on its first page);
//! and `news_search`, the search page's module. Trunk writes each as `{bin}.js` and
//! `{bin}_bg.wasm` (`Trunk.toml`: `filehash = false`) and no loader of its own
//! (`pattern_script = ""`), so the names are known before the build looks, and no generated
//! script is read to find them. The build names each by its content, so hosts cache them
//! forever, and writes one script that starts the build the page's `news-blog-source` calls
//! for when the page runs (a host who edits that setting needs no rebuild) and hands the app
//! the one way it imports what its first page does not carry: Pagefind and the search module.

use std::fs;
use std::path::{Path, PathBuf};

use news_model::{
    StoryOutput, APP_ID, OFFLINE_META, PRERENDERED_ID, SOURCE_META, UPDATE_READY_MARK,
};
use serde_json::Value;

use crate::files::FileError;
use crate::host_files::is_hashed;
use crate::manifest::fingerprint;

/// One of Trunk's builds: its rust link's `data-bin`, and what it is, for a person reading an
/// error.
#[derive(Debug, Clone, Copy)]
struct Bin {
    name: &'static str,
    what: &'static str,
}

const JSON_BIN: Bin = Bin {
    name: "news_blog",
    what: "the app",
};
const LIVE_BIN: Bin = Bin {
    name: "news_blog_live",
    what: "the app that reads sources",
};
const SEARCH_BIN: Bin = Bin {
    name: "news_search",
    what: "the search page's module",
};

/// One build: its script and its wasm, named by their content, relative to the site's base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppFiles {
    pub script: String,
    pub wasm: String,
}

/// The build for a site that reads its own JSON files, the one for a site that reads a
/// publisher's source, and the search page's module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppBuilds {
    pub json: AppFiles,
    pub live: AppFiles,
    pub search: AppFiles,
}

/// Why a build could not be found in Trunk's output.
#[derive(Debug, thiserror::Error)]
pub enum BootError {
    #[error(
        "{} has no build of {what} ({bin}.js and {bin}_bg.wasm, which Trunk writes for index.html's rust link with data-bin=\"{bin}\" when Trunk.toml has filehash = false); run trunk build again",
        dist.display()
    )]
    NoBuild {
        dist: PathBuf,
        bin: &'static str,
        what: &'static str,
    },
    #[error(
        "{} has {present} but not {missing}: Trunk did not finish its build of {what}; run trunk build again",
        dist.display()
    )]
    HalfBuilt {
        dist: PathBuf,
        present: String,
        missing: String,
        what: &'static str,
    },
    #[error(
        "{} has {found} builds of {what} ({bin}-<hash>.js); run trunk build again, which clears it",
        dist.display()
    )]
    SeveralBuilds {
        dist: PathBuf,
        bin: &'static str,
        what: &'static str,
        found: usize,
    },
    #[error(transparent)]
    File(#[from] FileError),
}

/// The three builds in `dist`, each named by its content here the first time after
/// `trunk build` (and found by that name after).
pub fn app_builds(dist: &Path) -> Result<AppBuilds, BootError> {
    Ok(AppBuilds {
        json: named_by_content(dist, JSON_BIN)?,
        live: named_by_content(dist, LIVE_BIN)?,
        search: named_by_content(dist, SEARCH_BIN)?,
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
    // boot.js minified (.ci/minify-scripts.sh): its comments and names are for this project's
    // readers, not for every page's. Each placeholder, a string or one global name which
    // minifying keeps, is there once (a test checks none is left).
    include_str!("boot.min.js")
        .replacen("SOURCE_META", SOURCE_META, 1)
        .replacen("OFFLINE_META", OFFLINE_META, 1)
        .replacen("WORKER_FILE", crate::build::WORKER_FILE, 1)
        .replacen("UPDATE_MARK", UPDATE_READY_MARK, 1)
        .replacen("PRERENDERED_ID", PRERENDERED_ID, 1)
        .replacen("APP_ID", APP_ID, 1)
        .replacen("WIDGET_FOLDER", &StoryOutput::WidgetPage.folder(), 1)
        .replacen(
            "BUILDS",
            &format!(
                "{{ json: {}, live: {}, search: {} }}",
                files(&builds.json),
                files(&builds.live),
                files(&builds.search)
            ),
            1,
        )
}

/// `bin`'s build in `dist`, naming Trunk's fresh output (`{bin}.js`, `{bin}_bg.wasm`) by its
/// content first: `{bin}-<hash>.js` and `{bin}-<hash>_bg.wasm`.
fn named_by_content(dist: &Path, bin: Bin) -> Result<AppFiles, BootError> {
    let script = dist.join(format!("{}.js", bin.name));
    let wasm = dist.join(format!("{}_bg.wasm", bin.name));
    // Half of a fresh build is a build Trunk did not finish, never a reason to start an older.
    if script.is_file() != wasm.is_file() {
        let name = |path: &Path| {
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        };
        let (present, missing) = if script.is_file() {
            (&script, &wasm)
        } else {
            (&wasm, &script)
        };
        return Err(BootError::HalfBuilt {
            dist: dist.to_owned(),
            present: name(present),
            missing: name(missing),
            what: bin.what,
        });
    }
    if script.is_file() {
        let read = |path: &Path| fs::read(path).map_err(FileError::at(path));
        let hash = format!(
            "{:016x}",
            fingerprint([&read(&script)?[..], &read(&wasm)?[..]])
        );
        let named = files_named(bin, &hash);
        for (from, to) in [(&script, &named.script), (&wasm, &named.wasm)] {
            let to = dist.join(to);
            fs::rename(from, &to).map_err(FileError::at(&to))?;
        }
        return Ok(named);
    }
    let entries = fs::read_dir(dist).map_err(FileError::at(dist))?;
    let prefix = format!("{}-", bin.name);
    let mut named: Vec<AppFiles> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_hashed(name))
        .filter_map(|name| {
            let hash = name.strip_prefix(&prefix)?.strip_suffix(".js")?;
            let files = files_named(bin, hash);
            dist.join(&files.wasm).is_file().then_some(files)
        })
        .collect();
    match named.len() {
        1 => Ok(named.remove(0)),
        0 => Err(BootError::NoBuild {
            dist: dist.to_owned(),
            bin: bin.name,
            what: bin.what,
        }),
        found => Err(BootError::SeveralBuilds {
            dist: dist.to_owned(),
            bin: bin.name,
            what: bin.what,
            found,
        }),
    }
}

fn files_named(bin: Bin, hash: &str) -> AppFiles {
    AppFiles {
        script: format!("{}-{hash}.js", bin.name),
        wasm: format!("{}-{hash}_bg.wasm", bin.name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("news-blog-boot-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    /// The three builds as Trunk writes them, each wasm starting with `wasm`.
    fn with_trunk_builds(dir: &Path, wasm: &[u8]) {
        for bin in ["news_blog", "news_blog_live", "news_search"] {
            fs::write(
                dir.join(format!("{bin}.js")),
                "export default async () => {};",
            )
            .expect("js");
            fs::write(
                dir.join(format!("{bin}_bg.wasm")),
                [wasm, bin.as_bytes()].concat(),
            )
            .expect("wasm");
        }
    }

    #[test]
    fn every_build_is_named_by_its_content_and_found_by_that_name_after() {
        let dir = scratch("named");
        with_trunk_builds(&dir, b"\0asm one");
        let first = app_builds(&dir).expect("builds");
        for (files, bin) in [
            (&first.json, "news_blog-"),
            (&first.live, "news_blog_live-"),
            (&first.search, "news_search-"),
        ] {
            assert!(files.script.starts_with(bin), "{files:?}");
            assert!(
                is_hashed(&files.script) && is_hashed(&files.wasm),
                "{files:?}"
            );
            assert!(dir.join(&files.script).is_file() && dir.join(&files.wasm).is_file());
        }
        for trunk_name in ["news_blog.js", "news_blog_live_bg.wasm", "news_search.js"] {
            assert!(!dir.join(trunk_name).exists(), "{trunk_name}");
        }
        // A second build of the same folder finds what the first named.
        assert_eq!(app_builds(&dir).expect("again"), first);

        // Other wasm, other names.
        let other = scratch("other");
        with_trunk_builds(&other, b"\0asm two");
        let second = app_builds(&other).expect("other");
        assert_ne!(second.json, first.json);
        assert_ne!(second.search, first.search);
    }

    #[test]
    fn a_missing_build_is_refused_with_its_link_and_what_to_do() {
        let dir = scratch("missing");
        with_trunk_builds(&dir, b"\0asm");
        for file in ["news_search.js", "news_search_bg.wasm"] {
            fs::remove_file(dir.join(file)).expect("remove");
        }
        let error = app_builds(&dir).expect_err("no search module");
        let message = error.to_string();
        assert!(
            message.contains("no build of the search page's module")
                && message.contains("data-bin=\"news_search\"")
                && message.contains("filehash = false")
                && message.ends_with("run trunk build again"),
            "{message}"
        );
    }

    #[test]
    fn half_a_fresh_build_is_refused_beside_an_older_named_one() {
        let dir = scratch("half");
        with_trunk_builds(&dir, b"\0asm old");
        app_builds(&dir).expect("named");
        fs::write(dir.join("news_blog.js"), "export default async () => {};").expect("js");
        let error = app_builds(&dir).expect_err("the fresh build has no wasm");
        assert!(
            error
                .to_string()
                .contains("has news_blog.js but not news_blog_bg.wasm: Trunk did not finish its build of the app; run trunk build again"),
            "{error}"
        );
    }

    #[test]
    fn a_folder_with_two_named_builds_is_refused_with_what_to_do() {
        let dir = scratch("two");
        with_trunk_builds(&dir, b"\0asm");
        app_builds(&dir).expect("named");
        for name in [
            "news_blog_live-0123456789abcdef",
            "news_blog_live-fedcba9876543210",
        ] {
            fs::write(dir.join(format!("{name}.js")), "").expect("js");
            fs::write(dir.join(format!("{name}_bg.wasm")), "").expect("wasm");
        }
        let error = app_builds(&dir).expect_err("three live builds");
        assert!(
            error
                .to_string()
                .contains("has 3 builds of the app that reads sources"),
            "{error}"
        );
        assert!(
            error.to_string().contains("run trunk build again"),
            "{error}"
        );
    }

    #[test]
    fn the_script_picks_by_the_source_setting_and_hands_the_app_its_imports() {
        let files = |bin: &str| AppFiles {
            script: format!("{bin}-1.js"),
            wasm: format!("{bin}-1_bg.wasm"),
        };
        let builds = AppBuilds {
            json: files("news_blog"),
            live: files("news_blog_live"),
            search: files("news_search"),
        };
        let script = script(&builds);
        assert!(script.contains(
            "{ json: { script: \"news_blog-1.js\", wasm: \"news_blog-1_bg.wasm\" }, live: { script: \"news_blog_live-1.js\", wasm: \"news_blog_live-1_bg.wasm\" }, search: { script: \"news_search-1.js\", wasm: \"news_search-1_bg.wasm\" } }"
        ), "{script}");
        assert!(script.contains("meta[name=\"news-blog-source\"]"));
        assert!(script.contains("\"json\""), "{script}");
        // The app gets its imports from here, not from anything on `window`.
        assert!(script.contains(".start("), "{script}");
        assert!(
            !script.contains("wasmBindings") && !script.contains("newsBlogImport"),
            "{script}"
        );
        // The offline worker at the base, never on a widget page, and the setting that removes it.
        assert!(script.contains("new URL(\"sw.js\",import.meta.url)"));
        assert!(script.contains("new URL(\"embed/article/\","));
        assert!(script.contains("meta[name=\"news-blog-offline\"]"));
        assert!(!script.contains("WORKER_FILE") && !script.contains("OFFLINE_META"));
        // The two ids of the swap that keeps a reader's selection, as the app and pages know them.
        assert!(script.contains(&format!("getElementById(\"{PRERENDERED_ID}\")")));
        assert!(script.contains(&format!("getElementById(\"{APP_ID}\")")));
        // The mark that shows the update notice, as the stylesheet knows it.
        assert!(
            script.contains("setAttribute(\"data-news-blog-update\",\"\")"),
            "{script}"
        );
        for placeholder in [
            "SOURCE_META",
            "OFFLINE_META",
            "WORKER_FILE",
            "UPDATE_MARK",
            "PRERENDERED_ID",
            "APP_ID",
            "WIDGET_FOLDER",
            "BUILDS",
        ] {
            assert!(
                !script.contains(placeholder),
                "{placeholder} left: {script}"
            );
        }
    }
}

#!/usr/bin/env bash
# Measures `news-blog build` on generated sites: for each size, a full build into an empty
# folder, then rebuilds with nothing changed, one article changed, one added and one deleted.
# Prints wall time and peak memory of each: of the largest process (GNU time's maximum
# resident set, as measured before), and of the build with the Pagefind runs it starts, added
# up (sampled every 20 ms). Not part of the test run (100,000 takes minutes).
#
#   bash .ci/scale.sh [--no-search] [N …]       default: 1000 10000 100000
#
# --no-search builds without the search index. Uses $CARGO_TARGET_DIR when it is set.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/env.sh
build_args=()
if [ "${1:-}" = --no-search ]; then
  build_args+=(--no-search)
  shift
fi
sizes=("${@:-1000 10000 100000}")
# shellcheck disable=SC2206
sizes=(${sizes[*]})
work="${SCALE_DIR:-target/scale}"
mkdir -p "$work"
trunk build --release --public-url ./ --dist "$work/app" >/dev/null 2>&1
cargo build --quiet --release -p news_blog_cli
cli="${CARGO_TARGET_DIR:-target}/release/news-blog"

# Writes N articles of 12 paragraphs and an index of pages of 50 into $1/content.
generate() {
  python3 - "$1" "$2" <<'PY'
import json, os, sys
out, n = sys.argv[1], int(sys.argv[2])
articles = os.path.join(out, "content", "articles")
os.makedirs(articles, exist_ok=True)
words = "council harbour market vote storm station bridge school river budget night city".split()
def paragraph(i, p):
    return " ".join(words[(i + p + k) % len(words)] for k in range(60)).capitalize() + "."
entries = []
for i in range(n):
    slug = f"generated-story-{i}"
    day, minute = divmod(i, 1440)
    published = f"20{10 + day // 365 % 80:02d}-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T{minute // 60:02d}:{minute % 60:02d}:00Z"
    article = {
        "slug": slug, "title": f"Generated story number {i}", "section": "News",
        "summary": paragraph(i, 0)[:140], "published": published, "authors": ["A. Reporter"],
        "tags": [words[i % len(words)]],
        "body": [{"type": "paragraph", "text": paragraph(i, p)} for p in range(12)],
    }
    with open(os.path.join(articles, slug + ".json"), "w") as f:
        json.dump(article, f)
    entries.append({"slug": slug, "title": article["title"], "summary": article["summary"],
                    "section": "News", "published": published})
entries.reverse()
pages = [entries[i:i + 50] for i in range(0, len(entries), 50)]
for number, page in enumerate(pages):
    doc = {"title": "News Blog", "articles": page}
    if number + 1 < len(pages):
        doc["next"] = f"index-{number + 2}.json"
    name = "index.json" if number == 0 else f"index-{number + 1}.json"
    with open(os.path.join(out, "content", name), "w") as f:
        json.dump(doc, f)
PY
}

# Runs the command in $2… under GNU time, and prints the peak of the resident memory of it
# and its descendants added up, in KB, to the file $1.
summed_peak() {
  python3 - "$@" <<'PY'
import os, subprocess, sys, time
out, command = sys.argv[1], sys.argv[2:]
def tree(pid):
    pids = [pid]
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                for child in f.read().split():
                    pids += tree(int(child))
        except OSError:
            pass
    return pids
def rss(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
peak = 0
while process.poll() is None:
    try:
        peak = max(peak, sum(rss(pid) for pid in tree(process.pid)))
    except OSError:
        pass
    time.sleep(0.02)
with open(out, "w") as f:
    f.write(f"{peak}\n")
sys.exit(process.returncode)
PY
}

# Runs the build in $1, printing "label  seconds  peak MB (largest process)  peak MB (all)".
measure() {
  local label="$1" dist="$2" log summed
  log="$(mktemp)"
  summed="$(mktemp)"
  # What the last build wrote is on disk first, so its writing does not slow this one.
  sync
  summed_peak "$summed" /usr/bin/time -f '%e %M' -o "$log" \
    "$cli" build "$dist" --site-url https://example.org/news/ "${build_args[@]}"
  read -r seconds kilobytes <"$log"
  read -r all_kilobytes <"$summed"
  rm -f "$log" "$summed"
  printf '%-8s %-28s %8s s %8s MB %8s MB\n' "$n" "$label" "$seconds" "$((kilobytes / 1024))" \
    "$((all_kilobytes / 1024))"
}

printf '%-8s %-28s %10s %11s %11s\n' articles build time 'largest' 'all'
for n in "${sizes[@]}"; do
  dist="$work/site-$n"
  rm -rf "$dist"
  cp -r "$work/app" "$dist"
  rm -rf "$dist/content"
  generate "$dist" "$n"
  measure "full" "$dist"
  measure "rebuild, nothing changed" "$dist"
  sed -i 's/Generated story number 7"/Generated story number seven"/' "$dist/content/articles/generated-story-7.json"
  measure "rebuild, one changed" "$dist"
  sed 's/generated-story-7"/generated-story-added"/' "$dist/content/articles/generated-story-7.json" \
    >"$dist/content/articles/generated-story-added.json"
  measure "rebuild, one added" "$dist"
  rm "$dist/content/articles/generated-story-added.json"
  measure "rebuild, one deleted" "$dist"
  rm -rf "$dist"
  # Let the disk finish the deletion before the next size is measured.
  sync
done

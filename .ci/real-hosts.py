#!/usr/bin/env python3
"""Runs nginx or Caddy in the foreground with the project's shipped configuration
(hosting/nginx.conf and hosting/Caddyfile), for the end-to-end tests: four sites per server,
each style (the site's 404.html for unknown addresses, or the single-page-app rewrite to
index.html) at the root and under /news/.

    python3 .ci/real-hosts.py nginx|caddy

The shipped files are used as they are, with only the values they tell a host to change
replaced: the port, the site folder, the base path, and the try_files line of the style.
REAL_HOSTS_PORT (the first of the four ports), REAL_HOSTS_ROOT_SITE, REAL_HOSTS_SUBPATH_SITE
and REAL_HOSTS_STATE (the servers' own files) run another copy beside the usual one.
"""
import os
import pwd
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
HOSTS = Path(os.environ.get("REAL_HOSTS_STATE", REPO / "target" / "hosts"))
# (style, base path, site folder): the root build is dist/, the /news/ build is
# target/e2e-subpath/news/ (so its folder is target/e2e-subpath).
ROOT_SITE = Path(os.environ.get("REAL_HOSTS_ROOT_SITE", REPO / "dist"))
SUBPATH_SITE = Path(os.environ.get("REAL_HOSTS_SUBPATH_SITE", REPO / "target" / "e2e-subpath"))
SITES = [
    ("404", "/", ROOT_SITE),
    ("spa", "/", ROOT_SITE),
    ("404", "/news/", SUBPATH_SITE),
    ("spa", "/news/", SUBPATH_SITE),
]
FIRST_PORT = {"nginx": 8101, "caddy": 8111}


def site_config(server: str, port: int, style: str, base: str, root: Path) -> str:
    if server == "nginx":
        text = (REPO / "hosting" / "nginx.conf").read_text()
        headers = HOSTS / "nginx" / "news-blog-headers.conf"
        text = text.replace("/etc/nginx/snippets/news-blog-headers.conf", str(headers))
        text = text.replace("listen 8080;", f"listen 127.0.0.1:{port};")
        if style == "spa":
            text = text.replace("try_files $uri $uri/index.html =404;", "# 404 style off")
            text = text.replace("# try_files $uri $uri/index.html /news/index.html;",
                                "try_files $uri $uri/index.html /news/index.html;")
    else:
        text = (REPO / "hosting" / "Caddyfile").read_text()
        text = text.replace(":8080 {", f"http://127.0.0.1:{port} {{")
        if style == "spa":
            spa_block = re.search(r"\t# @app_address \{\n.*?# rewrite @app_address /news/index.html\n", text, re.S)
            if spa_block is None:
                sys.exit("hosting/Caddyfile has no single-page-app block to switch on")
            text = text.replace(spa_block.group(0), spa_block.group(0).replace("\t# ", "\t"))
    text = text.replace("/var/www/site", str(root))
    return text.replace("/news/", base)


def main() -> None:
    server = sys.argv[1] if len(sys.argv) > 1 else ""
    if server not in FIRST_PORT:
        sys.exit(__doc__)
    out = HOSTS / server
    out.mkdir(parents=True, exist_ok=True)
    first_port = int(os.environ.get("REAL_HOSTS_PORT", FIRST_PORT[server]))
    sites = [site_config(server, first_port + n, *site) for n, site in enumerate(SITES)]
    if server == "nginx":
        (out / "news-blog-headers.conf").write_text((REPO / "hosting" / "nginx-headers.conf").read_text())
        module = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
        conf = out / "nginx.conf"
        # Started as root, nginx's workers drop to an unprivileged user that may not be able to
        # read the checkout (a fresh clone in a private temporary folder): run them as the
        # checkout's owner.
        user = f"user {pwd.getpwuid(REPO.stat().st_uid).pw_name};\n" if os.geteuid() == 0 else ""
        conf.write_text(
            f"daemon off;\n{user}worker_processes 1;\npid {out}/nginx.pid;\nerror_log stderr warn;\n"
            f"load_module {module};\nevents {{}}\nhttp {{\n"
            "include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\n"
            "access_log off;\nsendfile on;\n"
            + "".join(f"{path}_temp_path {out}/{path};\n"
                      for path in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + "\n".join(sites) + "\n}\n"
        )
        args = ["nginx", "-p", str(out), "-c", str(conf)]
    else:
        conf = out / "Caddyfile"
        conf.write_text("{\n\tadmin off\n\tauto_https off\n\tstorage file_system " + str(out / "data") + "\n}\n" + "\n".join(sites))
        os.environ.setdefault("XDG_DATA_HOME", str(out / "data"))
        os.environ.setdefault("XDG_CONFIG_HOME", str(out / "config"))
        args = ["caddy", "run", "--config", str(conf), "--adapter", "caddyfile"]
    sys.stdout.flush()
    os.execvp(args[0], args)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a Hugo site of N Markdown pages whose bodies are the snapshots of a corpus.

The pages are as many as the Palimpsest site has and as large as its snapshots, so that both
generators render the same number of pages from the same amount of text. The layout is minimal
(a title and the rendered Markdown), which favours Hugo.
"""
import argparse
import os
import shutil

LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
LIST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</body></html>
"""


def snapshots(corpus):
    for root, _, files in sorted(os.walk(corpus)):
        for name in sorted(files):
            if not name.endswith(".properties"):
                yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", required=True, help="snapshot folder to take texts from")
    parser.add_argument("--pages", type=int, required=True, help="how many pages to write")
    parser.add_argument("--out", required=True, help="the Hugo site folder (replaced)")
    args = parser.parse_args()

    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(os.path.join(args.out, "layouts", "_default"))
    with open(os.path.join(args.out, "hugo.toml"), "w") as config:
        config.write('baseURL = "https://example.org/"\ntitle = "Benchmark"\n'
                     'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
    for name, text in (("single.html", LAYOUT), ("list.html", LIST)):
        with open(os.path.join(args.out, "layouts", "_default", name), "w") as layout:
            layout.write(text)

    texts = list(snapshots(args.corpus))
    if not texts:
        raise SystemExit("no snapshots in " + args.corpus)
    written = 0
    while written < args.pages:
        for path in texts:
            if written == args.pages:
                break
            section = os.path.join(args.out, "content", "s%03d" % (written // 1000))
            os.makedirs(section, exist_ok=True)
            with open(path, encoding="utf-8", errors="replace") as source:
                body = source.read()
            with open(os.path.join(section, "p%06d.md" % written), "w") as page:
                page.write('---\ntitle: "Page %d"\n---\n\n%s\n' % (written, body))
            written += 1


if __name__ == "__main__":
    main()

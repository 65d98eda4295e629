#!/usr/bin/python3
"""Parses every feed of the given sites with feedparser, as a real feed reader would.

Fails on any feed that feedparser flags as ill-formed (bozo), on any Python warning it raises,
and on entries without a title, link, id or date.
"""
import pathlib
import sys
import warnings

import feedparser

warnings.simplefilter("error")
failures = []
feeds = 0
for site in sys.argv[1:]:
    for path in sorted(pathlib.Path(site).rglob("*.xml")):
        if path.name.startswith("sitemap"):
            continue
        feeds += 1
        try:
            parsed = feedparser.parse(path.read_bytes())
        except Warning as warning:
            failures.append(f"{path}: warning: {warning}")
            continue
        if parsed.bozo:
            failures.append(f"{path}: {parsed.bozo_exception}")
        if parsed.version not in ("rss20", "atom10"):
            failures.append(f"{path}: unexpected feed version {parsed.version!r}")
        for entry in parsed.entries:
            for field in ("title", "link", "id"):
                if not entry.get(field):
                    failures.append(f"{path}: an entry has no {field}")
            if not (entry.get("published_parsed") or entry.get("updated_parsed")):
                failures.append(f"{path}: entry {entry.get('id')} has no date")
for failure in failures:
    print(failure)
print(f"feedparser: {feeds} feeds checked, {len(failures)} problems")
sys.exit(1 if failures or feeds == 0 else 0)

#!/usr/bin/env bash
# Loads every page built from the hostile fixture in headless Chromium and fails if any script
# from a snapshot ran. The fixture's payloads, if they ever ran, would mark the page's root
# element with a data-pwned attribute, which the rendered DOM would then show.
set -euo pipefail
site="$1"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
pages=0
ran=0
while IFS= read -r -d '' page; do
  pages=$((pages + 1))
  dom="$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-sync --user-data-dir="$profile" \
    --virtual-time-budget=2000 --dump-dom "file://$page" 2>/dev/null)"
  if [ -z "$dom" ]; then
    echo "$page: Chromium rendered nothing"
    ran=$((ran + 1))
  elif grep -q 'data-pwned="' <<<"$dom"; then
    echo "$page: a script from a snapshot ran: $(grep -o 'data-pwned="[^"]*"' <<<"$dom" | head -3 | tr '\n' ' ')"
    ran=$((ran + 1))
  fi
done < <(find "$site" -name '*.html' -print0 | sort -z)
echo "browser: $pages hostile pages loaded, $ran with a script that ran"
[ "$pages" -gt 0 ] && [ "$ran" -eq 0 ]

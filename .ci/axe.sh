#!/usr/bin/env bash
# Runs axe-core over every HTML page of a built site in headless Chromium, once in the light
# and once in the dark colour scheme, and fails on any accessibility violation.
# Usage: .ci/axe.sh <site dir>. Installs Chromium, its driver and @axe-core/cli when absent.
set -euo pipefail
site="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
node_dir="$here/node"
axe="$node_dir/node_modules/.bin/axe"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v npm >/dev/null || need_apt+=(npm)
if [ "${#need_apt[@]}" -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ! -x "$axe" ]; then
  # Its chromedriver dependency would download a driver; the Debian one is used instead.
  CHROMEDRIVER_SKIP_DOWNLOAD=true npm install --prefix "$node_dir" --no-audit --no-fund \
    --silent @axe-core/cli@4.13.0 >/dev/null
fi

pages=()
while IFS= read -r -d '' page; do
  pages+=("file://$page")
done < <(find "$site" -name '*.html' -print0 | sort -z)
if [ "${#pages[@]}" -eq 0 ]; then
  echo "axe: no HTML pages under $site" >&2
  exit 1
fi

failed=0
for scheme in light dark; do
  options="headless,no-sandbox,disable-gpu,disable-background-networking"
  options+=",disable-component-update,no-first-run,blink-settings=preferredColorScheme=$([ "$scheme" = dark ] && echo 0 || echo 1)"
  if [ "$scheme" = dark ]; then
    options+=",force-dark-mode"
  fi
  log="$(mktemp)"
  # Pages in batches of 100, each in one browser run, keep memory and run time in check.
  for ((i = 0; i < ${#pages[@]}; i += 100)); do
    if ! "$axe" --chromedriver-path "$(command -v chromedriver)" --chrome-options="$options" \
        --exit "${pages[@]:i:100}" >>"$log" 2>&1; then
      failed=1
    fi
  done
  violations="$(grep -c 'Violation of' "$log" || true)"
  tested="$(grep -o 'Testing complete of [0-9]* pages' "$log" \
    | awk '{sum += $4} END {print sum + 0}')"
  echo "axe ($scheme): $tested of ${#pages[@]} pages tested, $violations violation(s)"
  if [ "$violations" -gt 0 ] || [ "$tested" -ne "${#pages[@]}" ]; then
    failed=1
    grep -B2 -A12 'Violation of' "$log" | head -200
  fi
  rm -f "$log"
done
exit "$failed"

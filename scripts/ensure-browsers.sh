#!/usr/bin/env bash
# Makes sure Debian's browsers are there for npm start and the e2e tests (Playwright and Puppeteer
# cannot download browsers here): Chromium (or CHROME_PATH) and Firefox ESR (or FIREFOX_PATH).
# Installs what is missing with apt when run as root. `ensure-browsers.sh chromium` checks Chromium only.
set -euo pipefail
want="${1:-all}"
missing=()
if ! { [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; } && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi
if [ "$want" = "all" ] && ! { [ -n "${FIREFOX_PATH:-}" ] && [ -x "$FIREFOX_PATH" ]; } && [ ! -x /usr/bin/firefox-esr ]; then
  missing+=(firefox-esr)
fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Missing: ${missing[*]}: installing Debian's packages with apt-get…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Not found: ${missing[*]}. Install (sudo apt-get install -y ${missing[*]}) or set CHROME_PATH / FIREFOX_PATH." >&2
exit 1

#!/usr/bin/env bash
# Makes sure Debian's Chromium is there for npm start and the e2e tests (Playwright cannot
# download browsers here). Uses CHROME_PATH when set; installs with apt when run as root.
set -euo pipefail
if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium is missing: installing Debian's chromium with apt-get…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found. Install it (sudo apt-get install -y chromium) or set CHROME_PATH." >&2
exit 1

#!/usr/bin/env bash
# Commit subjects stay under about 72 characters (git's one-line views cut longer ones). Checks
# the commits after BASE (the last commit before this rule, older subjects are left as they are).
set -euo pipefail
BASE="${1:-e736bc7}"
if ! git rev-parse --verify --quiet "$BASE^{commit}" >/dev/null; then
  echo "check-commits: $BASE is not in this clone's history; nothing to check." >&2
  exit 0
fi
long=$(git log --format='%h %s' "$BASE"..HEAD | awk '{ s = substr($0, index($0, " ") + 1); if (length(s) > 74) print }')
if [ -n "$long" ]; then
  echo "Commit subjects longer than 74 characters:" >&2
  echo "$long" >&2
  exit 1
fi
echo "Commit subjects: all under 75 characters."

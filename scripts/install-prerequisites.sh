#!/usr/bin/env bash
# Installs with apt-get what the tests need and this machine lacks. Safe to run again.
# Without root (and no sudo) it only reports what is missing.
set -euo pipefail
packages=(postgresql sqlite3 python3 sip-tester baresip kamailio sox chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "missing packages (install them as root): ${missing[*]}" >&2; exit 0
  fi
fi
echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null || true
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian package starts its own cluster on 5432; the tests use a throwaway one instead.
"${sudo[@]}" service postgresql stop >/dev/null 2>&1 || true

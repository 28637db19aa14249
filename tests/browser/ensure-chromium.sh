#!/usr/bin/env bash
# Make headless Chromium available for the browser tests: Debian's chromium package.
# Never fails the build by itself: the browser test says what is missing if this could not install it.
if command -v chromium >/dev/null 2>&1 || [ -n "${SOURCEBOOK_CHROMIUM:-}" ]; then
  exit 0
fi
echo "Chromium not found: installing Debian's chromium package for the browser tests..."
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "  not root and no sudo: install it yourself (apt-get install chromium) or set SOURCEBOOK_CHROMIUM=/path/to/chrome"; exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "  no apt-get here: install Chromium and set SOURCEBOOK_CHROMIUM=/path/to/chrome"; exit 0
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || echo "  apt-get update failed"
$SUDO apt-get install -y -qq chromium >/dev/null 2>&1 || echo "  apt-get install chromium failed"
command -v chromium >/dev/null 2>&1 && echo "  installed $(chromium --version 2>/dev/null)"
exit 0

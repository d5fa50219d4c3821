#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing and we may install packages.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "************************************************************************"
echo "* Chromium is not installed and could not be installed here.           *"
echo "* The browser tests will be SKIPPED. Install it with:                  *"
echo "*   sudo apt-get install chromium                                      *"
echo "************************************************************************"
exit 0

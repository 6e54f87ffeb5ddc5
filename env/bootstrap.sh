#!/usr/bin/env bash
# Installs and starts what the suite needs, idempotently: a Docker engine,
# Chromium with an NSS tool for the run's CA, and the Playwright driver at the
# version the Go module expects. A second run does no work.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[bootstrap] %s\n' "$*" >&2; }
die() { printf '[bootstrap] ERROR: %s\n' "$*" >&2; exit 1; }

apt_updated=
apt_install() {
  command -v apt-get >/dev/null || die "cannot install $*: no apt-get here; install them by hand"
  [ "$(id -u)" = 0 ] || die "cannot install $*: run as root or install them by hand"
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    apt-get update -q >/dev/null || die "apt-get update failed"
    apt_updated=1
  fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null || die "apt-get install $* failed"
}

# 1. A Docker engine that answers.
if docker info >/dev/null 2>&1; then
  say "docker engine: answering"
else
  command -v dockerd >/dev/null || apt_install docker.io
  if ! docker info >/dev/null 2>&1; then
    if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
      say "starting docker with systemctl"
      systemctl start docker || true
    fi
    if ! docker info >/dev/null 2>&1; then
      say "starting dockerd (log: /var/log/guidewalk-dockerd.log)"
      nohup dockerd >/var/log/guidewalk-dockerd.log 2>&1 </dev/null &
    fi
    for _ in $(seq 1 120); do
      docker info >/dev/null 2>&1 && break
      sleep 0.5
    done
    docker info >/dev/null 2>&1 || { tail -20 /var/log/guidewalk-dockerd.log >&2 || true; die "dockerd did not answer within 60s"; }
    say "docker engine: answering"
  fi
fi

# 2. A browser and certutil (Chromium trusts the run's CA through an NSS store).
browser="${GUIDEWALK_CHROMIUM:-}"
if [ "$browser" != playwright ]; then
  if [ -z "$browser" ] && [ ! -x /usr/bin/chromium ]; then apt_install chromium; fi
  # Headless runs use the headless shell: no browser UI or GPU process, about
  # a third less CPU on a 2-core machine (the suite is CPU-bound there).
  if [ -z "$browser" ] && [ ! -x /usr/lib/chromium/chromium-headless-shell ]; then
    # Optional: without it headless runs use chromium, only slower.
    ( apt_install chromium-headless-shell ) || say "chromium-headless-shell not installed: headless runs use chromium"
  fi
  if [ -n "$browser" ] && [ ! -x "$browser" ]; then die "GUIDEWALK_CHROMIUM=$browser is not an executable"; fi
fi
command -v certutil >/dev/null || apt_install libnss3-tools

# 3. The Playwright driver, at exactly the version playwright-go was built for.
go mod download github.com/mxschmitt/playwright-go
pwdir=$(go list -m -f '{{.Dir}}' github.com/mxschmitt/playwright-go)
version=$(sed -n 's/^[[:space:]]*playwrightCliVersion = "\(.*\)"/\1/p' "$pwdir/run.go")
[ -n "$version" ] || die "cannot read the Playwright version from $pwdir/run.go"
driver="${PLAYWRIGHT_DRIVER_PATH:-$HOME/.cache/ms-playwright-go/$version}"
if [ -x "$driver/node" ] && [ -f "$driver/package/cli.js" ] &&
   "$driver/node" "$driver/package/cli.js" --version 2>/dev/null | grep -qF "$version"; then
  say "playwright driver $version: cached in $driver"
elif [ "$browser" = playwright ]; then
  say "installing playwright $version with its own browser (online machines)"
  go run github.com/mxschmitt/playwright-go/cmd/playwright install --with-deps chromium
else
  command -v node >/dev/null || apt_install nodejs
  command -v npm >/dev/null || apt_install npm
  say "building playwright driver $version from npm playwright-core with $(command -v node) ($(node --version))"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "playwright-core@$version" >/dev/null) || die "npm pack playwright-core@$version failed"
  rm -rf "$driver.partial" && mkdir -p "$driver.partial"
  tar -xzf "$tmp/playwright-core-$version.tgz" -C "$driver.partial"
  ln -sf "$(command -v node)" "$driver.partial/node"
  "$driver.partial/node" "$driver.partial/package/cli.js" --version | grep -qF "$version" || die "the built driver does not report $version"
  rm -rf "$driver" && mv "$driver.partial" "$driver"
  say "playwright driver $version: built in $driver"
fi

#!/usr/bin/env bash
# Install the Debian packages TeleConsult needs, only those that are missing.
# Usage: install-deps.sh [pkg...]   (no args: the default platform set)
# Does not start services: our own scripts run PostgreSQL and Janus from a state dir.
set -euo pipefail

DEFAULT_PKGS=(postgresql postgresql-contrib janus libpixelmed-java libpixelmed-imageio-java)
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=("${DEFAULT_PKGS[@]}")

missing=()
for p in "${pkgs[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all present: ${pkgs[*]}"
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo -E)

# A policy-rc.d that answers 101 tells invoke-rc.d (used by postinst scripts) not to
# start services. Add one only for the duration of the install if none exists.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\n# temporary, from TeleConsult install-deps.sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  trap '"${as_root[@]}" rm -f "$policy"' EXIT
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Wait for the dpkg lock instead of failing if another apt run is in progress.
apt_opts=(-o DPkg::Lock::Timeout=300)
"${as_root[@]}" apt-get "${apt_opts[@]}" update -q
"${as_root[@]}" apt-get "${apt_opts[@]}" install -y -q --no-install-recommends "${missing[@]}"

# Belt and braces: if the system janus service got started anyway (a booted systemd or
# no policy-rc.d honoured), stop it so it does not hold ports 8088/8188/7088.
if [[ " ${missing[*]} " == *" janus "* ]]; then
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    if systemctl is-active --quiet janus; then
      echo "install-deps: stopping the Debian janus service started by its postinst"
      "${as_root[@]}" systemctl stop janus || true
    fi
  elif command -v service >/dev/null && [ -x /etc/init.d/janus ]; then
    "${as_root[@]}" service janus stop >/dev/null 2>&1 || true
  fi
fi
echo "install-deps: done"

#!/usr/bin/env bash
# Installs every system package the test suite uses, and configures podman for this kind of host.
# Idempotent; needs root (or passwordless sudo). Debian bookworm or later.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi

packages=(
  # egress: capture, network world (namespaces, DNS, firewall), real clients, reference decoder
  tcpdump libpcap-dev iproute2 iptables nftables ethtool dnsmasq-base dnsutils netcat-openbsd
  openssl curl wget git python3 tshark chromium fonts-noto-color-emoji
  # audit: real images built offline
  podman runc debootstrap zstd sqlite3 busybox-static
  # audit: rpm databases in every backend (rpm reads sqlite and bdb_ro; db5.3_load writes BerkeleyDB)
  rpm db5.3-util
  # audit trust tests: peak memory of each hostile case, and a user root is not (EACCES)
  time util-linux
  # lint and tools used by tests
  shellcheck jq ca-certificates procps bsdutils
  # native addon build (pcap) when the machine lacks a toolchain
  build-essential
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# crun fails on rlimits and the hybrid cgroup layout of these hosts; runc with no default ulimits works.
if ! grep -qs 'runtime = "runc"' /etc/containers/containers.conf; then
  $SUDO mkdir -p /etc/containers
  printf '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n' | $SUDO tee /etc/containers/containers.conf >/dev/null
fi
echo "system dependencies ready"

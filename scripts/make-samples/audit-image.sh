#!/usr/bin/env bash
# Builds samples/audit-image/app.oci.tar: a tiny Alpine-style application image as an OCI archive,
# made from text files with tar and sha256sum only (no container engine, no network), byte for byte
# the same on every run. `telltale demo` audits it with samples/audit-image/controls.yaml, the way a
# pipeline audits the image it just built.
set -euo pipefail
umask 022
cd "$(dirname "$0")/../.."
out=samples/audit-image/app.oci.tar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root"/{etc,lib/apk/db,app,tmp,usr/local/bin}

cat >"$root/etc/os-release" <<'OS'
NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20 (telltale sample)"
OS
printf 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\napp:x:10001:10001:app:/app:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:root\nnogroup:x:65534:\napp:x:10001:app\n' >"$root/etc/group"
printf 'root:*::0:::::\napp:!::0:::::\n' >"$root/etc/shadow"
# apk's database: one block per package (apk-tools doc/apk-package.5).
cat >"$root/lib/apk/db/installed" <<'APK'
P:musl
V:1.2.5-r0
A:x86_64
T:the musl c library (libc) implementation

P:ca-certificates-bundle
V:20240705-r0
A:x86_64
T:Pre generated bundle of Mozilla certificates

P:curl
V:8.9.1-r1
A:x86_64
T:URL retrieval utility and library

APK
printf '#!/sbin/nologin\n# the application would start here\n' >"$root/app/server"
printf 'listen = 0.0.0.0:8080\nlog_level = info\n' >"$root/app/config.toml"
chmod 0755 "$root/app/server"
chmod 0640 "$root/etc/shadow"
chmod 1777 "$root/tmp"

tar_det() { tar --sort=name --mtime=@1700000000 --owner=0 --group=0 --numeric-owner --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime "$@"; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

layout="$work/layout"
mkdir -p "$layout/blobs/sha256"
tar_det -cf "$work/layer.tar" -C "$root" .
layer=$(sha "$work/layer.tar")
layer_size=$(stat -c %s "$work/layer.tar")
mv "$work/layer.tar" "$layout/blobs/sha256/$layer"

cat >"$work/config.json" <<CFG
{"architecture":"amd64","os":"linux","config":{"User":"app","Env":["PATH=/usr/local/bin:/usr/bin:/bin","LANG=C.UTF-8"],"Entrypoint":["/app/server"],"WorkingDir":"/app","ExposedPorts":{"8080/tcp":{}},"Labels":{"org.opencontainers.image.source":"https://github.com/telltale-dev/telltale","org.opencontainers.image.title":"telltale sample app"}},"rootfs":{"type":"layers","diff_ids":["sha256:$layer"]},"history":[{"created":"2023-11-14T22:13:20Z","created_by":"scripts/make-samples/audit-image.sh"}]}
CFG
config=$(sha "$work/config.json")
config_size=$(stat -c %s "$work/config.json")
mv "$work/config.json" "$layout/blobs/sha256/$config"

cat >"$work/manifest.json" <<MAN
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:$config","size":$config_size},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:$layer","size":$layer_size}]}
MAN
manifest=$(sha "$work/manifest.json")
manifest_size=$(stat -c %s "$work/manifest.json")
mv "$work/manifest.json" "$layout/blobs/sha256/$manifest"

printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"sample-app:1.0"}}]}' \
  "$manifest" "$manifest_size" >"$layout/index.json"
tar_det -cf "$out" -C "$layout" .
echo "wrote $out ($(stat -c %s "$out") bytes)"

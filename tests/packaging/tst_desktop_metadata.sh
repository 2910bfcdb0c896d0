#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
#
# The desktop entry and the AppStream metadata pass their validators, and the newest release in
# the metadata is the project's version (so a version bump cannot ship without its release
# entry, from which the man pages also take their date).
#
# tst_desktop_metadata.sh SOURCE_DIR VERSION
set -euo pipefail
export LC_ALL=C.UTF-8

packaging="$1/packaging"
version=$2

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

desktop-file-validate "$packaging/io.github.semrel.Studio.desktop" ||
    fail "desktop-file-validate rejects the desktop entry"
metainfo="$packaging/io.github.semrel.Studio.metainfo.xml"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli rejects the metainfo"

newest=$(sed -nE 's/.*<release version="([^"]+)".*/\1/p' "$metainfo" | head -n1)
[ "$newest" = "$version" ] ||
    fail "the newest <release> in the metainfo is '$newest', the project's version is $version"
echo "PASS"

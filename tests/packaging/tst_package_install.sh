#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 SemRel Studio developers
# SPDX-License-Identifier: MIT
#
# The .deb as a user gets it: builds it with cpack, unpacks it into a temporary root, and runs
# the unpacked programs from a folder outside the source and build trees, with an environment
# that names neither (only the temporary root): `semrel --version`, `semrel info` on the
# installed demo, and `semrel-studio` offscreen on the demo with --screenshot. Also checks that
# no installed file holds the build or source path, that every library the programs link
# against comes from a package the Depends field names, and that Depends is satisfied here.
#
# tst_package_install.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
export LC_ALL=C.UTF-8

build_dir=$(realpath "$1")
source_dir=$(realpath "$2")
version=$3

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/semrel-package-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for tree in "$build_dir" "$source_dir"; do
    case "$tmp/" in "$tree"/*) fail "the temporary folder $tmp lies inside $tree" ;; esac
done

# --- Build the package ------------------------------------------------------------------------
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$tmp/package" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack could not build the package"; }
shopt -s nullglob
packages=("$tmp"/package/semrel-studio_*.deb)
[ ${#packages[@]} -eq 1 ] || fail "cpack wrote ${#packages[@]} packages, expected one"
deb=${packages[0]}
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"

# --- Depends: what the programs link against, satisfiable here --------------------------------
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "package version is not $version"

# True when one alternative of a Depends group ("a (>= 1) | b") is installed in its version.
group_satisfied() {
    local alternative name op wanted installed
    IFS='|' read -ra alternatives <<<"$1"
    for alternative in "${alternatives[@]}"; do
        read -r name op wanted <<<"$(sed -E 's/[()]/ /g' <<<"$alternative")"
        installed=$(dpkg-query -W -f='${db:Status-Status} ${Version}\n' "$name" 2>/dev/null |
            head -n1 || true)
        [[ $installed == installed\ * ]] || continue
        [ -z "$op" ] || dpkg --compare-versions "${installed#installed }" "$op" "$wanted" ||
            continue
        return 0
    done
    return 1
}
IFS=',' read -ra groups <<<"$depends"
for group in "${groups[@]}"; do
    group_satisfied "$group" || fail "dependency not installed here: $group (dpkg -i would fail)"
done

# --- Unpack into the temporary root -----------------------------------------------------------
root="$tmp/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin"
data="$root/usr/share/semrel-studio"
for path in "$bin/semrel" "$bin/semrel-studio" "$data/fashion_mnist_attributes.csv" \
    "$root/usr/share/man/man1/semrel.1.gz" "$root/usr/share/man/man1/semrel-studio.1.gz" \
    "$root/usr/share/applications/io.github.semrel.Studio.desktop" \
    "$root/usr/share/metainfo/io.github.semrel.Studio.metainfo.xml" \
    "$root/usr/share/icons/hicolor/scalable/apps/io.github.semrel.Studio.svg" \
    "$root/usr/share/doc/semrel-studio/copyright"; do
    [ -f "$path" ] || fail "the package lacks ${path#"$root"}"
done
demos=("$data"/demo/*-demo.h5)
[ ${#demos[@]} -eq 1 ] || fail "expected one demo dataset in /usr/share/semrel-studio/demo"
demo=${demos[0]}
echo "installed size: $(du -sk "$root" | cut -f1) KiB, of which the demo $(du -sk "$data/demo" | cut -f1) KiB"

# No installed file may lead back to the build or the source tree (UTF-16 too: QStringLiteral).
while IFS= read -r -d '' file; do
    for tree in "$build_dir" "$source_dir"; do
        if grep -qaF "$tree" "$file" || strings -a -el "$file" | grep -qF "$tree"; then
            fail "${file#"$root"} contains the path $tree"
        fi
    done
done < <(find "$root" -type f -print0)

# Every library a program links against directly resolves, from a package Depends names.
depends_names=$(sed -E 's/\([^)]*\)//g; s/[,|]/ /g' <<<"$depends" | tr -s ' ')
for program in "$bin/semrel" "$bin/semrel-studio"; do
    ldd "$program" >"$tmp/ldd.txt"
    if grep -q "not found" "$tmp/ldd.txt"; then
        fail "$(basename "$program"): $(grep "not found" "$tmp/ldd.txt" | tr -s ' \t' ' ')"
    fi
    for needed in $(readelf -d "$program" | sed -nE 's/.*\(NEEDED\).*\[(.*)\]/\1/p'); do
        path=$(awk -v lib="$needed" '$1 == lib && $2 == "=>" { print $3 }' "$tmp/ldd.txt")
        [ -n "$path" ] || fail "$(basename "$program"): ldd does not resolve $needed"
        owner=""
        for candidate in "$(realpath "$path")" "$path" "/usr$path" "${path#/usr}"; do
            owner=$(dpkg-query -S "$candidate" 2>/dev/null | head -n1 | cut -d: -f1) && break
        done
        [ -n "$owner" ] || fail "$(basename "$program"): no package owns $path ($needed)"
        [[ " $depends_names " == *" $owner "* ]] ||
            fail "$(basename "$program") links $needed from $owner, which Depends does not name"
    done
done

# --- Run the installed programs, away from the trees ------------------------------------------
mkdir -p "$tmp/work" "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"
installed() {
    (cd "$tmp/work" && env -i PATH="$bin:/usr/bin:/bin" HOME="$tmp/home" \
        XDG_RUNTIME_DIR="$tmp/runtime" LD_LIBRARY_PATH="$root/usr/lib" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen OMP_WAIT_POLICY=PASSIVE "$@")
}

out=$(installed "$bin/semrel" --version) || fail "semrel --version failed"
[ "$out" = "semrel $version" ] || fail "semrel --version printed '$out', expected 'semrel $version'"
# Without any display: --version must not need one.
out=$(installed env -u QT_QPA_PLATFORM "$bin/semrel-studio" --version) ||
    fail "semrel-studio --version failed"
[ "$out" = "SemRel Studio $version" ] || fail "semrel-studio --version printed '$out'"

installed "$bin/semrel" info "$demo" >"$tmp/info.txt" || fail "semrel info on the installed demo failed"
name=$(sed -nE 's/^dataset +(.+)$/\1/p' "$tmp/info.txt")
[ -n "$name" ] || fail "semrel info printed no dataset name: $(cat "$tmp/info.txt")"
grep -qE '^samples +[1-9]' "$tmp/info.txt" || fail "semrel info shows no samples"
echo "installed demo: $name"

# Every verb `semrel --help` lists has its section in the installed man page.
man_page=$(gzip -dc "$root/usr/share/man/man1/semrel.1.gz")
for verb in $(installed "$bin/semrel" --help | sed -n '/^Subcommands:/,$ s/^  \([a-z][a-z0-9-]*\) .*/\1/p'); do
    grep -qx ".SS $verb" <<<"$man_page" || fail "semrel(1) has no section for the verb $verb"
done

# The window, with no file: it must open the installed demo (the title names the dataset).
shot="$tmp/work/window.png"
installed "$bin/semrel-studio" --settings "$tmp/studio.ini" --screenshot "$shot" \
    >"$tmp/studio.out" 2>"$tmp/studio.err" ||
    { cat "$tmp/studio.err" >&2; fail "semrel-studio --screenshot failed"; }
grep -qF "wrote $shot: $name — SemRel Studio" "$tmp/studio.out" ||
    fail "the window did not show the demo '$name': $(cat "$tmp/studio.out" "$tmp/studio.err")"
[ -f "$shot" ] || fail "no screenshot written"
[ "$(od -An -tx1 -N8 "$shot" | tr -d ' \n')" = "89504e470d0a1a0a" ] || fail "the screenshot is not a PNG"
read -r w1 w2 w3 w4 h1 h2 h3 h4 <<<"$(od -An -tu1 -j16 -N8 "$shot")"
width=$(((w1 << 24) | (w2 << 16) | (w3 << 8) | w4))
height=$(((h1 << 24) | (h2 << 16) | (h3 << 8) | h4))
size=$(stat -c %s "$shot")
echo "screenshot: ${width}x${height}, $size bytes"
[ "$width" -ge 800 ] && [ "$height" -ge 500 ] || fail "the screenshot is only ${width}x${height}"
# The empty window compresses to about 36 KB at 1280x800, the demo's tables and heat maps to
# about 79 KB.
[ "$size" -ge 50000 ] || fail "the screenshot looks empty ($size bytes)"

# A moved prefix keeps its data: `semrel demo` finds the installed attribute table by default.
fashion_mnist=/usr/share/datasets/fashion-mnist
if [ -d "$fashion_mnist" ]; then
    mkdir -p "$tmp/elsewhere"
    mv "$root" "$tmp/elsewhere/prefix"
    bin="$tmp/elsewhere/prefix/usr/bin"
    installed "$bin/semrel" demo --source "$fashion_mnist" -o "$tmp/work/my-demo" \
        --cnn-images 20 --trainval 10 --test-seen 5 --test-unseen 10 --epochs 1 \
        2>"$tmp/demo.err" || { cat "$tmp/demo.err" >&2; fail "semrel demo from a moved prefix"; }
    installed "$bin/semrel" info "$tmp/work/my-demo/$(basename "$demo")" >"$tmp/info.txt" ||
        fail "semrel info on the rebuilt demo failed"
    grep -qE '^samples +135 ' "$tmp/info.txt" || fail "the rebuilt demo: $(cat "$tmp/info.txt")"
else
    echo "skipped: semrel demo from a moved prefix ($fashion_mnist is not installed)"
fi

echo "PASS"

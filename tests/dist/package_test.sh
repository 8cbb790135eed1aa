#!/usr/bin/env bash
# `cpack -G DEB` builds a .deb that declares the Debian packages of every
# library its programs link, holds what `cmake --install` installs under
# /usr, and whose programs run once unpacked; dpkg installs it into an empty
# root and, as root, finds its dependencies installed on this system.
# Skipped without dpkg-deb (not a Debian system).
# Usage: package_test.sh BUILD_DIR SOURCE_DIR VERSION MAN_PAGES(ON|OFF)
source "$(dirname "$0")/lib.sh"
build=$1 source_dir=$2 version=$3 man_pages=$4
command -v dpkg-deb >/dev/null || skip "dpkg-deb not found: the .deb is built on Debian"

check_run "cpack -G DEB builds the package" 0 \
  cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out"
arch=$(dpkg --print-architecture)
deb=$tmp/out/vnews_${version}_$arch.deb
check_file "the package is named vnews_${version}_$arch.deb" "$deb"

field() { dpkg-deb -f "$deb" "$1"; }
check_eq "its Package is vnews" "vnews" "$(field Package)"
check_eq "its Version is the project's" "$version" "$(field Version)"
check_eq "its Architecture is this system's" "$arch" "$(field Architecture)"
# The package names Depends lists, one a line, without their versions.
depends=$'\n'$(field Depends | tr ',' '\n' | awk '{ print $1 }')$'\n'

files=$(dpkg-deb -c "$deb" | awk '{print $NF}')
expected=(./usr/bin/vnews-index ./usr/bin/vnews-search ./usr/bin/vnews-serve
  ./usr/share/bash-completion/completions/vnews-index
  ./usr/share/bash-completion/completions/vnews-search
  ./usr/share/bash-completion/completions/vnews-serve
  ./usr/share/doc/vnews/README.md ./usr/share/doc/vnews/schema.md
  ./usr/share/doc/vnews/examples/search.py)
[[ $man_pages == ON ]] &&
  expected+=(./usr/share/man/man1/vnews-index.1 ./usr/share/man/man1/vnews-search.1
    ./usr/share/man/man1/vnews-serve.1)
for file in "${expected[@]}"; do
  check_has "the package holds ${file#.}" $'\n'"$file"$'\n' $'\n'"$files"$'\n'
done

# Unpacked, the programs run on this system's libraries.
check_run "dpkg -x unpacks the package" 0 dpkg -x "$deb" "$tmp/unpacked"
bin=$tmp/unpacked/usr/bin
check_run "the unpacked vnews-index prints its version" 0 "$bin/vnews-index" --version
check_eq "the unpacked vnews-index is this version" "vnews-index $version" \
  "$(head -n 1 <<<"$out")"
check_run "the unpacked vnews-index indexes corpus/sample" 0 \
  "$bin/vnews-index" --quiet --db "$tmp/news.db" "$source_dir/corpus/sample"
check_run "the unpacked vnews-search finds an article" 0 \
  "$bin/vnews-search" --db "$tmp/news.db" --json --limit 1 giá vàng
check_run "the unpacked vnews-serve prints its version" 0 "$bin/vnews-serve" --version

# Every library the programs link comes from a package the .deb depends on.
declare -A seen
for program in "$bin"/*; do
  libraries=$(ldd "$program")
  for soname in $(objdump -p "$program" | awk '$1 == "NEEDED" { print $2 }'); do
    [[ -n ${seen[$soname]:-} ]] && continue
    seen[$soname]=1
    path=$(awk -v so="$soname" '$1 == so { print $3 }' <<<"$libraries")
    dir=$(basename "$(dirname "$path")")
    package=$(dpkg -S "*/$dir/$soname" 2>/dev/null | head -n 1 | cut -d: -f1)
    if [[ -z $package ]]; then
      fail "$(basename "$program") links $soname ($path), which no package holds"
    else
      check_has "Depends names $package, which holds $soname" $'\n'"$package"$'\n' \
        "$depends"
    fi
  done
done

# dpkg installs it into an empty root (whose dpkg knows no other package).
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
check_run "dpkg --root installs the package into an empty root" 0 \
  dpkg --root="$root" --log=/dev/null --force-not-root --force-depends -i "$deb"
check_has "dpkg --root records it as installed" "Status: install ok installed" \
  "$(dpkg --root="$root" -s vnews 2>&1)"
check_run "dpkg --root lists the files it installed" 0 dpkg --root="$root" -L vnews
check_has "dpkg --root installed vnews-search" "/usr/bin/vnews-search" "$out"
check_run "the programs installed in the root run" 0 "$root/usr/bin/vnews-search" --version

# On this system, its dependencies are satisfied: apt would install it alone.
check_run "apt-get --simulate accepts the package" 0 apt-get --simulate install "$deb"
check_has "apt-get --simulate would install vnews" "Inst vnews ($version" "$out"
check_eq "apt-get --simulate would install no other package" "vnews" \
  "$(sed -n '/NEW packages will be installed/,/^[0-9]/p' <<<"$out" | sed '1d;$d' | xargs)"
if (($(id -u) == 0)); then
  check_run "dpkg --dry-run -i finds every dependency installed" 0 dpkg --dry-run -i "$deb"
else
  echo "note: not root: dpkg --dry-run -i left out"
fi

finish

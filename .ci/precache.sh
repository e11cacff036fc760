#!/bin/sh
# Trunk post_build hook: writes sw.js into the staging directory from
# assets/service-worker.js, with the list of every file of the build and a version derived
# from their (content-hashed) names and contents. POSIX sh only: it runs wherever trunk runs.
set -eu
stage="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
src="${TRUNK_SOURCE_DIR:-.}"
cd "$stage"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
list='["./"'
for f in $files; do list="$list, \"$f\""; done
list="$list]"
version=$(for f in $files; do cksum "$f"; done | cksum | cut -d' ' -f1)
sed -e "s|__VERSION__|$version|" -e "s|__FILES__|$list|" "$src/assets/service-worker.js" > sw.js

#!/usr/bin/env bash
# Check the compiled front-end assets (run by build.sh; needs no Node).
#
# Usage: frontend/check.sh [DIR]   DIR defaults to src/casework/ui/static/casework
#
# Fails if: a file is missing; casework.css is 300 KB or more; it mentions
# GDS Transport or has any @font-face; any url() in it does not resolve to a
# file under DIR (via the /static/casework/ prefix); any font file or GOV.UK
# crown/crest/logotype image is present.
set -euo pipefail

FRONTEND_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:-$FRONTEND_DIR/../src/casework/ui/static/casework}"
URL_PREFIX="/static/casework/"
MAX_CSS_BYTES=$((300 * 1024))
CSS="$DIR/casework.css"
fail=0
bad() { echo "FAIL: $*" >&2; fail=1; }

for f in casework.css govuk-frontend.min.js moj-frontend.min.js htmx.min.js VERSIONS.txt; do
  [ -s "$DIR/$f" ] || bad "missing or empty: $f"
done
[ -s "$CSS" ] || { echo "FAIL: no $CSS" >&2; exit 1; }

size=$(wc -c < "$CSS")
if [ "$size" -lt "$MAX_CSS_BYTES" ]; then
  echo "ok: casework.css is $size bytes ($((size / 1024)) KiB, limit $((MAX_CSS_BYTES / 1024)) KiB)"
else
  bad "casework.css is $size bytes (limit $MAX_CSS_BYTES)"
fi

if grep -qiE 'gds[ _-]?transport|@font-face' "$CSS"; then
  bad "casework.css mentions GDS Transport or @font-face:"
  grep -oiE '.{0,60}(gds[ _-]?transport|@font-face).{0,60}' "$CSS" | head -5 >&2
else
  echo "ok: no GDS Transport, no @font-face"
fi

n=0
while IFS= read -r raw; do
  url="${raw#url(}"; url="${url%)}"
  url="${url#\"}"; url="${url%\"}"; url="${url#\'}"; url="${url%\'}"
  case "$url" in
    data:*) continue ;;
    "$URL_PREFIX"*)
      rel="${url#"$URL_PREFIX"}"; rel="${rel%%[?#]*}"
      if [ -f "$DIR/$rel" ]; then n=$((n + 1)); else bad "url() target missing: $url"; fi ;;
    *) bad "url() outside $URL_PREFIX: $url" ;;
  esac
done < <(grep -oE 'url\([^)]*\)' "$CSS" | sort -u)
echo "ok: $n distinct url() targets checked"

found=$( { find "$DIR" \( -iname '*.woff' -o -iname '*.woff2' -o -iname '*.ttf' -o -iname '*.eot' -o -iname '*.otf' \
  -o -iname 'fonts' -o -iname '*crest*' -o -iname '*crown*' -o -iname '*logotype*' \) -print
  [ ! -d "$DIR/assets" ] || find "$DIR/assets" \( -iname 'govuk-*' -o -iname 'favicon*' \) -print; } )
if [ -n "$found" ]; then bad "font or GOV.UK branding files present:"; echo "$found" >&2; else echo "ok: no fonts, no GOV.UK crown/crest/logotype images"; fi

if [ "$fail" -ne 0 ]; then echo "asset checks FAILED" >&2; exit 1; fi
echo "asset checks passed"

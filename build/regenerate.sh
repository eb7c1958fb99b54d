#!/usr/bin/env bash
# The mechanical part of a spec change: regenerate and build, check the public API listing, pack.
#   build/regenerate.sh            build, then stop with the API diff if the public surface changed
#   build/regenerate.sh --accept   take the new listing (after you reviewed the diff), then pack
# The version is yours to bump (SendblueVersion in Directory.Build.props), by SemVer: see README.
set -euo pipefail
cd "$(dirname "$0")/.."

accept=false
[ "${1:-}" = "--accept" ] && accept=true

echo "== build (NSwag regenerates from spec/openapi.yaml when it changed)"
dotnet build Generated.sln -c Release -nologo -v quiet

echo "== public API listing"
if ! dotnet test tests/Sendblue.Tests -c Release --no-build -nologo -v quiet --filter "FullyQualifiedName~PublicApiTests" >/dev/null; then
  changed=false
  for received in api/*.received.txt; do
    [ -e "$received" ] || continue
    changed=true
    listing="${received%.received.txt}.txt"
    echo "-- $listing"
    git --no-pager diff --no-index -- "$listing" "$received" || true
    if $accept; then mv "$received" "$listing"; fi
  done
  if ! $changed; then
    echo "the API listing test failed without writing a new listing; run it to see why:" >&2
    echo "  dotnet test tests/Sendblue.Tests --filter FullyQualifiedName~PublicApiTests" >&2
    exit 1
  fi
  if ! $accept; then
    echo
    echo "The public API changed (diff above). If that is intended: bump SendblueVersion in"
    echo "Directory.Build.props by SemVer and run: build/regenerate.sh --accept" >&2
    exit 1
  fi
  echo "listing updated: review and commit api/*.txt with the spec change"
else
  echo "unchanged"
fi

echo "== pack"
dotnet pack Generated.sln -c Release -nologo -v quiet --no-build
ls -1 artifacts/packages

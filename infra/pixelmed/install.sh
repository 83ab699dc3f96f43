#!/usr/bin/env bash
# Put Debian's PixelMed jars into the local Maven repository (PixelMed is not on Maven Central):
#   com.pixelmed:pixelmed:20220618          <- /usr/share/java/pixelmed.jar         (libpixelmed-java)
#   com.pixelmed:pixelmed-imageio:20200328  <- /usr/share/java/pixelmed_imageio.jar (libpixelmed-imageio-java)
# Idempotent: does nothing when the jar and the same pom are already installed.
# MAVEN_REPO_LOCAL overrides the local repository (default ~/.m2/repository).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
mvn_opts=(-q -B -Dstyle.color=never "-Dmaven.repo.local=$repo")
install_plugin=org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file

work=""
trap '[ -z "$work" ] || rm -rf "$work"' EXIT

install_jar() {  # <debian jar> <pom> <artifactId> <version>
  local src=$1 pom=$2 artifact=$3 version=$4
  local dir="$repo/com/pixelmed/$artifact/$version"
  if [ -f "$dir/$artifact-$version.jar" ] && cmp -s "$pom" "$dir/$artifact-$version.pom"; then
    echo "pixelmed: com.pixelmed:$artifact:$version already installed"
    return
  fi
  [ -f "$src" ] || "$here/../scripts/install-deps.sh" libpixelmed-java libpixelmed-imageio-java
  # The versioned file name pins the Debian release this pom was written for.
  [ -f "$src" ] || { echo "pixelmed: $src not found (other Debian version?)" >&2; exit 1; }

  [ -n "$work" ] || work=$(mktemp -d)
  local unpacked="$work/$artifact" jar="$work/$artifact-$version.jar"
  mkdir -p "$unpacked"
  # Rebuild the jar with a minimal manifest: Debian's Class-Path lists absolute
  # /usr/share/java jars (an old slf4j binding among them) that the JVM would load.
  (cd "$unpacked" && jar xf "$src")
  rm -f "$unpacked/META-INF/MANIFEST.MF"
  printf 'Manifest-Version: 1.0\nImplementation-Title: %s\nImplementation-Version: %s\n' \
    "$artifact" "$version" >"$work/MANIFEST.MF"
  jar --create --file "$jar" --manifest "$work/MANIFEST.MF" -C "$unpacked" .

  # Run outside any project so a half-written pom in the current directory cannot interfere.
  (cd "$work" && mvn "${mvn_opts[@]}" "$install_plugin" -Dfile="$jar" -DpomFile="$pom")
  echo "pixelmed: installed com.pixelmed:$artifact:$version"
}

install_jar /usr/share/java/pixelmed-20220618.jar "$here/pixelmed.pom" pixelmed 20220618
install_jar /usr/share/java/pixelmed_imageio-20200328.jar "$here/pixelmed-imageio.pom" pixelmed-imageio 20200328

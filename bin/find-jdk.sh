# Sourced (not executed) by ./mvnw, ./imr and .ci/run: sets JAVA_HOME to a JDK >= 21.
# Order: $JAVA_HOME if it is new enough, then `java` on PATH, then the usual install locations,
# newest first. If none is found it prints one line naming what is missing and returns 1.
# POSIX sh: ./mvnw runs under /bin/sh with `set -euf`, so globbing is switched on locally.

imr_java_major() {
  # sets imr_v to the feature version of the java binary $1 (e.g. 17, 21, 25), or to nothing. Reads
  # the JDK's `release` file without forking (every imr command pays for this; starting a JVM to ask
  # costs ~50 ms, a fork ~1 ms); asks the JVM only when there is no release file.
  imr_v=""
  imr_rel="${1%/bin/java}/release"
  if [ -f "$imr_rel" ]; then
    while IFS= read -r imr_line || [ -n "$imr_line" ]; do
      case $imr_line in
        JAVA_VERSION=*)
          imr_v=${imr_line#JAVA_VERSION=\"}; imr_v=${imr_v#1.}; imr_v=${imr_v%%[!0-9]*}
          return 0 ;;
      esac
    done < "$imr_rel"
  fi
  imr_v=$("$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1)
}

imr_find_jdk() {
  imr_min=21
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    imr_java_major "$JAVA_HOME/bin/java"
    if [ -n "$imr_v" ] && [ "$imr_v" -ge "$imr_min" ]; then return 0; fi
  fi
  imr_best=""; imr_best_v=0
  imr_path_java=$(command -v java 2>/dev/null || true)
  imr_candidates=""
  if [ -n "$imr_path_java" ]; then
    imr_real=$(readlink -f "$imr_path_java" 2>/dev/null || echo "$imr_path_java")
    imr_candidates="${imr_real%/bin/java}"
  fi
  case $- in *f*) imr_noglob=1; set +f ;; *) imr_noglob=0 ;; esac
  for imr_d in $imr_candidates /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$imr_d/bin/javac" ] || continue
    imr_java_major "$imr_d/bin/java"
    [ -n "$imr_v" ] || continue
    if [ "$imr_v" -ge "$imr_min" ] && [ "$imr_v" -gt "$imr_best_v" ]; then imr_best="$imr_d"; imr_best_v="$imr_v"; fi
  done
  [ "$imr_noglob" = 1 ] && set -f
  if [ -z "$imr_best" ]; then
    echo "imr: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks); install one (e.g. apt-get install openjdk-21-jdk-headless) or set JAVA_HOME" >&2
    return 1
  fi
  JAVA_HOME="$imr_best"; export JAVA_HOME
  return 0
}

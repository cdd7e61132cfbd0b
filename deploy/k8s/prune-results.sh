#!/bin/sh
# Retention for result folders on the nightly's shared volume. Removes only folders whose names
# match exactly one of the two patterns optbench or Kubernetes gives them, keeps the KEEP newest
# of them, and never touches anything else (files, links, other names):
#
#   prune-results.sh runs DIR PREFIX KEEP
#       per-run folders DIR/PREFIX-<digits>: a CronJob names each Job it creates
#       <cronjob name>-<scheduled time in minutes since 1970>, so the number orders them by night.
#   prune-results.sh archives DIR EXPERIMENT KEEP
#       result sets `optbench run` and `merge` moved aside, DIR/EXPERIMENT.<yyyymmddThhmmssZ>
#       with an optional -<n> when that name was taken (README "Incremental runs, shards and
#       workers"); the timestamp orders them, then n.
#
# KEEP must be at least 1, so the newest folder (the running night's) always stays. Prints each
# folder it removes. Exit 2 on bad arguments.
set -eu

usage() {
  echo "usage: prune-results.sh runs|archives DIR NAME KEEP (KEEP >= 1)" >&2
  exit 2
}

[ "$#" -eq 4 ] || usage
mode=$1 dir=$2 name=$3 keep=$4
case $keep in '' | *[!0-9]*) usage ;; esac
[ "$keep" -ge 1 ] || usage
case $mode in runs | archives) ;; *) usage ;; esac
# NAME goes into a regular expression: letters, digits, '_' and '-' only.
case $name in '' | *[!A-Za-z0-9_-]*) usage ;; esac
[ -d "$dir" ] || exit 0

# One line per candidate, "<sort key> <suffix> <folder name>"; a name reaches this list only after it
# matched the full pattern, so it holds no space, newline or glob character.
candidates() {
  for path in "$dir"/*; do
    [ -d "$path" ] && [ ! -L "$path" ] || continue
    base=${path##*/}
    case $mode in
      runs)
        if printf '%s\n' "$base" | grep -Eqx -e "$name-[0-9]+"; then
          echo "${base##*-} 0 $base"
        fi
        ;;
      archives)
        if printf '%s\n' "$base" | grep -Eqx -e "$name\.[0-9]{8}T[0-9]{6}Z(-[0-9]+)?"; then
          stamp=${base#"$name".}
          case $stamp in
            *-*) echo "${stamp%-*} ${stamp##*-} $base" ;;
            *) echo "$stamp 1 $base" ;;
          esac
        fi
        ;;
    esac
  done
}

# Newest first: run numbers numerically, timestamps as text (fixed width), then the -n suffix.
if [ "$mode" = runs ]; then order="-k1,1nr"; else order="-k1,1r"; fi
candidates | sort $order -k2,2nr | tail -n +"$((keep + 1))" | while read -r _ _ base; do
  echo "removing $dir/$base (older than the newest $keep)"
  rm -rf -- "${dir:?}/$base"
done

#!/usr/bin/env bash
# Starts a new use case as a copy of an existing one (docs/adding-a-query.md): copies every folder and file under src/
# named for <From>, renames the use case inside the copies in all its spellings (GetImport, getImport, get-import,
# get_import) and gives the copied controller's route the new template. Nothing outside the copies is edited.
#
#   scripts/copy-use-case.sh GetImport FindImport 'api/v1/found-imports/{id}'
#
# Then change what differs, record the copy's OpenAPI examples and regenerate the client (docs/adding-a-query.md).
set -euo pipefail
if (( $# != 3 )); then
  echo "usage: $0 <FromUseCase> <ToUseCase> <route template of the copy>" >&2
  exit 2
fi
from=$1 to=$2 route=$3
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# GetImport -> getImport, get-import, get_import
camel() { printf '%s%s' "$(printf '%s' "${1:0:1}" | tr '[:upper:]' '[:lower:]')" "${1:1}"; }
words() { printf '%s' "$1" | sed -E 's/([a-z0-9])([A-Z])/\1 \2/g' | tr '[:upper:]' '[:lower:]'; }
kebab() { words "$1" | tr ' ' '-'; }
snake() { words "$1" | tr ' ' '_'; }
spellings=("$from:$to" "$(camel "$from"):$(camel "$to")" "$(kebab "$from"):$(kebab "$to")" "$(snake "$from"):$(snake "$to")")
rename() {
  local text=$1 pair
  for pair in "${spellings[@]}"; do text=${text//"${pair%%:*}"/"${pair#*:}"}; done
  printf '%s' "$text"
}

copies=()
while IFS= read -r -d '' folder; do
  target=$(dirname "$folder")/$to
  [[ -e $target ]] && { echo "$target exists already" >&2; exit 1; }
  cp -R "$folder" "$target"
  copies+=("$target")
done < <(find src -type d -name "$from" -not -path '*/bin/*' -not -path '*/obj/*' -print0)
(( ${#copies[@]} )) || { echo "no folder under src/ is named $from" >&2; exit 1; }

for copy in "${copies[@]}"; do
  # Names first (deepest paths first, so a renamed folder never moves a path still to be visited), then contents.
  while IFS= read -r path; do
    name=$(basename "$path") renamed=$(rename "$(basename "$path")")
    [[ $name == "$renamed" ]] || mv "$path" "$(dirname "$path")/$renamed"
  done < <(find "$copy" -mindepth 1 | awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2-)
  while IFS= read -r -d '' file; do
    perl -pi -e "$(for pair in "${spellings[@]}"; do printf 's/\\Q%s\\E/%s/g; ' "${pair%%:*}" "${pair#*:}"; done)" "$file"
  done < <(find "$copy" -type f -print0)
done

controllers=$(grep -rl '\[Route("' "${copies[@]}" --include='*Controller.cs' || true)
[[ $(printf '%s\n' "$controllers" | grep -c .) == 1 ]] || { echo "expected one controller in the copies, found: $controllers" >&2; exit 1; }
perl -pi -e "s{\\[Route\\(\"[^\"]*\"\\)\\]}{[Route(\"$route\")]}" "$controllers"
printf 'copied %s to %s:\n' "$from" "$to"; printf '  %s\n' "${copies[@]}"

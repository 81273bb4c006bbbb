#!/usr/bin/env bash
# After a failed `mvn verify`: what failed, printed last and without stack frames, so that the tail of
# a CI log says it. The packaged services' errors come first when an integration test failed.
cd "$(dirname "$0")/target" 2>/dev/null || exit 0
failed=$(grep -l -E '<(failure|error)[ >]' surefire-reports/TEST-*.xml failsafe-reports/TEST-*.xml 2>/dev/null)
[ -z "$failed" ] && exit 0
if grep -q failsafe-reports <<<"$failed"; then
  for log in *.log; do
    [ -f "$log" ] || continue
    grep -E '^[0-9-]+ [0-9:,]+ +ERROR ' "$log" | tail -n 3 | cut -c1-300 | sed "s|^|target/${log}: |"
  done
fi
echo "===== failed tests ====="
for xml in $failed; do
  report="${xml%%/*}/$(basename "${xml#*/TEST-}" .xml).txt"
  grep -v -E '^\s+(at |\.\.\. [0-9]+ more)' "$report" 2>/dev/null | grep -v -E '^-+$|^Test set:' | head -n 30 | cut -c1-400
done

#!/usr/bin/env bash
# Checks every Tests/Corpus/CRDs file against a real API server: `kubectl apply --dry-run=server` must
# accept it, or refuse it with each ' ... '-separated part of the header's fragment in its message.
# Usage: KUBECONFIG=... Tests/Corpus/check-crds.sh [kubectl]     (exit 1 if any header is wrong)
set -uo pipefail
kubectl=${1:-kubectl}
dir="$(cd "$(dirname "$0")" && pwd)/CRDs"
failed=0
for file in "$dir"/*.yaml; do
    header=$(head -n 1 "$file")
    expect=${header#"# expect: "}
    output=$("$kubectl" apply --dry-run=server -f "$file" 2>&1)
    status=$?
    ok=1
    if [[ $expect == accepted ]]; then
        [[ $status == 0 ]] || ok=0
    else
        [[ $status != 0 ]] || ok=0
        rest=$output
        fragment=${expect#"rejected: "}
        while [[ $ok == 1 && -n $fragment ]]; do
            part=${fragment%%" ... "*}
            [[ $part == "$fragment" ]] && fragment="" || fragment=${fragment#*" ... "}
            [[ $rest == *"$part"* ]] || ok=0
            rest=${rest#*"$part"}
        done
    fi
    if [[ $ok == 0 ]]; then
        failed=1
        echo "MISMATCH $(basename "$file"): expected '$expect', got: $output"
    fi
done
[[ $failed == 0 ]] && echo "all $(ls "$dir"/*.yaml | wc -l) headers match"
exit $failed

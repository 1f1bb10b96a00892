#!/bin/bash
# The study of docs/carry.md (stop 39): one ablation run. Scratch paths under /tmp/carry39 (gold filtered
# to part == tuning in /tmp/carry39/gold; src-base = a clean copy of src); families.tsv holds NAME, SHA, EDIT.
# usage: run.sh NAME EDIT_PY_FILE   (EDIT file runs with cwd = scratch src copy's dateline/events)
set -e
NAME=$1; EDIT=$2
S=/tmp/carry39/src-$NAME; R=/tmp/carry39/runs/$NAME
rm -rf $S $R; cp -r /tmp/carry39/src-base $S; mkdir -p $R
find $S -name __pycache__ -prune -exec rm -rf {} +
if [ -n "$EDIT" ]; then (cd $S/dateline/events && Y="/work/main/.venv/bin/python /tmp/carry39/yamlblank.py" R="/work/main/.venv/bin/python /tmp/carry39/edits/rmstep.py" bash -c "$EDIT"); fi
(diff -r -x __pycache__ /tmp/carry39/src-base $S | head -c 3000 > $R/edit.diff || true)
start=$(date +%s)
PYTHONPATH=$S nice -n 10 /work/main/.venv/bin/python -m dateline.eval.event_places --shared /work/shared --gold /tmp/carry39/gold/places.tsv --work $R --json > $R/out.json 2> $R/err.txt
echo $(( $(date +%s) - start )) > $R/seconds
echo done $NAME $(cat $R/seconds)s

#!/bin/bash
# Joins the parts of scripts/slurm/sweep.sh once its tasks have ended, whatever their end:
#   sbatch --chdir="$PWD" --dependency=afterany:$A scripts/slurm/merge.sh
# A shard that did not finish is named (E608) and nothing is written; run that index again
# and this script after it.
#SBATCH --job-name=nt2plan-merge
#SBATCH --cpus-per-task=1
#SBATCH --output=slurm-%x-%j.out
set -euo pipefail

SWEEP=${SWEEP:-scenarios/medium-shortage.toml}
NT2PLAN=${NT2PLAN:-nt2plan}
name=$(basename "$SWEEP" .toml)

exec "$NT2PLAN" sweep merge "parts/$name" -o "results/$name"

#!/bin/bash
# One shard of a sweep per array task (README, section "Bigger than one machine: shards").
# Submit from the folder every node sees, which holds the scenario file and the instance:
#   A=$(sbatch --parsable --chdir="$PWD" scripts/slurm/sweep.sh)
#SBATCH --job-name=nt2plan-sweep
#SBATCH --array=1-10
#SBATCH --cpus-per-task=2
#SBATCH --time=01:00:00
#SBATCH --output=slurm-%x-%A_%a.out
set -euo pipefail

# The number of shards: the last index of --array above. It is fixed here, not taken from
# Slurm, so that one index run again (sbatch --array=3 ...) is still shard 3 of 10.
N=${N:-10}
SWEEP=${SWEEP:-scenarios/medium-shortage.toml}
NT2PLAN=${NT2PLAN:-nt2plan}
name=$(basename "$SWEEP" .toml)

# One solve per CPU of the task. Each finished scenario is recorded under parts/NAME/ at
# once, so a task that is cancelled, killed or timed out and run again solves only the rest.
exec "$NT2PLAN" sweep "$SWEEP" --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --shard "$SLURM_ARRAY_TASK_ID/$N" -o "parts/$name"

#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine (munged, slurmctld, slurmd), for trying
# `optbench slurm` and for SlurmClusterTest. Run as root; running it again is harmless: a daemon
# already up is left alone, and slurm.conf is rewritten only when its content would change.
#
#   sudo scripts/slurm-local.sh          # then: sinfo, squeue, optbench slurm ...
#
# Needs Debian's slurm-wlm and munge (apt-get install slurm-wlm munge). Slurm's own reference for
# every line written below: slurm.conf(5).
set -euo pipefail

say() { echo "slurm-local: $*"; }
die() { echo "slurm-local: error: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (the daemons manage jobs of every user)"
for program in munged slurmctld slurmd sinfo scontrol; do
  command -v "$program" >/dev/null 2>&1 \
    || die "$program not found; install it with: apt-get install -y slurm-wlm munge"
done

# munge authenticates every message between the Slurm commands and daemons.
if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  say "made a munge key, /etc/munge/munge.key"
fi
if id munge >/dev/null 2>&1; then
  munge_user=munge
  chown munge:munge /etc/munge/munge.key
else
  munge_user=root
fi
chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/lib/munge /var/log/munge
chown "$munge_user" /run/munge /var/lib/munge /var/log/munge
chmod 755 /run/munge
if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  say "munged already running"
else
  if [ "$munge_user" = root ]; then
    munged --force
  else
    runuser -u munge -- munged
  fi
  say "started munged"
fi

# The node as slurmd sees it (CPUs, sockets, cores, memory), so that the controller never
# drains it for having less than slurm.conf claims.
node_line=$(slurmd -C | head -n 1)
host=$(hostname -s)
case "$node_line" in
  NodeName=*) ;;
  *) die "slurmd -C printed no node line: $node_line" ;;
esac

conf_dir=/etc/slurm
mkdir -p "$conf_dir" /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
wanted=$(mktemp)
cat >"$wanted" <<EOF
# One-node cluster written by optbench's scripts/slurm-local.sh; see slurm.conf(5).
ClusterName=optbench-local
# Addresses given, so that the daemons find each other even where the host name does not resolve.
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
# A requeued job may start again only when the credentials of its last start have expired
# (120 s by default); a few seconds suffice on one machine.
AuthInfo=cred_expire=5
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# No cgroups: this may run inside a container that cannot create them.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
# Jobs share the node by CPU, so two array tasks of one CPU each run side by side.
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# Batch jobs may be requeued (node failure, preemption, scontrol requeue); a node that
# registers with a valid configuration returns to service by itself.
JobRequeue=1
ReturnToService=2
# Short timeouts, so that a test sees state changes within seconds.
SlurmctldTimeout=10
SlurmdTimeout=10
InactiveLimit=0
KillWait=5
MinJobAge=300
MessageTimeout=10
SchedulerType=sched/backfill
# Look at pending jobs every 2 s (defaults: 60 s and 30 s), so that a requeued task starts as
# soon as its BeginTime has passed.
SchedulerParameters=sched_interval=2,bf_interval=2
$node_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
# slurmd -C names the node by its short host name; make sure the line agrees with SlurmctldHost.
sed -i "s/^NodeName=[^ ]*/NodeName=$host/" "$wanted"
changed=0
if ! cmp -s "$wanted" "$conf_dir/slurm.conf"; then
  install -m 644 "$wanted" "$conf_dir/slurm.conf"
  changed=1
  say "wrote $conf_dir/slurm.conf ($(grep -c . "$conf_dir/slurm.conf") lines; node: $node_line)"
else
  say "$conf_dir/slurm.conf unchanged"
fi
rm -f "$wanted"

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

if running /run/slurmctld.pid; then
  if [ "$changed" = 1 ]; then
    scontrol reconfigure && say "slurmctld reconfigured"
  else
    say "slurmctld already running"
  fi
else
  slurmctld
  say "started slurmctld (log: /var/log/slurm/slurmctld.log)"
fi
if running /run/slurmd.pid; then
  say "slurmd already running"
else
  slurmd
  say "started slurmd (log: /var/log/slurm/slurmd.log)"
fi

# Ready when the node accepts work: idle (or already busy with jobs).
for _ in $(seq 1 60); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null | head -n 1 || true)
  case "$state" in
    idle|mixed|allocated|completing)
      say "node $host is $state; cluster ready"
      sinfo
      exit 0 ;;
    drain*|down*)
      # A node drained by an earlier configuration returns once told to.
      scontrol update NodeName="$host" State=RESUME 2>/dev/null || true ;;
  esac
  sleep 1
done
die "node $host did not become idle within 60 s (sinfo: ${state:-nothing}); see /var/log/slurm/"

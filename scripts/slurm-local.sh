#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, to try `--executor slurm` on a laptop and to test it in CI.
#   sudo bash scripts/slurm-local.sh start    installs slurm-wlm, munge, slurmdbd and mariadb if missing; writes
#                                           /etc/slurm/slurm.conf for this host (all its CPUs, one partition "debug")
#                                           with accounting (sacct) in a local MariaDB; starts the daemons
#   sudo bash scripts/slurm-local.sh stop     stops them (the configuration and the accounting database stay)
#   bash scripts/slurm-local.sh status        sinfo
# It refuses to overwrite a slurm.conf it did not write, so a real cluster's configuration is never touched.
set -euo pipefail
marker="# written by CoreHole scripts/slurm-local.sh"
conf=/etc/slurm/slurm.conf
dbdconf=/etc/slurm/slurmdbd.conf
host=$(hostname -s)

need_root() { [ "$(id -u)" = 0 ] || { echo "slurm-local.sh: run as root (sudo): it installs packages and starts daemons" >&2; exit 1; }; }

install_packages() {
  local missing=()
  for pkg in slurm-wlm slurmdbd munge mariadb-server; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
  fi
}

write_configuration() {
  if [ -f "$conf" ] && ! grep -qF "$marker" "$conf"; then
    echo "slurm-local.sh: $conf exists and was not written by this script; leaving it alone" >&2; exit 1
  fi
  local cpus memory
  cpus=$(nproc)
  memory=$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
  mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
  cat > "$conf" <<EOF
$marker
ClusterName=corehole
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
# No cgroups: works in containers and VMs without a cgroup hierarchy of their own.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1000
MpiDefault=none
ReturnToService=2
# Short cycles, so that a laptop or CI runs arrays without waiting.
SchedulerParameters=sched_interval=2,bf_interval=2
MessageTimeout=30
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=$host
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  cat > "$dbdconf" <<EOF
$marker
AuthType=auth/munge
DbdHost=$host
SlurmUser=root
LogFile=/var/log/slurm/slurmdbd.log
PidFile=/run/slurm/slurmdbd.pid
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageUser=root
StorageLoc=slurm_acct_db
EOF
  chmod 600 "$dbdconf"
}

wait_for() { # seconds, description, command...
  local limit=$1 what=$2; shift 2
  for _ in $(seq "$limit"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "slurm-local.sh: $what did not come up in $limit s (see /var/log/slurm/)" >&2; exit 1
}

start() {
  need_root
  install_packages
  write_configuration
  mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null || true
  pgrep -x munged >/dev/null || su -s /bin/sh munge -c /usr/sbin/munged 2>/dev/null || /usr/sbin/munged --force
  if ! pgrep -x mariadbd >/dev/null && ! pgrep -x mysqld >/dev/null; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    (mysqld_safe >/dev/null 2>&1 &)
    wait_for 60 MariaDB mysqladmin ping
  fi
  pgrep -x slurmdbd >/dev/null || slurmdbd
  wait_for 60 slurmdbd sacctmgr -n list cluster
  sacctmgr -n list cluster format=cluster | grep -qw corehole || sacctmgr -i add cluster corehole >/dev/null
  pgrep -x slurmctld >/dev/null || slurmctld
  pgrep -x slurmd >/dev/null || slurmd
  wait_for 60 "the node" sh -c "sinfo -h -o %T | grep -Eq '^(idle|mixed|allocated)'"
  sinfo
}

stop() {
  need_root
  for daemon in slurmd slurmctld slurmdbd; do pkill -x "$daemon" || true; done
  if [ -f "$conf" ] && grep -qF "$marker" "$conf"; then mysqladmin shutdown 2>/dev/null || true; fi
  echo "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) sinfo ;;
  *) echo "usage: bash scripts/slurm-local.sh start|stop|status" >&2; exit 2 ;;
esac

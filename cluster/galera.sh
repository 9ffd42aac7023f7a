#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on this machine, for the gateway's multi-primary tests
# (README, "Running more than one instance", "On a MariaDB Galera cluster").
#
#   cluster/galera.sh up       start the nodes that are not running (the first one bootstraps
#                              the cluster when none is); creates the database and the gateway's
#                              account; safe to run again
#   cluster/galera.sh down     stop the running nodes, the last one last; safe when down
#   cluster/galera.sh status   each node's state and wsrep_cluster_size
#
# Each node has its own folder under GALERA_DIR (default target/galera): data, config
# (my.cnf), error log, socket. Ports, from GALERA_BASE_PORT (default 33060), for node n:
# SQL base+n, group communication base+100+n, IST base+200+n, SST base+300+n, all on
# 127.0.0.1. After `up`, GALERA_DIR/cluster.env holds each node's JDBC URL and the account
# (GALERA_URL_1..3, GALERA_USER, GALERA_PASSWORD), for `. target/galera/cluster.env`.
#
# Installs nothing. Needs (Debian bookworm, as root):
#   apt-get install -y mariadb-server galera-4 mariadb-backup socat
# and the Debian package's own service stopped (it would hold port 3306, not ours):
#   service mariadb stop; update-rc.d mariadb disable
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${GALERA_DIR:-$ROOT/target/galera}
BASE=${GALERA_BASE_PORT:-33060}
NODES="1 2 3"
PROVIDER=/usr/lib/galera/libgalera_smm.so
DATABASE=customer_graph
ACCOUNT=gateway

sql_port() { echo $((BASE + $1)); }
group_port() { echo $((BASE + 100 + $1)); }

missing() {
	local what=()
	command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || what+=(mariadb-server)
	command -v mariadb-install-db >/dev/null || what+=(mariadb-server)
	[ -f "$PROVIDER" ] || what+=(galera-4)
	command -v mariadb-backup >/dev/null || what+=(mariadb-backup)
	command -v socat >/dev/null || what+=(socat)
	if [ ${#what[@]} -gt 0 ]; then
		echo "Missing: ${what[*]}. Install with: apt-get install -y mariadb-server galera-4 mariadb-backup socat" >&2
		exit 1
	fi
}

node_dir() { echo "$DIR/node$1"; }

pid_of() {
	local file
	file="$(node_dir "$1")/mariadbd.pid"
	if [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then
		cat "$file"
	fi
}

client() {
	mariadb --no-defaults --socket="$(node_dir "$1")/mariadbd.sock" -uroot --batch --skip-column-names "${@:2}"
}

status_of() {
	client "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2
}

# The node's own configuration; a file of its own, so no /etc/mysql setting applies.
write_config() {
	local n=$1 dir cluster=""
	dir=$(node_dir "$n")
	for m in $NODES; do cluster="$cluster${cluster:+,}127.0.0.1:$(group_port "$m")"; done
	mkdir -p "$dir/data" "$dir/tmp"
	cat >"$dir/my.cnf" <<EOF
[mariadbd]
datadir=$dir/data
tmpdir=$dir/tmp
socket=$dir/mariadbd.sock
pid-file=$dir/mariadbd.pid
log-error=$dir/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
skip-name-resolve
$([ "$(id -u)" = 0 ] && echo "user=root")
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max-connections=300
max-allowed-packet=64M
innodb-buffer-pool-size=128M
innodb-flush-log-at-trx-commit=2
# What Galera requires: row-based replication, InnoDB, interleaved auto-increment locks.
binlog-format=ROW
default-storage-engine=InnoDB
innodb-autoinc-lock-mode=2
wsrep-on=ON
wsrep-provider=$PROVIDER
wsrep-cluster-name=customer-graph
wsrep-cluster-address=gcomm://$cluster
wsrep-node-name=node$n
wsrep-node-address=127.0.0.1:$(group_port "$n")
wsrep-node-incoming-address=127.0.0.1:$(sql_port "$n")
wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$(group_port "$n");ist.recv_addr=127.0.0.1:$((BASE + 200 + n));gcache.size=64M"
# mariabackup copies from the running donor; rsync SST failed here (rsync code 23).
wsrep-sst-method=mariabackup
wsrep-sst-auth=root:
wsrep-sst-receive-address=127.0.0.1:$((BASE + 300 + n))
EOF
}

# The node to start a stopped cluster from: the one Galera marked safe (the last one
# stopped), or node 1 for a new cluster.
bootstrap_node() {
	for n in $NODES; do
		if grep -qs '^safe_to_bootstrap: 1' "$(node_dir "$n")/data/grastate.dat"; then
			echo "$n"
			return
		fi
	done
	if [ -f "$(node_dir 1)/data/grastate.dat" ]; then
		echo "No node is marked safe to bootstrap (did the cluster crash?). Set 'safe_to_bootstrap: 1' in" \
			"the grastate.dat of the node with the highest seqno under $DIR, then run up again." >&2
		exit 1
	fi
	echo 1
}

start() {
	local n=$1 dir
	dir=$(node_dir "$n")
	write_config "$n"
	if [ ! -d "$dir/data/mysql" ] && [ "${2:-}" = --wsrep-new-cluster ]; then
		mariadb-install-db --defaults-file="$dir/my.cnf" --auth-root-authentication-method=socket \
			>"$dir/install.log" 2>&1 || { echo "mariadb-install-db failed, see $dir/install.log" >&2; exit 1; }
	fi
	setsid mariadbd --defaults-file="$dir/my.cnf" "${@:2}" </dev/null >>"$dir/error.log" 2>&1 &
	local pid=$!
	for _ in $(seq 1 240); do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "node$n stopped while starting; see $dir/error.log" >&2
			exit 1
		fi
		if [ "$(status_of "$n" wsrep_local_state_comment)" = Synced ]; then
			echo "node$n up on 127.0.0.1:$(sql_port "$n") (log: $dir/error.log)"
			return
		fi
		sleep 0.5
	done
	echo "node$n did not reach Synced within 2 minutes; see $dir/error.log" >&2
	exit 1
}

# The gateway's database and account, created on one node; Galera replicates both.
provision() {
	local n=$1 password
	if [ ! -f "$DIR/gateway.password" ]; then
		(umask 077 && head -c 18 /dev/urandom | base64 | tr '+/' '-_' >"$DIR/gateway.password")
	fi
	password=$(cat "$DIR/gateway.password")
	client "$n" <<EOF
CREATE DATABASE IF NOT EXISTS $DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$ACCOUNT'@'127.0.0.1' IDENTIFIED BY '$password';
ALTER USER '$ACCOUNT'@'127.0.0.1' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`customer\\_graph%\`.* TO '$ACCOUNT'@'127.0.0.1';
-- A gateway with a node as its read side (gateway.datasource.read.url) checks it with SHOW
-- REPLICA STATUS first, which needs this right; without it the node is never used.
GRANT SLAVE MONITOR ON *.* TO '$ACCOUNT'@'127.0.0.1';
EOF
	{
		for m in $NODES; do
			# wsrep_sync_wait=1: every read waits until this node has applied what the cluster
			# committed before it, so a client reads its writes on any node.
			echo "GALERA_URL_$m=jdbc:mysql://127.0.0.1:$(sql_port "$m")/$DATABASE?sessionVariables=wsrep_sync_wait=1"
		done
		echo "GALERA_USER=$ACCOUNT"
		echo "GALERA_PASSWORD=$password"
	} >"$DIR/cluster.env"
	chmod 600 "$DIR/cluster.env"
}

up() {
	missing
	mkdir -p "$DIR"
	local running="" first
	for n in $NODES; do [ -n "$(pid_of "$n")" ] && running="$running $n"; done
	if [ -z "$running" ]; then
		first=$(bootstrap_node)
		start "$first" --wsrep-new-cluster
		running=" $first"
	fi
	for n in $NODES; do
		[ -n "$(pid_of "$n")" ] || start "$n"
	done
	provision "$(echo $running | cut -d' ' -f1)"
	status
	echo "Connection settings: $DIR/cluster.env"
}

down() {
	local pid
	for n in 3 2 1; do
		pid=$(pid_of "$n")
		[ -z "$pid" ] && continue
		kill -TERM "$pid"
		for _ in $(seq 1 120); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.5
		done
		if kill -0 "$pid" 2>/dev/null; then
			echo "node$n (pid $pid) did not stop within a minute; see $(node_dir "$n")/error.log" >&2
			exit 1
		fi
		echo "node$n stopped"
	done
}

status() {
	for n in $NODES; do
		if [ -n "$(pid_of "$n")" ]; then
			echo "node$n running on 127.0.0.1:$(sql_port "$n"): $(status_of "$n" wsrep_local_state_comment)," \
				"wsrep_cluster_size=$(status_of "$n" wsrep_cluster_size) (log: $(node_dir "$n")/error.log)"
		else
			echo "node$n stopped (log: $(node_dir "$n")/error.log)"
		fi
	done
}

case "${1:-}" in
up) up ;;
down) down ;;
status) status ;;
*)
	echo "usage: $0 up|down|status" >&2
	exit 2
	;;
esac

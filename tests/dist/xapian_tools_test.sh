#!/usr/bin/env bash
# Xapian's own tools (package xapian-tools) on a vnews database, as README
# and docs/schema.md say: a single database and a sharded folder open as one
# database in xapian-delve, quest, xapian-compact and xapian-tcpsrv;
# xapian-check takes a single database, or a sharded folder's stub file
# DIR/XAPIANDB (DIR itself it rejects). Skipped without xapian-tools.
# Usage: xapian_tools_test.sh SOURCE_DIR VNEWS_INDEX
source "$(dirname "$0")/lib.sh"
source_dir=$1 index=$2
for tool in xapian-delve xapian-check xapian-compact xapian-tcpsrv quest; do
  command -v "$tool" >/dev/null || skip "$tool not found (package xapian-tools)"
done

single=$tmp/single.db sharded=$tmp/sharded.db
check_run "vnews-index writes a single database" 0 \
  "$index" --quiet --db "$single" "$source_dir/corpus/sample"
check_run "vnews-index --shards 2 writes a sharded folder" 0 \
  "$index" --quiet --shards 2 --db "$sharded" "$source_dir/corpus/sample"

for db in "$single" "$sharded"; do
  name=$(basename "$db")
  check_run "xapian-delve opens $name" 0 xapian-delve "$db"
  check_has "xapian-delve counts the 41 articles of $name" "number of documents = 41" "$out"
  check_run "xapian-delve -t lists a folded term's postings in $name" 0 \
    xapian-delve -t XFdien "$db"
  check_has "xapian-delve finds XFdien in 26 articles of $name" "termfreq 26," "$out"
  check_run "quest searches folded terms in $name" 0 \
    quest -s none -p folded:XF -d "$db" 'folded:dien AND folded:thoai'
  check_has "quest finds the 8 articles with both words in $name" "Exactly 8 matches" "$out"
  check_run "quest searches exact terms in $name" 0 quest -s none -d "$db" 'hòa'
  check_has "quest finds 'hòa' in 13 articles of $name" "Exactly 13 matches" "$out"
  check_run "quest searches exact terms typed in the other placement in $name" 0 \
    quest -s none -d "$db" 'hoà'
  check_has "quest finds no 'hoà' in $name: the index holds 'hòa'" "Exactly 0 matches" \
    "$out"
  check_run "xapian-compact merges $name" 0 xapian-compact "$db" "$tmp/compact-$name"
  check_run "xapian-delve opens the compacted $name" 0 xapian-delve "$tmp/compact-$name"
  check_has "the compacted $name holds the 41 articles" "number of documents = 41" "$out"
done

check_run "xapian-check checks a single database" 0 xapian-check "$single"
check_has "xapian-check finds no error in a single database" "No errors found" "$out"
check_run "xapian-check rejects a sharded folder itself" 1 xapian-check "$sharded"
check_has "xapian-check says the folder holds no database" \
  "Directory does not contain a Xapian database" "$out$err"
check_run "xapian-check checks every shard through DIR/XAPIANDB" 0 \
  xapian-check "$sharded/XAPIANDB"
check_eq "xapian-check checks both shards" 2 "$(grep -c '^postlist:' <<<"$out")"
check_has "xapian-check finds no error in the shards" "No errors found" "$out"
check_run "xapian-check checks one shard" 0 xapian-check "$sharded/shard-1"
check_has "xapian-check finds no error in shard-1" "No errors found" "$out"

# xapian-tcpsrv serves either as one database (one connection, then it
# exits); a stub file on the client side reaches it.
for db in "$single" "$sharded"; do
  name=$(basename "$db")
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 20000))
    xapian-tcpsrv --one-shot --interface 127.0.0.1 --port "$port" "$db" \
      >"$tmp/tcpsrv.log" 2>&1 &
    server=$!
    for _ in $(seq 50); do
      grep -qs Listening "$tmp/tcpsrv.log" && break
      kill -0 "$server" 2>/dev/null || break
      sleep 0.1
    done
    grep -qs Listening "$tmp/tcpsrv.log" && break
    wait "$server" 2>/dev/null  # the port was taken: try another
  done
  echo "remote 127.0.0.1:$port" >"$tmp/remote.stub"
  check_run "xapian-delve reaches $name served by xapian-tcpsrv" 0 \
    xapian-delve "$tmp/remote.stub"
  check_has "the served $name holds the 41 articles" "number of documents = 41" "$out"
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
done

finish

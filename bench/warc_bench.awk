# warc_bench.awk: one table row from the stderr of `/usr/bin/time -v carve ARCHIVE`
# (carve's summary lines, then time's report). Variables: name, t (threads).
/records read,/ { rec = $2; bytes = $(NF - 3); secs = $(NF - 1) }
/HTML bytes;/ {
    for (i = 1; i < NF; i++)
        if ($i == "HTML" && $(i + 1) == "bytes;")
            html = $(i - 1)
}
/reader thread cpu/ {
    n = split($0, p, /[ ,]+/)
    for (i = 1; i < n; i++) {
        if (p[i] == "frame)") rd = p[i + 1]
        if (p[i] == "workers)") ex = p[i + 1]
        if (p[i] == "writer") wr = p[i + 3]
    }
}
/Maximum resident set size/ { rss = $NF / 1024 }
/User time/ { cpu += $NF }
/System time/ { cpu += $NF }
END {
    if (secs <= 0 || cpu <= 0) {
        printf "%-28s %3d  (no summary: see the log)\n", name, t
        exit
    }
    out = rd + wr
    tot = out + ex
    printf "%-28s %3d %8d %9.1f %8.2f %9.2f %8.1f %8.2f %9.1f %7.1f%%\n", name, t, rec, rec / secs,
           bytes / 1e6 / secs, html / 1e6 / secs, rss, secs, rec / cpu, (tot > 0 ? 100 * out / tot : 0)
}

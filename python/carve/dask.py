"""python3 -m carve.dask: extract WARC archives on a Dask cluster.

Each input archive becomes one JSON Lines shard in the output folder, with
the lines `carve --format json ARCHIVE` writes for it. The same command
serves one machine (a LocalCluster of --workers processes) and many (a
running dask-scheduler given with --scheduler; the inputs and the output
folder must then be on a file system every worker sees, and carve must be
installed on every worker).

Restartable: a shard is written under a temporary name and renamed when
complete, and a rerun skips the shards that exist. A worker that dies
mid-shard leaves only its temporary file; Dask runs the shard again on
another worker, and the temporary files are removed at the end of the run.
One run at a time per output folder.

With --learn-sites, each archive's site model is learned on its own
(DIR/site-models/), the models are merged pairwise (a tree reduction), and
the shards are extracted with the merged model; the models are kept, so a
rerun extracts with the same one.
"""
import argparse
import glob
import hashlib
import json
import logging
import os
import socket
import sys
import time
import warnings

from . import Error, SiteModel, _check_language
from ._carve import WarcReader
from ._warc import learn_warc, records

MANIFEST = "carve-dask.json"
MODELS = "site-models"


def _stem(path):
    name = os.path.basename(path)
    for ext in (".gz", ".zst", ".warc", ".arc"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    return name or "input"


def shard_names(inputs):
    """Shard file name per input: its name without .warc.gz, with a hash of
    its path when two inputs share a name."""
    stems = [_stem(p) for p in inputs]
    names = []
    for path, stem in zip(inputs, stems):
        if stems.count(stem) > 1:
            stem += "-" + hashlib.sha1(os.path.abspath(path).encode()).hexdigest()[:8]
        names.append(stem + ".jsonl")
    return names


def _temporary(dst):
    return "%s.tmp.%s.%d" % (dst, socket.gethostname(), os.getpid())


def _counts_path(dst):
    return dst + ".counts"


def extract_shard(src, dst, target_language=None, model_path=None):
    """Writes the JSON lines of archive src to dst (through a temporary
    file, renamed when complete), and its counts beside it (NAME.jsonl.counts,
    written first, so that a complete shard always has them); returns the
    counts. A shard done before returns the counts it left."""
    if os.path.exists(dst):
        try:
            with open(_counts_path(dst), encoding="utf-8") as f:
                return dict(json.load(f), done_before=True)
        except (OSError, ValueError):
            return {"shard": os.path.basename(dst), "done_before": True}
    t0 = time.time()
    model = SiteModel.load(model_path) if model_path else None
    counts = {"extracted": 0, "empty": 0, "skipped": 0, "error": 0, "garbage": 0}
    tmp = _temporary(dst)
    with open(tmp, "w", encoding="utf-8", newline="\n") as f, warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # garbage is counted instead
        for kind, line in records(src, target_language, model):
            counts[kind] += 1
            if kind != "garbage":
                f.write(line)
                f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    result = {"shard": os.path.basename(dst), "records": sum(counts.values()) - counts["garbage"],
              "bytes": os.path.getsize(src), "seconds": time.time() - t0, **counts}
    with open(_counts_path(dst) + ".tmp", "w", encoding="utf-8") as f:
        json.dump(result, f)
    os.replace(_counts_path(dst) + ".tmp", _counts_path(dst))
    os.replace(tmp, dst)
    return dict(result, done_before=False)


def learn_shard(src, dst):
    """Learns the site model of archive src into dst; returns dst."""
    if not os.path.exists(dst):
        learn_warc(src).save(dst)
    return dst


def merge_models(a, b, dst):
    """Merges the models in files a and b into dst; returns dst."""
    if not os.path.exists(dst):
        model = SiteModel.load(a)
        model.merge(SiteModel.load(b))
        model.save(dst)
    return dst


def learn_sites(client, inputs, folder, log):
    """The path of the model learned from every input: one model per input,
    merged pairwise level by level on the cluster."""
    os.makedirs(folder, exist_ok=True)
    final = os.path.join(folder, "merged.model")
    if os.path.exists(final):
        log("site model: %s (learned before)" % final)
        return final
    level = [client.submit(learn_shard, src, os.path.join(folder, "input-%d.model" % i), pure=False)
             for i, src in enumerate(inputs)]
    depth = 0
    while len(level) > 1:
        depth += 1
        merged = []
        for i in range(0, len(level) - 1, 2):
            merged.append(client.submit(merge_models, level[i], level[i + 1],
                                        os.path.join(folder, "level%d-%d.model" % (depth, i // 2)), pure=False))
        if len(level) % 2:
            merged.append(level[-1])
        level = merged
    path = level[0].result()
    model = SiteModel.load(path)
    model.save(final)
    stats = model.stats
    log("site model: %d sites, %d pages, %d entries, learned from %d archives"
        % (stats["sites"], stats["pages"], stats["entries"], len(inputs)))
    return final


def _check_manifest(output, manifest):
    """Refuses to mix the shards of other inputs or options into output."""
    path = os.path.join(output, MANIFEST)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            before = json.load(f)
        if before != manifest:
            _usage("%s holds the shards of other inputs or options (%s); use another --output" % (output, path))
        return
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=1)
    os.replace(tmp, path)


def _remove_temporaries(output):
    for tmp in glob.glob(os.path.join(glob.escape(output), "*.jsonl.tmp.*")) + glob.glob(
            os.path.join(glob.escape(output), "*.counts.tmp")):
        try:
            os.remove(tmp)
        except FileNotFoundError:
            pass


def _expand(inputs):
    """Files as given, and the archives (*.warc, *.warc.gz, *.warc.zst) in
    folders given, sorted."""
    out = []
    for p in inputs:
        if os.path.isdir(p):
            found = [f for f in glob.glob(os.path.join(glob.escape(p), "**", "*"), recursive=True)
                     if os.path.isfile(f) and any(f.endswith(e) for e in (".warc", ".warc.gz", ".warc.zst"))]
            if not found:
                _usage("%s: no *.warc, *.warc.gz or *.warc.zst files in it" % p)
            out.extend(sorted(found))
        elif os.path.isfile(p):
            out.append(p)
        else:
            _usage("%s: no such file or folder" % p)
    for p in out:
        try:
            reader = WarcReader(p)
        except Error as e:
            _usage(str(e))
        is_archive = reader.is_archive
        reader.close()
        if not is_archive:
            _usage("%s: not a WARC archive (carve reads single pages: carve --format json PAGES)" % p)
    return [os.path.abspath(p) for p in out]


def _usage(message):
    """Stops with a message and exit status 2, as carve does for usage errors."""
    print("carve.dask: " + message, file=sys.stderr)
    raise SystemExit(2)


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="python3 -m carve.dask",
        description="Extract WARC archives on a Dask cluster: one JSON Lines shard per archive in --output, "
                    "each holding the lines of `carve --format json ARCHIVE`. Rerun the same command to "
                    "finish an interrupted run.")
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="WARC archives, or folders of them")
    ap.add_argument("--output", "-o", required=True, metavar="DIR", help="folder of the shards (created)")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="a running dask-scheduler (tcp://host:8786); default: a local cluster")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="processes of the local cluster (default: one per core)")
    ap.add_argument("--learn-sites", action="store_true",
                    help="learn each site's template from all inputs, then remove it (see carve(1))")
    ap.add_argument("--target-language", "-l", metavar="CODE", help="skip pages not in this language")
    ap.add_argument("--quiet", "-q", action="store_true", help="no line per shard, no summary")
    args = ap.parse_args(argv)
    if args.workers < 1:
        ap.error("--workers needs at least 1")
    return args


def main(argv=None):
    """Runs the command; returns 0, or 1 when some record failed (an
    "error" line in its shard, in this run or before), an archive holds
    bytes or broken records that are no page, or a shard could not be
    written, as carve does; usage errors exit with 2."""
    args = parse_args(argv)
    log = (lambda s: None) if args.quiet else (lambda s: print("carve.dask: " + s, file=sys.stderr, flush=True))
    try:
        _check_language(args.target_language)
    except ValueError as e:
        _usage(str(e))
    inputs = _expand(args.inputs)
    names = shard_names(inputs)
    if os.path.exists(args.output) and not os.path.isdir(args.output):
        _usage("--output %s is a file, not a folder" % args.output)
    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as e:
        _usage("--output %s: %s" % (args.output, e.strerror))

    from distributed import Client, LocalCluster, as_completed
    cluster = None
    try:
        if args.scheduler:
            client = Client(args.scheduler, timeout="20s")
        else:
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except OSError as e:
        print("carve.dask: cannot reach the Dask scheduler%s: %s"
              % (" at " + args.scheduler if args.scheduler else "", e), file=sys.stderr)
        return 1
    t0 = time.time()
    failed = 0
    try:
        _check_manifest(args.output, {"inputs": inputs, "learn_sites": args.learn_sites,
                                      "target_language": args.target_language})
        _remove_temporaries(args.output)
        model = None
        if args.learn_sites:
            model = learn_sites(client, inputs, os.path.join(args.output, MODELS), log)
        futures = [client.submit(extract_shard, src, os.path.join(args.output, name), args.target_language,
                                 model, pure=False)
                   for src, name in zip(inputs, names)]
        total = {"records": 0, "bytes": 0, "extracted": 0, "empty": 0, "skipped": 0, "error": 0, "garbage": 0}
        new_records = before = 0
        for done, fut in enumerate(as_completed(futures), 1):
            try:
                r = fut.result()
            except (Error, OSError) as e:  # the shard could not be read or written: named, the run goes on
                failed += 1
                log("[%d/%d] %s failed: %s" % (done, len(futures), names[futures.index(fut)], e))
                continue
            for k in total:
                total[k] += r.get(k, 0)
            if r["done_before"]:
                before += 1
                log("[%d/%d] %s: done before (%d records, %d errors)"
                    % (done, len(futures), r["shard"], r.get("records", 0), r.get("error", 0)))
                continue
            new_records += r["records"]
            log("[%d/%d] %s: %d records, %d errors%s, %.1f s"
                % (done, len(futures), r["shard"], r["records"], r["error"],
                   ", %d stretches of bytes or broken records that are no page" % r["garbage"] if r["garbage"] else "",
                   r["seconds"]))
    finally:
        client.close()
        if cluster:
            cluster.close()
    _remove_temporaries(args.output)
    seconds = time.time() - t0
    log("%d shards (%d done before) in %s: %d records (%d extracted, %d empty, %d skipped, %d errors%s), "
        "%.1f MB; this run %d records in %.1f s, %.0f records/s"
        % (len(inputs), before, args.output, total["records"], total["extracted"], total["empty"],
           total["skipped"], total["error"],
           ", %d stretches of bytes that are no record" % total["garbage"] if total["garbage"] else "",
           total["bytes"] / 1e6, new_records, seconds, new_records / seconds if seconds > 0 else 0))
    if failed:
        print("carve.dask: %d of %d shards failed (named above); rerun to retry them" % (failed, len(inputs)),
              file=sys.stderr)
    return 1 if total["error"] or total["garbage"] or failed else 0


if __name__ == "__main__":
    sys.exit(main())

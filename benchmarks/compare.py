#!/usr/bin/env python3
"""Side-by-side comparison of scrilla (Java) with numpy and scipy, in one run.

Generates fixed-seed data (a CSV folder of N tickers x T days and the same numbers as binary
arrays), times the same workloads in Java (io.scrilla.benchmarks.Compare in the benchmarks jar)
and with numpy/scipy, checks that the results agree, and prints one table: workload, Java, peer,
ratio, agreement, load average. See docs/benchmarks.md.

    mvn -B -pl benchmarks,scrilla-cli -am package -DskipTests
    python3 benchmarks/compare.py            # about 10 minutes on 2 cores
    python3 benchmarks/compare.py --quick    # about 2 minutes

Requires Python 3.8+, numpy and scipy.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH_JAR = os.path.join(HERE, "target", "benchmarks.jar")
CLI_JAR = os.path.join(ROOT, "scrilla-cli", "target", "scrilla.jar")
TAU = 1.0 / 252
MAX_REPS = 201            # the same rule as Compare.time in Java
OBJECTIVE_RTOL = 1e-9     # an optimizer's objective may be at most this much worse than SLSQP's
MATRIX_ATOL = 1e-12       # largest absolute difference counted as agreement for arrays


# ---------------------------------------------------------------------------------------------
# timing: the same rule on both sides
# ---------------------------------------------------------------------------------------------

def timed(work, budget):
    """One first run; if it took at least the budget, that run is the result. Otherwise warm
    up for a quarter of the budget (at most 2 s, at least two runs), then repeat until half the
    budget is spent (at least 3, at most MAX_REPS runs). Returns (result, timing dict)."""
    t0 = time.perf_counter()
    result = work()
    first = time.perf_counter() - t0
    if first >= budget:
        return result, {"median_s": first, "min_s": first, "first_s": first, "reps": 1}
    warm, r = 0.0, 0
    while r < 2 or warm < min(2.0, budget / 4):
        t0 = time.perf_counter()
        work()
        warm += time.perf_counter() - t0
        r += 1
    times = []
    while len(times) < 3 or (sum(times) < budget / 2 and len(times) < MAX_REPS):
        t0 = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t0)
    return result, {"median_s": statistics.median(times), "min_s": min(times),
                    "first_s": first, "reps": len(times)}


def read_f64(path, shape=None):
    import numpy as np
    a = np.fromfile(path, dtype="<f8")
    return a.reshape(shape) if shape is not None else a


# ---------------------------------------------------------------------------------------------
# the peer: numpy and scipy (run in a child process so the BLAS thread count is set before import)
# ---------------------------------------------------------------------------------------------

def peer_main(work_dir, budget, workloads):
    import numpy as np
    meta = json.load(open(os.path.join(work_dir, "meta.json")))
    t = meta["days"] + 1
    closes = read_f64(os.path.join(work_dir, "closes.f64"))
    closes = closes.reshape(closes.size // t, t)
    out_dir = os.path.join(work_dir, "peer")
    os.makedirs(out_dir, exist_ok=True)
    results = {}
    solved = {}
    for name in workloads:
        kind = name.rstrip("0123456789")
        n = int(name[len(kind):])
        load = os.getloadavg()[0]
        extra = {}
        if kind == "corr":
            c = np.ascontiguousarray(closes[:n])
            out, tm = timed(lambda: np.corrcoef(np.diff(np.log(c), axis=1)), budget)
        elif kind == "psd":
            m = np.corrcoef(np.diff(np.log(closes[:n]), axis=1))
            ev, tm = timed(lambda: np.linalg.eigvalsh(m), budget)
            out = np.array([ev.min()])
        elif kind in ("logret", "samples"):
            c = np.ascontiguousarray(closes[:n])
            out, tm = timed(lambda: np.diff(np.log(c), axis=1), budget)
        elif kind == "pct":
            r = np.diff(np.log(closes[:n]), axis=1)

            def profiles():
                x = r / TAU
                q25, q75 = np.percentile(x, [25, 75], axis=1, method="weibull")
                s = (q75 - q25) / (2 * 0.6744897501960817)
                sigma = s * np.sqrt(TAU)
                return np.column_stack((0.5 * (q25 + q75) + 0.5 * sigma * sigma, sigma))
            out, tm = timed(profiles, budget)
        elif kind in ("minvar", "minvarsolve"):
            from scipy.optimize import minimize
            p = os.path.join(work_dir, "portfolio")
            vol = read_f64(os.path.join(p, "volatilities.f64"))
            corr = read_f64(os.path.join(p, "correlation.f64"), (n, n))

            def slsqp(ftol=1e-6):
                cov = corr * np.outer(vol, vol)
                res = minimize(lambda w: w @ cov @ w, np.full(n, 1.0 / n),
                               jac=lambda w: 2 * cov @ w, method="SLSQP",
                               bounds=[(0.0, 1.0)] * n,
                               constraints=[{"type": "eq", "fun": lambda w: w.sum() - 1.0,
                                             "jac": lambda w: np.ones(n)}],
                               options={"ftol": ftol, "maxiter": 1000})
                if not res.success:
                    raise RuntimeError("SLSQP: " + res.message)
                return res
            if ("minvar", n) in solved:
                res, tm, tight = solved[("minvar", n)]
            else:
                # timed with SLSQP's defaults; the objective is checked against the better of that
                # answer and an untimed solve to ftol 1e-12
                res, tm = timed(slsqp, budget)
                tight = slsqp(1e-12)
                solved[("minvar", n)] = (res, tm, tight)
            cov = corr * np.outer(vol, vol)
            out = min((res.x, tight.x), key=lambda w: w @ cov @ w)
            extra = {"iterations": int(res.nit), "iterations_ftol_1e-12": int(tight.nit)}
        else:
            raise ValueError("unknown workload " + name)
        np.save(os.path.join(out_dir, name + ".npy"), np.asarray(out))
        results[name] = dict(tm, load=load, output=name + ".npy", **extra)
    info = {"numpy": np.__version__, "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS")}
    try:
        import scipy
        info["scipy"] = scipy.__version__
    except ImportError:
        pass
    try:
        import threadpoolctl
        info["threadpool"] = [
            {k: d.get(k) for k in ("internal_api", "num_threads", "architecture", "version")}
            for d in threadpoolctl.threadpool_info()]
    except ImportError:
        info["threadpool"] = "threadpoolctl not installed"
    print(json.dumps({"info": info, "workloads": results}))


def e2e_peer_main(csv_dir, start, end, tickers):
    """The numpy script of the end-to-end comparison: read the CSV files, keep the window,
    intersect the dates, and print the correlation matrix of the log returns as JSON."""
    import numpy as np
    dates, closes = None, []
    for t in tickers:
        d, c = [], []
        with open(os.path.join(csv_dir, t + ".csv")) as f:
            header = [h.strip().lower() for h in f.readline().split(",")]
            di, ci = header.index("date"), header.index("close")
            for line in f:
                parts = line.rstrip("\n").split(",")
                if start <= parts[di] <= end:
                    d.append(parts[di])
                    c.append(float(parts[ci]))
        d = np.array(d)
        closes.append((d, np.array(c)))
        dates = d if dates is None else np.intersect1d(dates, d, assume_unique=True)
    rows = [c[np.isin(d, dates, assume_unique=True)] for d, c in closes]
    m = np.corrcoef(np.diff(np.log(np.vstack(rows)), axis=1))
    print(json.dumps({"tickers": list(tickers), "matrix": m.tolist()}))


# ---------------------------------------------------------------------------------------------
# the driver
# ---------------------------------------------------------------------------------------------

def run(cmd, env=None, check=True):
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and p.returncode != 0:
        sys.exit("command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd[:8]), p.stderr[-3000:]))
    return p


def java_cmd(threads):
    return ["java", "-XX:ActiveProcessorCount=%d" % threads]


def java_run(args, work, budget, workloads):
    if not workloads:
        return {}
    p = run(java_cmd(args.threads) + ["-cp", BENCH_JAR, "io.scrilla.benchmarks.Compare", "run",
                                      work, str(budget)] + workloads)
    return json.loads(p.stdout.strip().splitlines()[-1])


def peer_env(threads):
    env = dict(os.environ)
    removed = [k for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if env.pop(k, None) is not None]
    for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[k] = str(threads)
    return env, removed


def peer_run(work, budget, workloads, threads):
    if not workloads:
        return {"workloads": {}, "info": {}}
    env, _ = peer_env(threads)
    p = run([sys.executable, os.path.abspath(__file__), "--peer", work, str(budget)] + workloads,
            env=env)
    return json.loads(p.stdout.strip().splitlines()[-1])


def agreement(work, name, java, peer, n):
    """Returns (text, ok) comparing the Java output with the peer's."""
    import numpy as np
    j = read_f64(os.path.join(work, "out", java["output"]))
    p = np.load(os.path.join(work, "peer", peer["output"]))
    kind = name.rstrip("0123456789")
    if kind in ("minvar", "minvarsolve"):
        vol = read_f64(os.path.join(work, "portfolio", "volatilities.f64"))
        corr = read_f64(os.path.join(work, "portfolio", "correlation.f64"), (n, n))
        cov = corr * np.outer(vol, vol)
        fj, fp = float(j @ cov @ j), float(p @ cov @ p)
        feasible = abs(j.sum() - 1) <= 1e-12 and j.min() >= 0
        rel = (fj - fp) / fp
        ok = feasible and fj <= fp * (1 + OBJECTIVE_RTOL)
        return ("variance %+.1e rel. to SLSQP's best%s" % (rel, "" if feasible else ", INFEASIBLE"),
                bool(ok))
    if kind == "psd":
        d = abs(float(j[0]) - float(p[0]))
        ok = d <= 1e-10 and (j[0] >= -1e-12 * n) == (p[0] >= -1e-12 * n)
        return ("min eigenvalue %.3g, diff %.1e" % (j[0], d), bool(ok))
    d = float(np.max(np.abs(j.reshape(p.shape) - p)))
    return ("max abs diff %.1e" % d, bool(d <= MATRIX_ATOL))


def fmt_s(s):
    if s is None:
        return "-"
    if s >= 1:
        return "%.2f s" % s
    if s >= 1e-3:
        return "%.1f ms" % (s * 1e3)
    return "%.0f us" % (s * 1e6)


def fmt_ratio(java, peer):
    if java is None or peer is None:
        return "-"
    r = java / peer
    return "%.2gx slower" % r if r >= 1 else "%.2gx faster" % (1 / r)


def e2e(args, work, n, budget):
    """scrilla correlation of n tickers from the CSV folder, cold and warm, and the numpy
    script reading the same files. Returns table rows."""
    import numpy as np
    meta = json.load(open(os.path.join(work, "meta.json")))
    tickers = ["T%d" % i for i in range(1, n + 1)]
    csv_dir = os.path.join(work, "csv")
    cli_dir = os.path.join(work, "cli")
    shutil.rmtree(cli_dir, ignore_errors=True)
    os.makedirs(cli_dir)
    base = dict(os.environ, SCRILLA_DATA_DIR=csv_dir, PRICE_MANAGER="csv", STAT_MANAGER="csv",
                DIV_MANAGER="csv", CACHE_MODE="sqlite")
    base.pop("ALPHA_VANTAGE_KEY", None)
    args_cli = ["-jar", CLI_JAR, "correlation"] + tickers + [
        "--start", meta["start"], "--end", meta["end"], "--json"]
    # the class-data-sharing archive `mvn package` writes beside the jar (docs/benchmarks.md)
    cds = os.path.join(os.path.dirname(CLI_JAR), "scrilla.jsa")
    cds_opts = ["-XX:SharedArchiveFile=" + cds] if os.path.exists(cds) else None

    def cli(db, opts=()):
        env = dict(base, SQLITE_FILE=db)
        t0 = time.perf_counter()
        p = run(java_cmd(args.threads) + list(opts) + args_cli, env=env)
        return time.perf_counter() - t0, json.loads(p.stdout)

    cold, warm, warm_cds, out = [], [], [], None
    loads = [os.getloadavg()[0]]
    while len(cold) < 3 and (not cold or sum(cold) + sum(warm) < budget):
        db = os.path.join(cli_dir, "cache-%d.db" % len(cold))
        s, out = cli(db)
        cold.append(s)
        s, warm_out = cli(db)
        warm.append(s)
        if warm_out["matrix"] != out["matrix"]:
            sys.exit("the warm matrix differs from the cold one")
        if cds_opts:
            s, cds_out = cli(db, cds_opts)
            warm_cds.append(s)
            if cds_out["matrix"] != out["matrix"]:
                sys.exit("the matrix with the CDS archive differs")
    env, _ = peer_env(args.threads)
    peer_cmd = [sys.executable, os.path.abspath(__file__), "--e2e-peer", csv_dir, meta["start"],
                meta["end"]] + tickers
    ptimes, pout = [], None
    while len(ptimes) < 3 and (not ptimes or sum(ptimes) < budget):
        t0 = time.perf_counter()
        p = run(peer_cmd, env=env)
        ptimes.append(time.perf_counter() - t0)
        pout = json.loads(p.stdout)
    loads.append(os.getloadavg()[0])
    d = float(np.max(np.abs(np.array(out["matrix"]) - np.array(pout["matrix"]))))
    agree = ("max abs diff %.1e" % d, bool(d <= MATRIX_ATOL and out["tickers"] == pout["tickers"]))
    pm = statistics.median(ptimes)
    load = "%.1f-%.1f" % (min(loads), max(loads))
    rows = []
    runs = [("cold cache", cold), ("warm cache", warm)]
    if warm_cds:
        runs.append(("warm cache, CDS archive (`-XX:SharedArchiveFile`)", warm_cds))
    for label, times in runs:
        jm = statistics.median(times)
        rows.append({"workload": "`scrilla correlation` %d tickers, CSV folder, %s (%d run%s)"
                     % (n, label, len(times), "" if len(times) == 1 else "s"),
                     "java": jm, "peer": pm, "peer_name": "numpy script (%d runs)" % len(ptimes),
                     "agreement": agree[0], "ok": agree[1], "load": load})
    return rows


def launches(args, work, count):
    """Separate JVM launches of the warm N=200 solve: each launch's median of 200 solves in a row,
    and its best median of 50 solves among 20 blocks 100 ms apart."""
    solve, fastest, both, loads = [], [], [], []
    for _ in range(count):
        p = run(java_cmd(args.threads) + ["-cp", BENCH_JAR, "io.scrilla.benchmarks.Compare",
                                          "launch", work, "200"])
        r = json.loads(p.stdout.strip().splitlines()[-1])
        solve.append(r["solve_median_s"])
        fastest.append(r["solve_best_block_s"])
        both.append(r["of_and_solve_median_s"])
        loads.append(r["load"])
    return solve, fastest, both, loads


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="smaller run: N=500 only, 100 tickers end to end, 3 launches")
    ap.add_argument("--threads", type=int, default=1,
                    help="threads of both sides (Java: -XX:ActiveProcessorCount, numpy: "
                         "OPENBLAS_NUM_THREADS); default 1. With more, the correlation rows are "
                         "also compared with numpy on 1 thread")
    ap.add_argument("--budget", type=float, default=None,
                    help="seconds per workload and side (default 6, quick 2)")
    ap.add_argument("--max-seconds", type=float, default=300,
                    help="skip the N=2000 matrix when its estimated Java time exceeds this "
                         "(from N=500 times 16 plus the PSD check times 64); default 300")
    ap.add_argument("--launches", type=int, default=None, help="JVM launches (default 10, quick 3)")
    ap.add_argument("--work", default=os.path.join(HERE, "target", "compare"),
                    help="folder for the generated data and outputs (deleted first)")
    ap.add_argument("--no-cli", action="store_true", help="skip the end-to-end CLI rows")
    ap.add_argument("--markdown", help="also write the table as Markdown to this file")
    args = ap.parse_args()
    budget = args.budget or (2.0 if args.quick else 6.0)
    count = args.launches or (3 if args.quick else 10)
    big = 500 if args.quick else 2000
    e2e_n = 100 if args.quick else 500
    for jar, module in ((BENCH_JAR, "benchmarks"), (CLI_JAR, "scrilla-cli")):
        if not os.path.exists(jar):
            sys.exit("%s is missing: build it with mvn -B -pl %s -am package -DskipTests"
                     % (jar, module))
    import numpy as np
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    started = time.time()
    load_start = os.getloadavg()
    print("generating %d x 1260 prices in %s ..." % (big, work), file=sys.stderr)
    run(["java", "-cp", BENCH_JAR, "io.scrilla.benchmarks.Compare", "generate", work, str(big),
         "1260"])

    small = ["logret500", "samples500", "pct500", "minvar200", "minvarsolve200", "psd500",
             "corr500"]
    print("java: %s ..." % " ".join(small), file=sys.stderr)
    # the matrix in a JVM of its own, so that the other workloads' garbage does not disturb it
    jres = java_run(args, work, budget, small[:-1])
    java = dict(jres["workloads"])
    java.update(java_run(args, work, budget, ["corr500"])["workloads"])
    skipped = None
    if not args.quick:
        est = 16 * java["corr500"]["median_s"] + 64 * java["psd500"]["median_s"]
        if est <= args.max_seconds:
            print("java: corr2000 psd2000 (estimated %.0f s) ..." % est, file=sys.stderr)
            java.update(java_run(args, work, budget, ["psd2000", "corr2000"])["workloads"])
        else:
            skipped = est
    print("numpy/scipy ...", file=sys.stderr)
    peer_names = [w for w in small + ["psd2000", "corr2000"] if w in java]
    pres = peer_run(work, budget, peer_names, args.threads)
    peer = pres["workloads"]
    one = {}
    if args.threads > 1:
        one = peer_run(work, budget, [w for w in ("corr500", "corr2000") if w in java], 1)
        one = one["workloads"]
    print("%d JVM launches of the N=200 solve ..." % count, file=sys.stderr)
    solve, fastest, both, lloads = launches(args, work, count)
    rows = []
    labels = {
        "corr": "correlation matrix N=%d, T=1260 (facade, moments) vs `numpy.corrcoef`",
        "psd": "PSD check N=%d (`CorrelationMatrix.of`) vs `eigvalsh`",
        "logret": "log returns N=%d (`ReturnSample.ofCloses`) vs `np.diff(np.log)`",
        "samples": "log returns N=%d (`ReturnSample.of`, counting sessions) vs `np.diff(np.log)`",
        "pct": "percentile profiles N=%d vs `np.percentile(method='weibull')`",
        "minvar": "`Portfolio.of` + min variance N=%d vs SLSQP",
        "minvarsolve": "min variance N=%d, solve only vs SLSQP",
    }
    order = ["corr500", "corr2000", "psd500", "psd2000", "pct500", "logret500", "samples500",
             "minvar200", "minvarsolve200"]
    for name in order:
        if name not in java:
            continue
        kind = name.rstrip("0123456789")
        n = int(name[len(kind):])
        j, p = java[name], peer[name]
        text, ok = agreement(work, name, j, p, n)
        rows.append({"workload": labels[kind] % n, "java": j["median_s"], "peer": p["median_s"],
                     "agreement": text, "ok": ok, "load": "%.1f / %.1f" % (j["load"], p["load"]),
                     "reps": "%d / %d" % (j["reps"], p["reps"])})
        if name in one:
            q = one[name]
            rows.append({"workload": "same, numpy on 1 thread", "java": j["median_s"],
                         "peer": q["median_s"], "agreement": "", "ok": True,
                         "load": "%.1f / %.1f" % (j["load"], q["load"]),
                         "reps": "%d / %d" % (j["reps"], q["reps"])})
    if skipped is not None:
        rows.append({"workload": "correlation matrix N=2000: skipped, estimated %.0f s in Java "
                     "(over --max-seconds)" % skipped, "java": None, "peer": None,
                     "agreement": "", "ok": True, "load": ""})
    # the median of a launch's 200 solves in a row takes in the machine's slow spells (other
    # tenants of the host: they slow a plain dot-product loop in the same moments); the best of 20
    # blocks spread over 2 s misses them, and still shows a launch whose compiled code is slow for
    # its whole run
    for what, times in (("median of 200 solves in a row", solve),
                        ("best median of 20 blocks of 50 solves, 100 ms apart", fastest)):
        rows.append({"workload": "min variance N=200, %d JVM launches: worst vs best launch, "
                     "%s (`Portfolio.of` + solve, median: %s / %s)"
                     % (count, what, fmt_s(max(both)), fmt_s(min(both))),
                     "java": max(times), "peer": min(times), "peer_name": "best launch",
                     "agreement": "worst/best %.2f (target <= 1.5)" % (max(times) / min(times)),
                     "ok": True, "load": "%.1f-%.1f" % (min(lloads), max(lloads))})
    if not args.no_cli:
        print("end to end: scrilla correlation of %d tickers ..." % e2e_n, file=sys.stderr)
        rows += e2e(args, work, e2e_n, max(budget * 5, 30))
    load_end = os.getloadavg()

    header = ["workload", "Java", "peer", "ratio", "agreement", "load avg (Java / peer)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        ratio = fmt_ratio(r["java"], r["peer"])
        if r.get("peer_name") == "best launch":
            ratio = "%.2fx" % (r["java"] / r["peer"])
        lines.append("| %s | %s | %s | %s | %s%s | %s |" % (
            r["workload"], fmt_s(r["java"]), fmt_s(r["peer"]), ratio, r["agreement"],
            "" if r["ok"] else " **DISAGREE**", r["load"]))
    info = pres.get("info", {})
    _, removed = peer_env(args.threads)
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    facts = [
        "command: python3 benchmarks/compare.py %s" % " ".join(sys.argv[1:]),
        "machine: %s, %d cores (%s), load average %.2f %.2f %.2f at start, %.2f %.2f %.2f at end"
        % (platform.system(), os.cpu_count(), cpu, *load_start, *load_end),
        "Java: %s, %s threads; numpy %s, scipy %s, OPENBLAS_NUM_THREADS=%s%s; threadpool: %s"
        % (jres.get("jvm"), jres.get("threads"), info.get("numpy"), info.get("scipy"),
           info.get("blas_threads"),
           "; unset for numpy: " + ", ".join(removed) if removed else "",
           json.dumps(info.get("threadpool"))),
        "times are medians of repeated runs (the same rule on both sides; one run when the first"
        " takes longer than the budget of %.0f s); Java times are warm (JIT compiled); run time"
        " %.0f s" % (budget, time.time() - started),
    ]
    text = "\n".join(lines + [""] + ["- " + f for f in facts])
    print(text)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text + "\n")
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump({"java": java, "peer": peer, "peer_1_thread": one, "launches":
                   {"solve": solve, "solve_best_block": fastest, "of_and_solve": both}, "rows": rows, "facts": facts}, f,
                  indent=1)
    if not all(r["ok"] for r in rows):
        sys.exit("some results disagree")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--peer":
        peer_main(sys.argv[2], float(sys.argv[3]), sys.argv[4:])
    elif len(sys.argv) > 1 and sys.argv[1] == "--e2e-peer":
        e2e_peer_main(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    else:
        main()

#!/usr/bin/python3
"""Prints the imaging benchmark's tables (Markdown) from the results folder that bench/imaging/run fills.

Usage: report.py <results-dir> <MB of one 300-slice CT> <cores> <system>
Ratios are Orthanc's time / ours (ours/Orthanc throughput): above 1 we are faster; the goal is >= 1.25."""
import json, os, statistics, sys

results, mb, cores, system = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]


def values(name):
    with open(os.path.join(results, name)) as f:
        return [float(line) for line in f if line.strip()]


def one(name):
    return values(name)[0]


def p50(name):
    return statistics.median(values(name))


def spread(name):
    v = values(name)
    return f"{min(v):.3f}–{max(v):.3f}"


def ingest(label, name, instances, megabytes):
    ours, theirs = one(f"{name}_ours.wall"), one(f"{name}_orthanc.wall")
    rate = lambda s: (f"{megabytes / s:.0f} MB/s, " if megabytes else "") + f"{instances / s:.0f} inst/s"
    print(f"| {label} | {ours:.2f} s ({rate(ours)}) | {theirs:.2f} s ({rate(theirs)}) | **{theirs / ours:.2f}** |"
          f" {one(f'{name}_ours.cpu'):.1f} / {one(f'{name}_orthanc.cpu'):.1f} |")


def retrieval(label, ours, theirs, detail=""):
    print(f"| {label} | {ours:.3f} s ({mb / ours:.0f} MB/s) | {theirs:.3f} s ({mb / theirs:.0f} MB/s) |"
          f" **{theirs / ours:.2f}** | {detail} |")


print(f"\nMachine: {cores} cores, {system}; data: 300 × 512×512×16-bit CT, {mb:.0f} MiB per series\n")
print("| measure | TeleConsult | Orthanc 1.10.1 | ours/Orthanc throughput | server CPU s, ours / Orthanc |")
print("|---|---|---|---|---|")
ingest("STOW-RS of a 300-slice CT, 6 requests of 50", "stow", 300, mb)
ingest("C-STORE of a 300-slice CT, storescu on 4 associations", "cstore", 300, mb)
ingest("STOW-RS of 10,000 one-instance studies, 20 requests of 500", "many", 10000, 0)
retrieval("WADO-RS whole series, first request after ingest", one("wado_first_ours"), one("wado_first_orthanc"))
n = len(values("wado_cold_ours"))
retrieval(f"WADO-RS whole series, cold page cache, p50 of {n}", p50("wado_cold_ours"), p50("wado_cold_orthanc"),
          f"ranges {spread('wado_cold_ours')} / {spread('wado_cold_orthanc')} s")
n = len(values("wado_warm_ours"))
retrieval(f"WADO-RS whole series, warm, p50 of {n}", p50("wado_warm_ours"), p50("wado_warm_orthanc"),
          f"ranges {spread('wado_warm_ours')} / {spread('wado_warm_orthanc')} s")
n = len(values("wado_study_ours"))
retrieval(f"WADO-RS whole study (the C-STORE CT), warm, p50 of {n}", p50("wado_study_ours"),
          p50("wado_study_orthanc"), f"ranges {spread('wado_study_ours')} / {spread('wado_study_orthanc')} s")
raw = p50("wado_raw")
print(f"| client ceiling: the same bytes by plain sendfile, p50 | {raw:.3f} s ({mb / raw:.0f} MB/s) | | | |")
ours, theirs = one("meta_ours"), one("meta_orthanc")
print(f"| series /metadata, 600 slices, first request | {ours * 1000:.0f} ms | {theirs * 1000:.0f} ms |"
      f" {theirs / ours:.2f} | |")

ours, theirs = (json.load(open(os.path.join(results, f"qido_{s}"))) for s in ("ours", "orthanc"))
print("\nQIDO-RS /studies over the 10,000 studies (100 requests of each kind, one keep-alive connection; ms):\n")
print("| query | TeleConsult p50 / p99 | Orthanc p50 / p99 | ratio (p50) | matches (ours / Orthanc) |")
print("|---|---|---|---|---|")
for kind in ours:
    o, t = ours[kind], theirs[kind]
    print(f"| {kind} | {o['p50']:.1f} / {o['p99']:.1f} | {t['p50']:.1f} / {t['p99']:.1f} | {t['p50'] / o['p50']:.2f} |"
          f" {'' if o.get('matches') is None else o['matches']} / {'' if t.get('matches') is None else t['matches']} |")
with open(os.path.join(results, "review")) as f:
    review = json.load(f)
print(f"\nReview session, {review['n']} shares of a 512×512 CT slice (ms; TeleConsult only, Orthanc has no sessions):\n")
print("| share → … | p50 | p99 |")
print("|---|---|---|")
for key, label in (("notice", "`study` message on a connected participant's WebSocket"),
                   ("connected", "first instance fetched by that participant (WADO-RS)"),
                   ("joining", "a participant joining after the share: connect → first instance")):
    print(f"| {label} | {review[key]['p50']:.1f} | {review[key]['p99']:.1f} |")

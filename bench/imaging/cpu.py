#!/usr/bin/python3
"""Prints the CPU seconds (user + system) used so far by the given processes and all their descendants (PostgreSQL
backends, for instance), so a benchmark can report what each server spent besides how long it took."""
import os, sys

tick = os.sysconf("SC_CLK_TCK")
procs = {}
for name in os.listdir("/proc"):
    if name.isdigit():
        try:
            stat = open(f"/proc/{name}/stat").read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        # ppid; utime, stime, cutime, cstime (children already reaped count too)
        procs[int(name)] = (int(fields[1]), sum(int(x) for x in fields[11:15]))
members = {int(p) for p in sys.argv[1:]}
grown = True
while grown:
    grown = False
    for pid, (parent, _) in procs.items():
        if parent in members and pid not in members:
            members.add(pid)
            grown = True
print("%.2f" % (sum(procs[p][1] for p in members if p in procs) / tick))

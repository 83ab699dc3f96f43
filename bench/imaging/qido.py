#!/usr/bin/python3
"""Times QIDO-RS study searches against one server: several kinds of query, each repeated, one keep-alive connection.

Usage: qido.py <base-url .../dicom-web> <repeats> [token]
Prints JSON: per kind p50/p99 in ms and the number of matches of a first request (to compare servers), and overall.
"""
import http.client, json, random, sys, time, urllib.parse

base, repeats = sys.argv[1], int(sys.argv[2])
token = sys.argv[3] if len(sys.argv) > 3 else None
url = urllib.parse.urlsplit(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
headers = {"Accept": "application/dicom+json"}
if token:
    headers["Authorization"] = "Bearer " + token
rng = random.Random(11)
kinds = {
    "PatientID exact": lambda: "PatientID=P%06d" % rng.randrange(3333),
    "PatientName wildcard": lambda: "PatientName=" + rng.choice(["NGUYEN*", "TRAN*", "LE*", "PHAM*"]) + "&limit=100",
    "StudyDate one month": lambda: "StudyDate=%d%02d01-%d%02d28&limit=100" % ((y := rng.randint(2020, 2026)), (m := rng.randint(1, 12)), y, m),
    "ModalitiesInStudy, offset 1000": lambda: "ModalitiesInStudy=" + rng.choice(["CT", "MR"]) + "&limit=100&offset=1000",
    "all studies, first 100": lambda: "limit=100",
}


def get(query):
    conn.request("GET", url.path + "/studies?" + query, headers=headers)
    response = conn.getresponse()
    body = response.read()
    if response.status not in (200, 204):
        raise SystemExit("QIDO %s answered %d: %s" % (query, response.status, body[:200]))
    return len(json.loads(body)) if body else 0


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


result, everything = {}, []
for name, make in kinds.items():
    for _ in range(5):  # warm-up
        get(make())
    times = []
    first = None
    for _ in range(repeats):
        query = make()
        t0 = time.perf_counter()
        n = get(query)
        times.append((time.perf_counter() - t0) * 1000)
        first = n if first is None else first
    everything += times
    result[name] = {"p50": pct(times, 50), "p99": pct(times, 99), "matches": first}
result["all kinds"] = {"p50": pct(everything, 50), "p99": pct(everything, 99), "matches": None}
print(json.dumps(result))

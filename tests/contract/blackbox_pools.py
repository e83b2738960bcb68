#!/usr/bin/env python3
"""Black-box contract check of rigwatchd against the pools beside f2pool.

Braiins Pool, Binance Pool, Luxor, ViaBTC and AntPool servers written from docs/pool-apis.md
with Python's standard library, sharing no code with rigwatch_sim (src/sim/fakepools.cpp), and
differing from it where the APIs allow: numbers sent as strings, worker names without an
account prefix, pages smaller than asked for, no Date header unless the check needs one,
Retry-After only as a header. rigwatchd is driven only through its documented interface: an INI
file with the keys of docs/configuration.md, --once, its Nagios line and exit code.

Usage: blackbox_pools.py RIGWATCHD [WORKDIR]   (exit 0 when every check passed)
"""
import hashlib, hmac, json, os, subprocess, sys, threading, time, urllib.parse
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RIGWATCHD = sys.argv[1]
WORK = sys.argv[2] if len(sys.argv) > 2 else "/tmp/rigwatch-contract-pools"
KEY = "ctr-key-7d1f0a"
SECRET = "ctr-secret-93be55"
USER = "farm7"
FAILS = []


def check(cond, what):
    print(("  ok   " if cond else "  FAIL ") + what)
    if not cond:
        FAILS.append(what)


class Pool:
    def __init__(self):
        self.provider = "braiins"
        self.workers = []  # (name, hashrate H/s, seconds since last share)
        self.mode = "normal"
        self.page_cap = 7  # fewer than any client asks for: paging must follow the fields
        self.clock_offset = 0
        self.date_header = False
        self.requests = []  # (time, path, page)
        self.bad_signatures = 0
        self.last_nonce = 0

    def now(self):
        return time.time() + self.clock_offset


POOL = Pool()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def send(self, status, obj, headers=()):
        body = (obj if isinstance(obj, str) else json.dumps(obj)).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if POOL.date_header:
            self.send_header("Date", formatdate(POOL.now(), usegmt=True))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def page_of(self, page):
        cap = POOL.page_cap
        return POOL.workers[(page - 1) * cap: page * cap]

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def handle_any(self):
        u = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(u.query, keep_blank_values=True))
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n).decode() if n else ""
        p = POOL.provider
        now = POOL.now()
        if p == "braiins":
            if self.headers.get("SlushPool-Auth-Token") != SECRET and \
                    self.headers.get("X-SlushPool-Auth-Token") != SECRET:
                return self.send(401, {"detail": "Invalid token."})
            POOL.requests.append((time.time(), u.path, 1))
            if POOL.mode == "error200":
                return self.send(200, {"detail": "Something went wrong"})
            workers = {}
            for name, rate, age in POOL.workers:
                workers[USER + "." + name] = {
                    "state": "ok" if age < 600 else "off", "last_share": int(now - age),
                    "hash_rate_unit": "Gh/s", "hash_rate_5m": str(rate / 1e9),
                    "hash_rate_60m": rate / 1e9, "hash_rate_24h": rate / 1e9}
            return self.send(200, {"btc": {"workers": workers}})
        if p == "binance":
            if self.headers.get("X-MBX-APIKEY") != KEY:
                return self.send(401, {"code": -2015, "msg": "Invalid API-key, IP, or permissions for action."})
            raw = u.query
            signed, _, sig = raw.rpartition("&signature=")
            if hmac.new(SECRET.encode(), signed.encode(), hashlib.sha256).hexdigest() != sig:
                POOL.bad_signatures += 1
                return self.send(400, {"code": -1022, "msg": "Signature for this request is not valid."})
            ts = int(q.get("timestamp", "0"))
            window = int(q.get("recvWindow", "5000"))
            if ts < now * 1000 - window or ts > now * 1000 + 1000:
                return self.send(400, {"code": -1021, "msg": "Timestamp for this request is outside of the recvWindow."})
            page = int(q.get("pageIndex", "1"))
            POOL.requests.append((time.time(), u.path, page))
            if POOL.mode == "hole" and page == 2:
                return self.send(503, "<html>busy</html>")
            rows = [{"workerId": str(i), "workerName": name, "status": 1 if age < 600 else 2,
                     "hashRate": str(rate), "dayHashRate": rate, "rejectRate": 0,
                     "lastShareTime": int((now - age) * 1000)}
                    for i, (name, rate, age) in enumerate(self.page_of(page))]
            return self.send(200, {"code": 0, "msg": "", "data": {
                "workerDatas": rows, "totalNum": len(POOL.workers), "pageSize": POOL.page_cap}},
                [("X-SAPI-USED-IP-WEIGHT-1M", str(5 * len(POOL.requests)))])
        if p == "luxor":
            if self.headers.get("Authorization") != SECRET:
                return self.send(401, {"error": "Unauthorized"})
            page = int(q.get("page_number", "1"))
            POOL.requests.append((time.time(), u.path, page))
            if q.get("subaccount_names") != USER:
                return self.send(403, {"error": "no access to this subaccount"})
            rows = [{"name": name, "hashrate": str(rate), "efficiency": 0.9, "stale_shares": 0,
                     "rejected_shares": 0,
                     "last_share_time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(now - age)),
                     "status": "ACTIVE" if age < 600 else "INACTIVE", "firmware": "stock"}
                    for name, rate, age in self.page_of(page)]
            more = page * POOL.page_cap < len(POOL.workers)
            return self.send(200, {"workers": rows, "total_active": 0, "total_inactive": 0,
                                   "pagination": {"page_number": page, "page_size": POOL.page_cap,
                                                  "item_count": len(POOL.workers),
                                                  "previous_page_url": None,
                                                  "next_page_url": "/next" if more else None}})
        if p == "viabtc":
            if self.headers.get("X-API-KEY") != SECRET:
                return self.send(200, {"code": 11001, "data": {}, "message": "invalid api key"})
            if POOL.mode == "whitelist":
                return self.send(200, {"code": 12004, "data": {}, "message": "ip not in whitelist"})
            page = int(q.get("page", "1"))
            POOL.requests.append((time.time(), u.path, page))
            rows = [{"worker_id": i, "worker_name": name,
                     "worker_status": "active" if age < 600 else "unactive",
                     "hashrate_10min": str(int(rate)), "hashrate_1hour": str(int(rate)),
                     "hashrate_24hour": str(int(rate)), "reject_rate": "0",
                     "last_active": int(now - age)}
                    for i, (name, rate, age) in enumerate(self.page_of(page))]
            total_page = (len(POOL.workers) + POOL.page_cap - 1) // POOL.page_cap
            return self.send(200, {"code": 0, "message": "OK", "data": {
                "curr_page": page, "has_next": page < total_page, "total": len(POOL.workers),
                "total_page": total_page, "count": len(rows), "data": rows}})
        if p == "antpool":
            f = dict(urllib.parse.parse_qsl(body))
            if f.get("key") != KEY:
                return self.send(200, {"code": 1, "message": "key not exist"})
            want = hmac.new(SECRET.encode(), (USER + KEY + f.get("nonce", "")).encode(),
                            hashlib.sha256).hexdigest().upper()
            if f.get("signature") != want:
                POOL.bad_signatures += 1
                return self.send(200, {"code": 2, "message": "signature error"})
            nonce = int(f.get("nonce", "0"))
            if nonce <= POOL.last_nonce:
                return self.send(200, {"code": 3, "message": "nonce error"})
            POOL.last_nonce = nonce
            page = int(f.get("page", "1"))
            POOL.requests.append((time.time(), u.path, page))
            rows = [{"workerId": USER + "." + name, "hsLast1h": "%.2f TH/s" % (rate / 1e12),
                     "hsLast1d": "%.2f TH/s" % (rate / 1e12),
                     "shareLastTime": str(int(now - age))}
                    for name, rate, age in self.page_of(page)]
            total_page = (len(POOL.workers) + POOL.page_cap - 1) // POOL.page_cap
            return self.send(200, {"code": 0, "message": "ok", "data": {"result": {
                "rows": rows, "page": page, "totalPage": total_page,
                "totalRecord": len(POOL.workers), "pageSize": POOL.page_cap}}})
        self.send(404, {"error": "not found"})


srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=srv.serve_forever, daemon=True).start()
PORT = srv.server_address[1]
os.makedirs(WORK, exist_ok=True)


def config(name, provider, extra=""):
    path = os.path.join(WORK, name + ".ini")
    key = f"key = {KEY}\n" if provider in ("binance", "antpool") else ""
    user = "" if provider in ("braiins", "viabtc") else f"user = {USER}\n"
    with open(path, "w") as f:
        f.write(f"[pool.{provider}]\nprovider = {provider}\nurl = http://127.0.0.1:{PORT}\n"
                f"currency = bitcoin\n{user}{key}secret = {SECRET}\ninterval = 1\ntimeout = 8\n"
                f"{extra}[storage]\ndatabase = {os.path.join(WORK, name + '.sqlite')}\n")
    os.chmod(path, 0o600)
    return path


def once(cfg):
    p = subprocess.run([RIGWATCHD, "--once", "--config", cfg], capture_output=True, text=True,
                       timeout=90)
    printed = p.stdout + p.stderr
    check(KEY not in printed and SECRET not in printed, "no key or secret in rigwatchd's output")
    return p.returncode, p.stdout


def farm(n, down=()):
    POOL.workers = [("rig-%02d" % i, 100e12 + i * 1e9, 1200 if ("rig-%02d" % i) in down else 20)
                    for i in range(1, n + 1)]


for provider in ("braiins", "binance", "luxor", "viabtc", "antpool"):
    print(provider)
    POOL.__init__()
    POOL.provider = provider
    POOL.date_header = provider == "binance"
    farm(30, down=("rig-17",))
    code, out = once(config(provider + "-ok", provider))
    check(code == 2, f"{provider}: one rig down is CRITICAL (got {code}: {out.strip()})")
    check("29/30 workers online" in out and "rig-17" in out, f"{provider}: names rig-17, 29/30")
    pages = sorted(p for _, _, p in POOL.requests)
    if provider not in ("braiins",):
        check(pages[-1] == 5, f"{provider}: all 5 pages of 7 asked for (got {pages})")
    check(POOL.bad_signatures == 0, f"{provider}: signatures accepted")

print("binance: a pool clock 3 min behind")
POOL.__init__()
POOL.provider = "binance"
POOL.date_header = True
POOL.clock_offset = -180
farm(12)
code, out = once(config("bn-skew", "binance"))
check(code in (0, 1) and "12/12" in out, f"binance: signed with the pool's clock (got {code}: {out.strip()})")

print("binance: a page missing from the middle")
POOL.__init__()
POOL.provider = "binance"
POOL.date_header = True
farm(20, down=("rig-03",))
cfg = config("bn-hole", "binance")
once(cfg)
POOL.mode = "hole"
code, out = once(cfg)
check(code == 3 and out.startswith("UNKNOWN - "), f"binance: hole is UNKNOWN (got {code}: {out.strip()})")

print("viabtc: IP not whitelisted")
POOL.__init__()
POOL.provider = "viabtc"
POOL.mode = "whitelist"
farm(3)
code, out = once(config("via-wl", "viabtc"))
check(code == 3 and "whitelist" in out, f"viabtc: 12004 is UNKNOWN naming the whitelist (got {code}: {out.strip()})")

print("braiins: an error with HTTP 200")
POOL.__init__()
POOL.provider = "braiins"
POOL.mode = "error200"
farm(3)
code, out = once(config("bra-200", "braiins"))
check(code == 3, f"braiins: error body with 200 is UNKNOWN (got {code}: {out.strip()})")

print("braiins: at most one request per 5 s in the loop")
POOL.__init__()
POOL.provider = "braiins"
farm(3)
p = subprocess.Popen([RIGWATCHD, "--config", config("bra-loop", "braiins")],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
time.sleep(12)
p.terminate()
p.communicate(timeout=20)
times = [t for t, _, _ in POOL.requests]
gaps = [b - a for a, b in zip(times, times[1:])]
check(len(times) >= 2, f"braiins: polled more than once in 12 s ({len(times)})")
check(all(g >= 4.9 for g in gaps), f"braiins: 5 s between requests (gaps {['%.2f' % g for g in gaps]})")

print("antpool: wrong secret")
POOL.__init__()
POOL.provider = "antpool"
farm(3)
cfg = config("ant-bad", "antpool")
with open(cfg) as f:
    text = f.read().replace(f"secret = {SECRET}", "secret = not-the-secret")
with open(cfg, "w") as f:
    f.write(text)
code, out = once(cfg)
check(code == 3 and "signature" in out and POOL.bad_signatures == 1,
      f"antpool: a wrong secret is refused by the signature check (got {code}: {out.strip()})")

srv.shutdown()
print("FAILED: " + "; ".join(FAILS) if FAILS else "all checks passed")
sys.exit(1 if FAILS else 0)

#!/usr/bin/env python3
"""Black-box contract check of rigwatchd.

Its own f2pool (v2 and v1) and Telegram Bot API, written from the public API facts
(docs/pool-apis.md, docs/telegram.md) with Python's standard library, sharing no code with
rigwatch_sim, and rigwatchd driven only through its documented interface: an INI file,
--once and its Nagios line and exit code, the loop and SIGTERM. The servers differ from our
own fakes where the APIs allow it (chunked and close-delimited bodies, numbers as strings, an
@channel chat, Retry-After as a header only), so a quirk our fakes share with the code does
not hide here.

Usage: blackbox.py RIGWATCHD [WORKDIR]   (exit 0 when every check passed)
"""
import json, os, re, signal, socket, subprocess, sys, threading, time, urllib.parse, urllib.request
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RIGWATCHD = sys.argv[1]
POOL_SECRET = "poolsecret-XYZ123"
BOT_TOKEN = "123456:ABCdefSECRETtoken"
FAILS = []


def check(cond, what):
    print(("  ok   " if cond else "  FAIL ") + what)
    if not cond:
        FAILS.append(what)


class Pool:
    def __init__(self):
        self.workers = []  # (name, hashrate, last_share_offset_s or None, host)
        self.mode = "normal"
        self.clock_offset = 0
        self.requests = []
        self.v1 = False
        self.string_numbers = False

    def now(self):
        return time.time() + self.clock_offset

    def body(self):
        now = self.now()
        if self.v1:
            ws = []
            for n, hr, off, host in self.workers:
                t = now - off
                iso = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + ".%06dZ" % int((t % 1) * 1e6)
                ws.append([n, hr, hr, 0, hr * 86400, 0, iso, False])
            return json.dumps({"hashrate": sum(w[1] for w in self.workers), "workers": ws,
                               "worker_length": len(ws), "balance": 0.1}).encode()
        ws = []
        for n, hr, off, host in self.workers:
            hri = {"name": n, "hash_rate": hr, "h1_hash_rate": hr, "h24_hash_rate": hr,
                   "h1_stale_hash_rate": 0, "h24_stale_hash_rate": 0, "h24_delay_hash_rate": 0,
                   "local_hash_rate": 0, "h24_local_hash_rate": 0}
            if self.string_numbers:
                hri = {k: (str(v) if not isinstance(v, str) else v) for k, v in hri.items()}
            last = int(now - off) if off is not None else None
            w = {"hash_rate_info": hri, "last_share_at": (str(last) if self.string_numbers and last else last),
                 "status": 0, "host": host}
            ws.append(w)
        return json.dumps({"workers": ws}).encode()


POOL = Pool()


class PoolHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def handle_any(self):
        n = int(self.headers.get("Content-Length") or 0)
        data = self.rfile.read(n) if n else b""
        POOL.requests.append((self.command, self.path, dict(self.headers), data))
        if POOL.mode == "hang":
            time.sleep(60)
            return
        if POOL.mode in ("drip", "drip-headers"):
            # one byte a second: of the status line and headers, or of a body announced in full
            body = POOL.body()
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)
            data = head + body if POOL.mode == "drip-headers" else body
            if POOL.mode == "drip":
                self.wfile.write(head)
            try:
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            self.close_connection = True
            return
        if POOL.mode in ("truncated", "html", "huge-length"):
            body = POOL.body()
            if POOL.mode == "html":
                body = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
            length = len(body) * 2 if POOL.mode == "truncated" else len(body)
            if POOL.mode == "huge-length":
                length = 1 << 40
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % length)
            self.wfile.write(body if POOL.mode != "truncated" else body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if POOL.mode == "code200":
            body = b'{"code": 5010, "msg": "permission denied: no access"}'
            self.send_response(200)
        elif POOL.mode == "401":
            body = b'{"code": 401, "msg": "unauthorized"}'
            self.send_response(401)
        else:
            body = POOL.body()
            self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Date", formatdate(POOL.now(), usegmt=True))
        if POOL.mode == "chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 7):
                c = body[i:i + 7]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(c), c))
            self.wfile.write(b"0\r\n\r\n")
        elif POOL.mode == "close":
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    do_GET = handle_any
    do_POST = handle_any


class Tg:
    def __init__(self):
        self.calls = []
        self.live = {}  # message_id -> text
        self.next_id = 100
        self.script = {}  # method -> list of (status, body, headers)
        self.lock = threading.Lock()


TG = Tg()


class TgHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def reply(self, status, obj, headers=()):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        u = urllib.parse.urlparse(self.path)
        parts = u.path.strip("/").split("/")
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        params = dict(urllib.parse.parse_qsl(u.query))
        ct = self.headers.get("Content-Type", "")
        if raw:
            if "json" in ct:
                params.update(json.loads(raw))
            else:
                params.update(dict(urllib.parse.parse_qsl(raw.decode())))
        if len(parts) != 2 or parts[0] != "bot" + BOT_TOKEN:
            return self.reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = parts[1]
        with TG.lock:
            TG.calls.append((method, params))
            sc = TG.script.get(method)
            canned = sc.pop(0) if sc else None
        if canned and canned[0] == "hang":
            time.sleep(60)
            return
        if canned:
            return self.reply(*canned)
        with TG.lock:
            chat = params.get("chat_id")
            if method == "getMe":
                return self.reply(200, {"ok": True, "result": {"id": 1, "is_bot": True, "first_name": "bb", "username": "bb_bot"}})
            if method == "sendMessage":
                mid = TG.next_id
                TG.next_id += 1
                TG.live[mid] = params.get("text")
                return self.reply(200, {"ok": True, "result": {"message_id": mid, "date": int(time.time()),
                                                               "chat": {"id": -1001234, "type": "channel"},
                                                               "text": params.get("text")}})
            if method == "editMessageText":
                mid = int(params.get("message_id"))
                if mid not in TG.live:
                    return self.reply(400, {"ok": False, "error_code": 400, "description": "Bad Request: message to edit not found"})
                TG.live[mid] = params.get("text")
                return self.reply(200, {"ok": True, "result": True})
            if method == "deleteMessage":
                mid = int(params.get("message_id"))
                if mid not in TG.live:
                    return self.reply(400, {"ok": False, "error_code": 400, "description": "Bad Request: message to delete not found"})
                del TG.live[mid]
                return self.reply(200, {"ok": True, "result": True})
            return self.reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})

    do_GET = handle_any
    do_POST = handle_any


def serve(handler):
    s = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    s.daemon_threads = True
    threading.Thread(target=s.serve_forever, daemon=True).start()
    return s


pool_srv = serve(PoolHandler)
tg_srv = serve(TgHandler)
WORK = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.getcwd(), "contract-work")
os.makedirs(WORK, exist_ok=True)


def config(name, provider="f2pool", extra="", tg=True, timeout=5, chat="-1001234", user="farm1",
           offline_after=600, retired_after=28800, min_hashrate="0"):
    """Writes NAME.ini (mode 0600) in WORK; `extra` is appended after the last section."""
    path = os.path.join(WORK, name + ".ini")
    db = os.path.join(WORK, name + ".sqlite")
    s = f"""[pool]
provider = {provider}
url = http://127.0.0.1:{pool_srv.server_address[1]}
currency = bitcoin
user = {user}
secret = {POOL_SECRET}
interval = 2
timeout = {timeout}
[alerts]
offline_after = {offline_after}
retired_after = {retired_after}
min_hashrate = {min_hashrate}
[storage]
database = {db}
"""
    if tg:
        s += f"""[telegram]
url = http://127.0.0.1:{tg_srv.server_address[1]}
token = {BOT_TOKEN}
chat = {chat}
"""
    s += extra
    with open(path, "w") as f:
        f.write(s)
    os.chmod(path, 0o600)
    return path


def once(cfg, timeout=60):
    t = time.time()
    p = subprocess.run([RIGWATCHD, "--once", "--config", cfg], capture_output=True, text=True, timeout=timeout)
    el = time.time() - t
    for stream in (p.stdout, p.stderr):
        if POOL_SECRET in stream or BOT_TOKEN in stream or BOT_TOKEN.split(":")[1] in stream:
            FAILS.append("secret leaked in output")
            print("  FAIL secret leaked:", stream[:2000])
    return p.returncode, p.stdout.strip(), p.stderr, el


def reset(name):
    for suf in ("", "-wal", "-shm"):
        try:
            os.remove(os.path.join(WORK, name + ".sqlite" + suf))
        except FileNotFoundError:
            pass
    TG.calls.clear(); TG.live.clear(); TG.script.clear()
    POOL.requests.clear(); POOL.mode = "normal"; POOL.clock_offset = 0; POOL.v1 = False; POOL.string_numbers = False


def methods():
    return [c[0] for c in TG.calls if c[0] != "getMe"]


def scenario_lifecycle(mode="normal", v1=False, strings=False, chat="-1001234"):
    name = f"life-{mode}-{v1}-{strings}"
    print(f"== lifecycle pool={mode} v1={v1} strings={strings} chat={chat}")
    reset(name)
    POOL.mode = mode; POOL.v1 = v1; POOL.string_numbers = strings
    POOL.workers = [("rig-01", 1.0e14, 30, "10.0.0.1"), ("rig-02", 0.0, 20 * 60, "10.0.0.2"),
                    ("rig-03", 0.0, 9 * 3600, "10.0.0.3"), ("rig<&>\"x\"", 2.0e14, 60, "10.0.0.4")]
    cfg = config(name, provider="f2pool-v1" if v1 else "f2pool", chat=chat)
    rc, out, err, el = once(cfg)
    check(rc == 2 and out.startswith("CRITICAL"), f"one offline -> 2 CRITICAL: rc={rc} out={out!r}")
    check("rig-02" in out and "rig-03" not in out, "line names rig-02 not retired rig-03")
    req = POOL.requests[0] if POOL.requests else None
    if req:
        if v1:
            check(req[0] == "GET" and req[1] == "/bitcoin/farm1", f"v1 GET path {req[1]}")
        else:
            check(req[0] == "POST" and req[1] == "/v2/hash_rate/worker/list", f"v2 POST path {req[1]}")
            body = json.loads(req[3] or b"{}")
            check(body.get("mining_user_name") == "farm1" and body.get("currency") == "bitcoin", f"v2 body {body}")
        hdr = {k.lower(): v for k, v in req[2].items()}
        check(hdr.get("f2p-api-secret") == POOL_SECRET, "secret header sent")
    check(methods() == ["sendMessage"], f"telegram calls {methods()}")
    sends = [c[1] for c in TG.calls if c[0] == "sendMessage"]
    if sends:
        check(str(sends[0].get("chat_id")) == chat, f"chat_id {sends[0].get('chat_id')!r}")
        check(sends[0].get("parse_mode") == "HTML", "parse_mode HTML")
        check("rig-02" in sends[0].get("text", ""), "text names rig-02")
    # second run: unchanged -> nothing new
    TG.calls.clear()
    rc, out, err, el = once(cfg)
    check(rc == 2, f"still critical rc={rc}")
    check(methods() in ([], ["editMessageText"]), f"unchanged -> no repost: {methods()}")
    check(len(TG.live) == 1, f"one live message: {len(TG.live)}")
    # grows: rig-01 goes down
    TG.calls.clear()
    POOL.workers[0] = ("rig-01", 0.0, 15 * 60, "10.0.0.1")
    POOL.workers[3] = ("rig<&>\"x\"", 0.0, 15 * 60, "10.0.0.4")
    rc, out, err, el = once(cfg)
    text = next((c[1].get("text", "") for c in TG.calls if c[0] == "sendMessage"), "")
    check(("rig&lt;&amp;&gt;\"x\"" in text or "rig&lt;&amp;&gt;&quot;x&quot;" in text) and "<&>" not in text,
          "worker name HTML-escaped in the message")
    check(rc == 2, "grown still critical")
    check(methods()[:1] == ["sendMessage"] and "deleteMessage" in methods(), f"grow -> post new + delete old: {methods()}")
    check(len(TG.live) == 1, f"one live message after grow: {len(TG.live)}")
    # shrinks
    TG.calls.clear()
    POOL.workers[0] = ("rig-01", 1.0e14, 10, "10.0.0.1")
    rc, out, err, el = once(cfg)
    check(methods() == ["editMessageText"], f"shrink -> edit: {methods()}")
    # ends
    TG.calls.clear()
    POOL.workers[1] = ("rig-02", 1.0e14, 10, "10.0.0.2")
    POOL.workers[3] = ("rig<&>\"x\"", 2.0e14, 10, "10.0.0.4")
    rc, out, err, el = once(cfg)
    check(rc == 0 and out.startswith("OK"), f"all back -> OK rc={rc} out={out!r}")
    check(methods() == ["deleteMessage"], f"end -> delete: {methods()}")
    check(len(TG.live) == 0, f"channel empty: {TG.live}")


def scenario_skew():
    print("== pool clock 2 h ahead of local, shares fresh by pool clock")
    name = "skew"; reset(name)
    POOL.clock_offset = 7200
    POOL.workers = [("rig-01", 1e14, 30, "h"), ("rig-02", 1e14, 100, "h")]
    rc, out, err, el = once(config(name))
    check(rc == 0, f"no false alarm with skew rc={rc} out={out!r}")
    # Behind is the case that matters: by the local clock these shares are over 2 h old. The
    # server sends two Date fields (http.server's own, then ours); the last one is the pool's.
    print("== pool clock 2 h behind local, shares fresh by pool clock, Date sent twice")
    name = "skewbehind"; reset(name)
    POOL.clock_offset = -7200
    POOL.workers = [("rig-01", 1e14, 30, "h"), ("rig-02", 1e14, 100, "h")]
    rc, out, err, el = once(config(name))
    check(rc == 0, f"no false alarm with the pool's clock behind rc={rc} out={out!r}")


def scenario_hang():
    print("== pool hangs, timeout 2")
    name = "hang"; reset(name)
    POOL.mode = "hang"
    POOL.workers = [("rig-01", 1e14, 30, "h")]
    rc, out, err, el = once(config(name, timeout=2))
    check(rc == 3 and out.startswith("UNKNOWN"), f"hang -> 3 UNKNOWN rc={rc} out={out!r}")
    check(el < 2 + 1 + 1.5, f"finished in {el:.1f}s")


def scenario_errors():
    for mode in ("code200", "401"):
        print(f"== pool {mode}")
        name = "err" + mode; reset(name)
        POOL.mode = mode
        rc, out, err, el = once(config(name))
        check(rc == 3 and out.startswith("UNKNOWN"), f"{mode} -> UNKNOWN rc={rc} out={out!r}")


def scenario_badconfig():
    print("== bad configs")
    for body, key in (("[pool]\nprovider=f2pool\n", "user"), ("[pool]\nuser=a1\ninterval=abc\n", "interval"),
                      ("[pool]\nuser=a1\nprovider=foo\n", "provider"), ("[pool]\nuser=a1\ntimeout=-5\n", "timeout")):
        path = os.path.join(WORK, "bad.ini")
        with open(path, "w") as f:
            f.write(body)
        rc, out, err, el = once(path)
        check(rc == 3 and out.startswith("UNKNOWN"), f"bad {key}: rc={rc} out={out!r}")
        check(key in (out + err) and "bad.ini" in (out + err), f"names {key} and file: {out!r} {err.strip()[-200:]!r}")
    rc, out, err, el = once("/nonexistent/x.ini")
    check(rc == 3, f"unreadable file rc={rc} {out!r}")


def scenario_429():
    print("== telegram 429 with Retry-After header only, then ok")
    name = "t429"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h")]
    TG.script["sendMessage"] = [(429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 2"}, [("Retry-After", "2")])]
    t = time.time()
    rc, out, err, el = once(config(name))
    sends = [c for c in TG.calls if c[0] == "sendMessage"]
    check(len(TG.live) == 1, f"message posted after 429 (live={len(TG.live)}, sends={len(sends)}, {el:.1f}s)")
    print("   stderr tail:", err.strip().splitlines()[-3:])


def scenario_migrate():
    print("== telegram migrate_to_chat_id")
    name = "mig"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h")]
    TG.script["sendMessage"] = [(400, {"ok": False, "error_code": 400, "description": "Bad Request: group chat was upgraded to a supergroup chat",
                                      "parameters": {"migrate_to_chat_id": -1009999}}, [])]
    cfg = config(name, chat="-4444")
    rc, out, err, el = once(cfg)
    sends = [c[1] for c in TG.calls if c[0] == "sendMessage"]
    check(len(sends) == 2 and str(sends[1].get("chat_id")) == "-1009999", f"resent to new chat: {[s.get('chat_id') for s in sends]}")
    # recovery must go to the new chat
    TG.calls.clear()
    POOL.workers = [("rig-01", 1e14, 3, "h")]
    rc, out, err, el = once(cfg)
    dels = [c[1] for c in TG.calls if c[0] == "deleteMessage"]
    check(len(dels) == 1 and str(dels[0].get("chat_id")) == "-1009999", f"delete in new chat: {dels}")


def scenario_delete_old():
    print("== delete refused (48 h) -> edit to resolved")
    name = "old"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h")]
    cfg = config(name)
    once(cfg)
    TG.calls.clear()
    TG.script["deleteMessage"] = [(400, {"ok": False, "error_code": 400, "description": "Bad Request: message can't be deleted for everyone"}, [])]
    POOL.workers = [("rig-01", 1e14, 3, "h")]
    rc, out, err, el = once(cfg)
    check(methods() == ["deleteMessage", "editMessageText"], f"delete refused -> edit: {methods()}")


def scenario_tgdown():
    print("== telegram hangs during --once: poll still reported, nothing lost")
    name = "tgdown"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h")]
    cfg = config(name, extra="timeout = 2\n")  # [telegram] timeout
    TG.script["sendMessage"] = [("hang", None, [])] * 5
    rc, out, err, el = once(cfg, timeout=120)
    check(rc == 2, f"still CRITICAL when telegram hangs rc={rc} ({el:.1f}s)")
    TG.script.clear(); TG.calls.clear()
    rc, out, err, el = once(cfg)
    check(methods() == ["sendMessage"] and len(TG.live) == 1, f"next run posts: {methods()}")


def scenario_loop():
    print("== loop: SIGTERM exits 0")
    name = "loop"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h")]
    p = subprocess.Popen([RIGWATCHD, "--config", config(name)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    check(len(TG.live) == 1, f"loop posted one message: {len(TG.live)}")
    n = len(POOL.requests)
    check(n >= 2, f"loop polled {n} times in 4 s at interval 2")
    p.send_signal(signal.SIGTERM)
    try:
        out, err = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill(); out, err = p.communicate()
    check(p.returncode == 0, f"SIGTERM exit {p.returncode}")
    check(BOT_TOKEN.split(":")[1] not in err and POOL_SECRET not in err, "no secret in loop log")
    lines = [l for l in err.splitlines() if l.strip()]
    print("   log sample:", lines[:3])



def scenario_missing_floor_edit():
    print("== missing worker, hashrate floor, retract = edit")
    name = "miss"; reset(name)
    POOL.workers = [("rig-01", 1e14, 30, "h"), ("rig-02", 1e14, 30, "h")]
    cfg = config(name, extra="retract = edit\n")
    rc, out, err, el = once(cfg)
    check(rc == 0, f"first poll OK rc={rc} {out!r}")
    POOL.workers = [("rig-01", 1e14, 30, "h")]
    rc, out, err, el = once(cfg)
    # A list can drop a rig for no fault of the rig's: judged from its last share, it is still
    # online (docs/monitoring.md), and nothing is posted.
    check(rc == 0, f"unlisted worker with a recent share -> still OK: rc={rc} {out!r}")
    check(methods() == [], f"nothing posted for it yet: {methods()}")
    POOL.clock_offset += 700  # ten minutes on by the pool's clock: its last share is too old now
    rc, out, err, el = once(cfg)
    check(rc == 2 and "rig-02" in out and "missing" in out, f"unlisted worker -> CRITICAL missing: rc={rc} {out!r}")
    check(methods() == ["sendMessage"] and "rig-02" in next(iter(TG.live.values()), ""), f"missing posted: {methods()}")
    TG.calls.clear()
    POOL.workers = [("rig-01", 1e14, 30, "h"), ("rig-02", 1e14, 5, "h")]
    rc, out, err, el = once(cfg)
    check(rc == 0, f"back -> OK rc={rc}")
    check(methods() == ["editMessageText"] and len(TG.live) == 1, f"retract = edit edits, keeps the message: {methods()}")
    print("== hashrate floor only -> 1 WARNING")
    name = "floor"; reset(name)
    POOL.workers = [("rig-01", 1e12, 30, "h")]
    rc, out, err, el = once(config(name, min_hashrate="5T"))
    check(rc == 1 and out.startswith("WARNING"), f"floor breached -> 1 WARNING rc={rc} {out!r}")
    check(methods() == ["sendMessage"], f"floor posted: {methods()}")


def scenario_accounts_env():
    print("== two accounts, secrets from the environment, world-readable config warned")
    name = "multi"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h")]
    db = os.path.join(WORK, name + ".sqlite")
    port = pool_srv.server_address[1]
    cfg = os.path.join(WORK, name + ".ini")
    with open(cfg, "w") as f:
        f.write(f"""[pool]
url = http://127.0.0.1:{port}
currency = bitcoin
user = farm1
timeout = 5
[pool.second]
user = farm2
currency = litecoin
[storage]
database = {db}
[telegram]
url = http://127.0.0.1:{tg_srv.server_address[1]}
chat = -1001234
""")
    os.chmod(cfg, 0o644)
    env = dict(os.environ, RIGWATCH_POOL_SECRET=POOL_SECRET, RIGWATCH_TELEGRAM_TOKEN=BOT_TOKEN)
    p = subprocess.run([RIGWATCHD, "--once", "--config", cfg], capture_output=True, text=True, timeout=60, env=env)
    check(p.returncode == 2, f"two accounts CRITICAL rc={p.returncode} {p.stdout.strip()!r}")
    users = sorted((json.loads(r[3]).get("mining_user_name"), json.loads(r[3]).get("currency")) for r in POOL.requests)
    check(users == [("farm1", "bitcoin"), ("farm2", "litecoin")], f"both accounts polled: {users}")
    check(all({k.lower(): v for k, v in r[2].items()}.get("f2p-api-secret") == POOL_SECRET for r in POOL.requests),
          "pool secret from the environment")
    check(len(TG.live) == 2, f"one message per account: {len(TG.live)}")
    check(POOL_SECRET not in p.stderr + p.stdout and BOT_TOKEN not in p.stderr + p.stdout, "no secret in output")
    # a world-readable config holding a secret is warned about
    with open(cfg, "a") as f:
        f.write(f"token = {BOT_TOKEN}\n")
    rc, out, err, el = once(cfg)
    check("readable" in err.lower() or "permission" in err.lower(), f"world-readable warning: {err.strip().splitlines()[:2]}")


def scenario_kill9_restart():
    print("== loop killed with SIGKILL mid-incident, restarted: no second message")
    name = "kill"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h"), ("rig-02", 1e14, 3000, "h")]
    cfg = config(name)
    p = subprocess.Popen([RIGWATCHD, "--config", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 15
    while time.time() < deadline and not TG.live:
        time.sleep(0.1)
    time.sleep(0.5)
    p.kill(); p.wait()
    check(len(TG.live) == 1, f"one message before the kill: {len(TG.live)}")
    sends = len([c for c in TG.calls if c[0] == "sendMessage"])
    p = subprocess.Popen([RIGWATCHD, "--config", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(5)
    check(len([c for c in TG.calls if c[0] == "sendMessage"]) == sends and len(TG.live) == 1,
          f"restart re-posted nothing: {methods()}")
    POOL.workers = [("rig-01", 1e14, 3, "h"), ("rig-02", 1e14, 3, "h")]
    deadline = time.time() + 15
    while time.time() < deadline and TG.live:
        time.sleep(0.1)
    check(not TG.live, "recovery after the restart retracts the message posted before the kill")
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=10)
    check(p.returncode == 0, f"SIGTERM exit {p.returncode}")


def tg_error(status, description, **parameters):
    obj = {"ok": False, "error_code": status, "description": description}
    if parameters:
        obj["parameters"] = parameters
    return (status, obj, [])


def scenario_telegram_variants():
    print("== Telegram: edit answers the Message, 'not modified', a proxy's 502, 'not found' on delete")
    name = "tgvar"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h"), ("rig-02", 1e14, 3000, "h")]
    TG.script["sendMessage"] = [(502, {"html": "Bad Gateway"}, [])]
    cfg = config(name)
    rc, out, err, el = once(cfg)
    check(len(TG.live) == 1, f"502 from a proxy retried: live={len(TG.live)} calls={methods()}")
    TG.calls.clear()
    TG.script["editMessageText"] = [(200, {"ok": True, "result": {"message_id": 1, "date": 1, "chat": {"id": -1001234, "type": "channel"}, "text": "x"}}, [])]
    POOL.workers[0] = ("rig-01", 1e14, 3, "h")
    rc, out, err, el = once(cfg)
    check(methods() == ["editMessageText"], f"shrink edited, Message result accepted: {methods()}")
    TG.calls.clear()
    rc, out, err, el = once(cfg)
    check(methods() == [], f"accepted edit not repeated: {methods()}")
    TG.calls.clear()
    TG.live.clear()  # someone deleted the message by hand
    POOL.workers[1] = ("rig-02", 1e14, 3, "h")
    rc, out, err, el = once(cfg)
    check(rc == 0 and methods() == ["deleteMessage"], f"'message to delete not found' counts as retracted: {methods()}")
    TG.calls.clear()
    rc, out, err, el = once(cfg)
    check(methods() == [], f"nothing left to retract: {methods()}")

    print("== Telegram: 'message is not modified' on an edit is success")
    name = "tgnotmod"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h"), ("rig-02", 1e14, 3000, "h")]
    cfg = config(name)
    once(cfg)
    TG.calls.clear()
    TG.script["editMessageText"] = [tg_error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")]
    POOL.workers[0] = ("rig-01", 1e14, 3, "h")
    rc, out, err, el = once(cfg)
    TG.calls.clear()
    rc, out, err, el = once(cfg)
    check(methods() == [], f"not modified = done, no retry: {methods()}")

    print("== Telegram: 403 bot was kicked -> poll still reported, error named")
    name = "tg403"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3000, "h")]
    TG.script["sendMessage"] = [tg_error(403, "Forbidden: bot was kicked from the channel chat")] * 3
    rc, out, err, el = once(config(name))
    check(rc == 2 and out.startswith("CRITICAL"), f"rc unaffected by Telegram: rc={rc}")
    check("kicked" in err, f"the refusal is named in the log: {[l for l in err.splitlines() if 'kick' in l][:1]}")
    check(el < 30, f"a refusal is not retried for long ({el:.1f}s)")


def scenario_test_telegram():
    print("== --test-telegram")
    name = "tgtest"; reset(name)
    cfg = config(name)
    p = subprocess.run([RIGWATCHD, "--test-telegram", "--config", cfg], capture_output=True, text=True, timeout=60)
    check(p.returncode == 0, f"test message ok: rc={p.returncode} {p.stdout.strip()[-200:]!r}")
    check([m for m in methods() if m != "getMe"] == ["sendMessage", "deleteMessage"] and not TG.live, f"posted and deleted: {methods()}")
    reset(name)
    TG.script["sendMessage"] = [tg_error(400, "Bad Request: chat not found")]
    p = subprocess.run([RIGWATCHD, "--test-telegram", "--config", cfg], capture_output=True, text=True, timeout=60)
    check(p.returncode != 0 and "chat not found" in (p.stdout + p.stderr), f"chat not found reported: rc={p.returncode} {(p.stdout + p.stderr).strip()[-200:]!r}")
    reset(name)
    with open(cfg) as f:
        body = f.read().replace(BOT_TOKEN, "999:wrongtokenXYZ")
    with open(cfg, "w") as f:
        f.write(body)
    p = subprocess.run([RIGWATCHD, "--test-telegram", "--config", cfg], capture_output=True, text=True, timeout=60)
    check(p.returncode != 0 and "Unauthorized" in (p.stdout + p.stderr), f"bad token -> Unauthorized: rc={p.returncode} {(p.stdout + p.stderr).strip()[-200:]!r}")
    check("wrongtokenXYZ" not in p.stdout + p.stderr, "the wrong token is not echoed")


def scenario_unreachable():
    print("== loop: pool refuses for longer than max(offline_after, 3 x interval) -> one message, retracted when back")
    name = "unreach"; reset(name)
    POOL.workers = [("rig-01", 1e14, 3, "h")]
    cfg = config(name, offline_after=5, retired_after=60)
    p = subprocess.Popen([RIGWATCHD, "--config", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while time.time() < deadline and len(POOL.requests) < 2:
        time.sleep(0.05)
    POOL.mode = "401"
    down = time.time()
    while time.time() - down < 30 and not TG.live:
        time.sleep(0.1)
    took = time.time() - down
    check(len(TG.live) == 1, f"unreachable posted: {list(TG.live.values())[:1]}")
    # unreachable after 6 s without a good poll; the last one was at most one interval (2 s) before
    check(took <= 6 + 1 + 2, f"raised on time: {took:.1f} s after the pool stopped answering")
    POOL.mode = "normal"
    back = time.time()
    while time.time() - back < 30 and TG.live:
        time.sleep(0.1)
    check(not TG.live, f"retracted when the pool answers again ({time.time() - back:.1f} s)")
    p.send_signal(signal.SIGTERM)
    p.communicate(timeout=10)


def parse_exposition(text):
    """Prometheus text format 0.0.4: {name: type}, [(name, {label: value}, float)]."""
    types, samples = {}, []
    label_re = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\["\\n])*)"\s*(,|$)')
    for line in text.split("\n"):
        if not line:
            continue
        if line.startswith("# TYPE "):
            _, _, name, typ = line.split(" ", 3)
            types[name] = typ
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$', line)
        if not m:
            raise ValueError("bad line: %r" % line)
        labels, rest = {}, m.group(3) or ""
        while rest:
            lm = label_re.match(rest)
            if not lm:
                raise ValueError("bad labels: %r" % line)
            raw = lm.group(2)
            labels[lm.group(1)] = re.sub(r'\\(["\\n])', lambda x: "\n" if x.group(1) == "n" else x.group(1), raw)
            rest = rest[lm.end():].lstrip(",")
        samples.append((m.group(1), labels, float(m.group(4))))
    return types, samples


def scenario_metrics():
    print("== /metrics: names, types, label escaping, counters")
    name = "metrics"; reset(name)
    odd = 'rig"x\\y\nz'
    POOL.workers = [("rig-01", 1e14, 3, "h"), (odd, 2e14, 3000, "h")]
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    cfg = config(name, extra=f"[metrics]\nlisten = 127.0.0.1:{port}\n")
    p = subprocess.Popen([RIGWATCHD, "--config", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        text = ""
        deadline = time.time() + 10
        while time.time() < deadline and "rigwatch_worker_up{" not in text:
            try:
                text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
            except OSError:
                time.sleep(0.2)
        types, samples = parse_exposition(text)
        for n, t in (("rigwatch_worker_up", "gauge"), ("rigwatch_worker_hashrate_hashes_per_second", "gauge"),
                     ("rigwatch_worker_last_share_timestamp_seconds", "gauge"),
                     ("rigwatch_account_hashrate_hashes_per_second", "gauge"), ("rigwatch_workers", "gauge"),
                     ("rigwatch_poll_duration_seconds", "histogram"), ("rigwatch_poll_failures_total", "counter"),
                     ("rigwatch_telegram_messages_live", "gauge"), ("rigwatch_build_info", "gauge")):
            check(types.get(n) == t, f"{n} is a {t} ({types.get(n)})")
        up = {l.get("worker"): v for n, l, v in samples if n == "rigwatch_worker_up"}
        check(up.get("rig-01") == 1.0 and up.get(odd) == 0.0, f"worker_up with the odd name unescaped back: {up}")
        POOL.mode = "401"
        time.sleep(5)
        t2, s2 = parse_exposition(urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode())
        fails = sum(v for n, l, v in s2 if n == "rigwatch_poll_failures_total")
        count1 = sum(v for n, l, v in samples if n == "rigwatch_poll_duration_seconds_count")
        count2 = sum(v for n, l, v in s2 if n == "rigwatch_poll_duration_seconds_count")
        check(fails >= 1 and count2 > count1, f"failures counted ({fails}), poll count rose {count1} -> {count2}")
    finally:
        p.send_signal(signal.SIGTERM)
        p.communicate(timeout=10)


def scenario_bad_replies():
    for mode, words in (("drip", "within"), ("drip-headers", "within"), ("truncated", ""), ("html", "HTML"),
                        ("huge-length", "")):
        print(f"== pool {mode}: --once fails within timeout + 1 s with UNKNOWN")
        name = "bad" + mode; reset(name)
        POOL.workers = [("rig-01", 1e14, 30, "h"), ("rig-02", 1e14, 3000, "h")]
        cfg = config(name, timeout=3, tg=False)
        rc, out, err, el = once(cfg)
        check(rc == 2, f"first poll CRITICAL rc={rc}")
        POOL.mode = mode
        POOL.workers = [("rig-01", 1e14, 3000, "h"), ("rig-02", 1e14, 3, "h")]  # a good reply would flip both
        rc, out, err, el = once(cfg)
        check(rc == 3 and out.startswith("UNKNOWN"), f"{mode}: rc={rc} {out!r}")
        check(words in out, f"{mode}: the reason says {words!r}")
        check(el < 3 + 1 + 1.5, f"{mode}: done in {el:.1f} s (timeout 3)")
        POOL.mode = "normal"
        POOL.workers = [("rig-01", 1e14, 30, "h"), ("rig-02", 1e14, 3000, "h")]
        rc, out, err, el = once(cfg)
        check(rc == 2 and "rig-02" in out and "rig-01" not in out, f"{mode}: the next good reply is read as before: {out!r}")

scenario_lifecycle()
scenario_lifecycle(mode="chunked", strings=True)
scenario_lifecycle(mode="close", v1=True, chat="@farmchannel")
scenario_skew()
scenario_hang()
scenario_errors()
scenario_badconfig()
scenario_429()
scenario_migrate()
scenario_delete_old()
scenario_tgdown()
scenario_loop()
scenario_missing_floor_edit()
scenario_accounts_env()
scenario_kill9_restart()
scenario_telegram_variants()
scenario_test_telegram()
scenario_unreachable()
scenario_metrics()
scenario_bad_replies()
print("FAILS:", len(FAILS))
for f in FAILS:
    print(" -", f)
sys.exit(1 if FAILS else 0)

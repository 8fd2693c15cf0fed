#!/usr/bin/env python3
"""Times the language server's requests over stdio, as an editor meets them: the first
analysis, the first definition (the index of ids made), then after each of three edits the
analysis, the first definition, a completion and a hover.

    python3 bench/lsp_requests.py WORKSPACE path/to/organigram

WORKSPACE holds an org/ folder of at least four files, e.g.
`organigram generate --units 100000 --seed 1 -o WORKSPACE/org`.
"""
import json, subprocess, sys, time, os, re
root = os.path.abspath(sys.argv[1]); binary = sys.argv[2]
p = subprocess.Popen([binary, "lsp"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
def send(m):
    b = json.dumps(m).encode(); p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b); p.stdin.flush()
def recv():
    n = None
    while True:
        line = p.stdout.readline().strip()
        if not line: break
        if line.startswith(b"Content-Length:"): n = int(line.split(b":")[1])
    return json.loads(p.stdout.read(n))
ids = [0]
def request(method, params):
    ids[0] += 1; send({"jsonrpc":"2.0","id":ids[0],"method":method,"params":params})
    while True:
        m = recv()
        if m.get("id") == ids[0] and "method" not in m: return m
uri = "file://" + root
t = time.time(); request("initialize", {"processId": None, "rootUri": uri, "capabilities": {}}); send({"jsonrpc":"2.0","method":"initialized","params":{}})
f = os.path.join(root, "org", sorted(f for f in os.listdir(os.path.join(root,"org")) if f.endswith(".json"))[3])
text = open(f).read()
# a tie's "to" near the end of the file
at = text.rfind('"to": "') + 8
line = text.count("\n", 0, at); col = at - (text.rfind("\n", 0, at) + 1)
pos = {"textDocument": {"uri": "file://" + f}, "position": {"line": line, "character": col}}
t = time.time(); request("workspace/symbol", {"query": "zzz"}); print("analysis (workspace/symbol first): %.2fs" % (time.time() - t))
t = time.time(); r = request("textDocument/definition", pos); t1 = time.time() - t
print("first definition (index): %.4fs" % t1, json.dumps(r.get("result"))[:120])
t = time.time(); r = request("textDocument/definition", pos); print("second definition: %.4fs" % (time.time() - t))
t = time.time(); r = request("textDocument/references", dict(pos, context={"includeDeclaration": True})); print("references: %.4fs, %d" % (time.time() - t, len(r["result"])))
t = time.time(); r = request("textDocument/documentSymbol", {"textDocument": {"uri": "file://" + f}}); print("documentSymbol: %.4fs, %d units" % (time.time() - t, len(r["result"][0]["children"])))
t = time.time(); r = request("textDocument/rename", dict(pos, newName="renamed-unit-x")); print("rename: %.4fs, %d files" % (time.time() - t, len(r["result"]["changes"])))

send({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://"+f,"languageId":"json","version":1,"text":text}}})
for v in range(2,5):
    send({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file://"+f,"version":v},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"text":" " if v%2==0 else ""}]}})
    t = time.time(); request("workspace/symbol", {"query": "zzz"}); ta = time.time() - t
    t = time.time(); r = request("textDocument/definition", pos); td = time.time() - t
    cpos = {"textDocument": {"uri": "file://" + f}, "position": {"line": line, "character": col}}
    t = time.time(); r = request("textDocument/completion", cpos); tc = time.time() - t
    t = time.time(); r = request("textDocument/hover", pos); th = time.time() - t
    print("after edit %d: analysis %.3fs, first definition %.3fs, completion %.3fs, hover %.3fs" % (v, ta, td, tc, th))
request("shutdown", None); send({"jsonrpc":"2.0","method":"exit","params":None})

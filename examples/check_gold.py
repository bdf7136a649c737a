"""Consistency check for examples/sample.gold.json: run `python3 check_gold.py` from anywhere."""
import json, re, os, sys
from html.parser import HTMLParser
B=os.path.dirname(os.path.abspath(__file__))+"/sample/"
g=json.load(open(B+"../sample.gold.json",encoding="utf-8"))
texts={}
class H(HTMLParser):
    def __init__(s): super().__init__(); s.skip=0; s.art=0; s.out=[]; s.all=[]
    def handle_starttag(s,t,a):
        if t in("script","style"): s.skip+=1
        if t=="article": s.art+=1
    def handle_endtag(s,t):
        if t in("script","style"): s.skip-=1
        if t=="article": s.art-=1
    def handle_data(s,d):
        if not s.skip:
            s.all.append(d)
            if s.art: s.out.append(d)
for f in sorted(os.listdir(B)):
    p=B+f
    if f.endswith(".txt"): texts[f]=open(p,encoding="utf-8").read()
    elif f.endswith(".md") and f!="README.md":
        s=open(p,encoding="utf-8").read(); assert s.startswith("---\n"); fm,body=s[4:].split("\n---\n",1)
        assert re.search(r"^title: ",fm,re.M) and re.search(r"^published: \d{4}-\d\d-\d\d$",fm,re.M) and re.search(r"^url: ",fm,re.M), f
        texts[f]=body
    elif f.endswith(".html"):
        h=H(); h.feed(open(p,encoding="utf-8").read()); texts[f]=re.sub(r"[ \t]*\n[ \t]*","\n","".join(h.out))
        vis="".join(h.all)
        for bad in ["Kamala Harris","Donald Trump","Boris Johnson","sampleWire","font-family"]:
            assert bad not in vis, bad
    elif f.endswith(".jsonl"):
        for line in open(p,encoding="utf-8"):
            o=json.loads(line); assert set(o)=={"id","title","published","url","text"}, o.keys()
            assert re.fullmatch(r"\d{4}-\d\d-\d\d",o["published"]); texts[o["id"]]=o["text"]
errs=[]
docs={d["file"] for d in g["documents"]}
if docs!=set(texts): errs.append(("doc set mismatch",docs^set(texts)))
for d in g["documents"]:
    n=len(texts[d["file"]].split())
    if not 150<=n<=400: errs.append(("wordcount",d["file"],n))
ids=[e["id"] for e in g["entities"]]
if len(ids)!=len(set(ids)): errs.append("dup entity ids")
E={e["id"]:e for e in g["entities"]}
for e in g["entities"]:
    for d in e["docs"]:
        if d not in docs: errs.append(("bad doc",e["id"],d))
        elif not any(a in texts[d] for a in e["aliases"]): errs.append(("entity not in doc",e["id"],d))
    for a in e["aliases"]:
        if not any(a in texts[d] for d in e["docs"]): errs.append(("alias not found",e["id"],a))
    # docs exhaustive: any alias appearing in a doc not listed
    for d,t in texts.items():
        # mask longer aliases of other entities (e.g. "Europe" inside the OSCE's full name)
        for o in g["entities"]:
            if o is not e:
                for a2 in sorted(o["aliases"],key=len,reverse=True):
                    if any(a in a2 and a!=a2 for a in e["aliases"]): t=t.replace(a2," ")
        if d not in e["docs"] and any(re.search(r"(?<!\w)"+re.escape(a)+r"(?!\w)",t) for a in e["aliases"] if len(a)>3):
            errs.append(("alias occurs in unlisted doc",e["id"],d,[a for a in e["aliases"] if len(a)>3 and re.search(r"(?<!\w)"+re.escape(a)+r"(?!\w)",t)]))
    if "part_of" in e and e["part_of"] not in E: errs.append(("bad part_of",e["id"]))
for r in g["roles"]:
    if E.get(r["person"],{}).get("type")!="Person": errs.append(("role person",r))
    if r["org"] is not None and r["org"] not in E: errs.append(("role org",r))
    if r["evidence"] not in texts.get(r["doc"],""): errs.append(("role evidence",r["doc"],r["evidence"]))
    if r["doc"] not in E[r["person"]]["docs"]: errs.append(("role person not in doc",r))
vids=[v["id"] for v in g["events"]]
if len(vids)!=len(set(vids)): errs.append("dup event ids")
for v in g["events"]:
    if v["kind"] not in ("Meeting","Summit","Visit","Call","PressConference","Other"): errs.append(("kind",v["id"]))
    if v["date"] is not None and not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?",v["date"]): errs.append(("date",v["id"]))
    if v["location"] is not None and E.get(v["location"],{}).get("type")!="Place": errs.append(("loc",v["id"]))
    for p in v["participants"]:
        if E.get(p,{}).get("type")!="Person": errs.append(("participant",v["id"],p))
        elif not set(v["docs"])&set(E[p]["docs"]): errs.append(("participant not in any event doc",v["id"],p))
    for d in v["docs"]:
        if d not in docs: errs.append(("ev doc",v["id"],d))
    if not any(v["evidence"] in texts[d] for d in v["docs"]): errs.append(("event evidence",v["id"],v["evidence"]))
for q in g["quotes"]:
    if E.get(q["speaker"],{}).get("type")!="Person": errs.append(("speaker",q))
    if q["evidence"] not in texts.get(q["doc"],""): errs.append(("quote evidence",q["doc"],q["evidence"]))
# persons exhaustiveness heuristic: capitalised bigrams not covered by any alias
covered=set()
for e in g["entities"]:
    for a in e["aliases"]: covered.add(a)
for d,t in texts.items():
    for m in re.finditer(r"\b([A-Z][a-z]+(?:\.|) [A-Z][a-z]+)\b",t):
        s=m.group(1)
        if not any(s in a for a in covered): print("  uncovered bigram",d,"|",s)
print("ERRORS:",len(errs))
for e in errs: print(" ",e)
c={}
for e in g["entities"]: c[e["type"]]=c.get(e["type"],0)+1
print(c,{k:len(g[k]) for k in ("roles","events","quotes")})

#!/usr/bin/env python3
"""Sanity check for the scenario files (data only; not part of the product or the test run).

Checks: valid JSON; the file shape (title, source, case, expect); expect keys; every code
against contracts/codes.md (a copy of its lists is kept below, so this script never reads
/work/shared); team roles; the case fields and values of contracts/case.md and the
cross-field rules the case reader enforces. It then re-derives WHO grade and AJCC 8 T/N/M/group
from the case facts with a deliberately naive, independent calculator and reports any
disagreement with the hand-written expectation, so that a typo in a hand-computed stage is
caught. The calculator is a second opinion, not the source: where they differ, the file
is re-read against the guideline by a person.

Usage: python3 check.py [folder]
"""
import json, os, re, sys

WORKUP = """sstr-pet fdg-pet cross-sectional-imaging liver-mri eus endoscopy biopsy ki67 chromogranin-a urine-5hiaa
hormone-panel metanephrines nt-probnp echocardiography germline-testing ppi-washout""".split()
CARE = """surveillance.active surgery.endoscopic-resection surgery.appendectomy surgery.right-hemicolectomy surgery.rectal-resection
surgery.gastric-resection surgery.small-bowel-resection surgery.pancreatic-resection surgery.enucleation surgery.lung-resection
surgery.adrenalectomy surgery.primary-resection surgery.liver-resection surgery.debulking liver.ablation liver.tae liver.tace liver.tare
systemic.ssa systemic.prrt systemic.everolimus systemic.sunitinib systemic.cabozantinib systemic.captem systemic.streptozocin-5fu
systemic.platinum-etoposide systemic.folfiri systemic.folfox radiation.ebrt radiation.brachytherapy symptom.ssa-uptitration
symptom.telotristat symptom.antidiarrheal symptom.ppi-high-dose symptom.diazoxide symptom.fluid-electrolytes symptom.thromboprophylaxis
symptom.alpha-blockade symptom.perioperative-octreotide cardiac.cardiology-referral nutrition.dietitian nutrition.niacin
nutrition.vitamin-b12 nutrition.fat-soluble-vitamins nutrition.pancreatic-enzymes supportive.psychosocial supportive.palliative-care
team.tumour-board team.net-centre-referral trial.consider followup.none-needed""".split()
CODES = set(CARE) | {"workup." + w for w in WORKUP}
TREATMENT = {c for c in CARE if c.split(".")[0] in ("surgery", "liver", "systemic", "radiation")}
ROLES = set("""medical-oncology surgery gastroenterology endocrinology interventional-radiology nuclear-medicine radiology pathology
radiation-oncology cardiology genetics nutrition palliative-care psychosocial nursing""".split())
GRADES = {"G1", "G2", "G3", "NEC", "typical-carcinoid", "atypical-carcinoid", "high-grade-carcinoma", "not-applicable", "unknown"}
WARNINGS = {"cga-on-ppi"}
EXPECT_KEYS = {"grade", "ajcc8", "enets", "recommend", "notRecommend", "contraindicated", "workup", "team", "missingData", "warnings"}

E = lambda *v: set(v)
CASE = {
    "schemaVersion": None, "id": None, "assessmentDate": None,
    "patient": {"sex": E("female", "male", "other"), "ageYears": (0, 120), "ecog": (0, 5), "pregnant": bool,
                "germline": E("MEN1", "MEN4", "VHL", "NF1", "TSC", "SDHA", "SDHB", "SDHC", "SDHD", "SDHAF2", "MAX", "TMEM127", "RET", "FH")},
    "tumour": {
        "primarySite": E("stomach", "duodenum", "ampulla", "jejunum", "ileum", "appendix", "colon", "rectum", "pancreas", "lung", "thymus",
                         "adrenal", "extra-adrenal-paraganglion", "unknown-primary", "other"),
        "otherSite": str, "differentiation": E("well", "poor", "unknown"),
        "histologicType": E("net", "nec-small-cell", "nec-large-cell", "minen", "typical-carcinoid", "atypical-carcinoid", "pheochromocytoma", "paraganglioma"),
        "ki67Percent": (0, 100), "mitosesPer2mm2": (0, 10000), "necrosis": E("none", "punctate", "extensive"), "sizeMm": (0.001, 10000),
        "depth": E("lamina-propria", "submucosa", "muscularis-propria", "subserosa", "serosa", "sphincter-of-oddi", "duodenal-submucosa"),
        "invades": E("duodenum", "common-bile-duct", "pancreas", "peripancreatic-tissue", "stomach", "spleen", "colon", "adrenal", "kidney", "liver",
                     "large-vessels", "mesoappendix", "peritoneum", "adjacent-organ", "local-tissues"),
        "mesoappendixInvasionMm": (0, 1000), "paragangliomaType": E("sympathetic", "parasympathetic"), "gastricType": (1, 3), "tumourCount": (1, 1000),
        "lymphNodes": {"examined": (0, 500), "positive": (0, 500), "mesentericMassOver2cm": bool},
        "mainDuctDilatation": bool,
        "metastases": {"liver": bool, "extrahepatic": E("bone", "lung", "peritoneum", "distant-lymph-nodes", "brain", "pleura", "other")},
        "liverTumourBurdenPercent": (0, 100), "lymphovascularInvasion": bool,
        "resectability": E("resectable", "borderline", "unresectable", "unknown"),
        "resection": {"done": bool, "margin": E("R0", "R1", "R2")},
        "functionalSyndrome": E("none", "carcinoid-syndrome", "insulinoma", "gastrinoma", "vipoma", "glucagonoma", "somatostatinoma", "ectopic-acth",
                                "catecholamine-excess", "other"),
        "tnm": {"t": str, "n": str, "m": str},
    },
    "imaging": {"sstrPet": {"done": bool, "positive": bool, "krenningScore": (0, 4)}, "fdgPet": {"done": bool, "positive": bool}},
    "labs": {k: (0, 200000) for k in ("egfrMlMin", "bilirubinXUln", "plateletsPerNl", "neutrophilsPerNl", "hemoglobinGDl", "albuminGL",
                                      "ntProBnpPgMl", "chromograninAXUln", "urine5HiaaMg24h", "gastrinXUln")} | {"onPpi": bool},
    "history": {"priorTherapies": "therapies"},
    "symptoms": {"present": E("flushing", "diarrhea", "abdominal-pain", "weight-loss", "fatigue", "wheezing", "cough", "hypertension", "palpitations",
                              "hypoglycemia", "peptic-ulcer", "rash", "hyperglycemia", "cushingoid", "neurological", "bowel-obstruction", "bleeding",
                              "bone-pain", "jaundice"),
                 "diarrheaPerDay": (0, 100), "flushesPerDay": (0, 100)},
}

def check_obj(obj, spec, path, errs):
    if not isinstance(obj, dict):
        errs.append(f"{path}: not an object"); return
    for k, v in obj.items():
        p = f"{path}.{k}" if path else k
        if k not in spec:
            errs.append(f"{p}: unknown field"); continue
        s = spec[k]
        if v is None or s is None: continue
        if isinstance(s, dict): check_obj(v, s, p, errs)
        elif s == "therapies":
            for i, t in enumerate(v):
                if set(t) - {"code", "outcome", "startDate", "endDate"}: errs.append(f"{p}[{i}]: unknown field")
                if t.get("code") not in TREATMENT: errs.append(f"{p}[{i}].code {t.get('code')} is not a treatment code")
                if t.get("outcome") not in ("response", "stable", "progression", "intolerance", "ongoing"): errs.append(f"{p}[{i}].outcome")
                if t.get("startDate", "") > "2026-11-23": errs.append(f"{p}[{i}].startDate after assessment")
                if t.get("endDate") and t.get("startDate") and t["endDate"] < t["startDate"]: errs.append(f"{p}[{i}] ends before it starts")
        elif isinstance(s, set):
            for x in (v if isinstance(v, list) else [v]):
                if x not in s: errs.append(f"{p}: '{x}' not allowed")
            if isinstance(v, list) and len(set(v)) != len(v): errs.append(f"{p}: duplicate")
        elif isinstance(s, tuple):
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not (s[0] <= v <= s[1]): errs.append(f"{p}: {v} out of range")
        elif s is bool:
            if not isinstance(v, bool): errs.append(f"{p}: not a boolean")
        elif s is str:
            if not isinstance(v, str): errs.append(f"{p}: not a string")

def cross_rules(c, errs):
    t = c["tumour"]; site = t["primarySite"]; h = t.get("histologicType"); d = t.get("differentiation")
    if d == "well" and h in ("nec-small-cell", "nec-large-cell"): errs.append("well-differentiated NEC")
    if d == "poor" and h in ("net", "typical-carcinoid", "atypical-carcinoid"): errs.append("poorly differentiated NET")
    if h in ("typical-carcinoid", "atypical-carcinoid") and site not in ("lung", "thymus", "unknown-primary", "other"): errs.append("carcinoid outside thorax")
    if h == "pheochromocytoma" and site != "adrenal": errs.append("pheochromocytoma outside adrenal")
    if h == "paraganglioma" and site == "adrenal": errs.append("adrenal paraganglioma")
    if h in ("pheochromocytoma", "paraganglioma") and d not in (None, "unknown"): errs.append("differentiation on PPGL")
    if "paragangliomaType" in t and site != "extra-adrenal-paraganglion": errs.append("paragangliomaType off site")
    if "gastricType" in t and site != "stomach": errs.append("gastricType off site")
    if "mesoappendixInvasionMm" in t and site != "appendix": errs.append("mesoappendix off site")
    if t.get("depth") in ("sphincter-of-oddi", "duodenal-submucosa") and site != "ampulla": errs.append("ampullary depth off site")
    ln = t.get("lymphNodes", {})
    if "positive" in ln and "examined" in ln and ln["positive"] > ln["examined"]: errs.append("positive > examined")
    if ln.get("mesentericMassOver2cm") and ln.get("positive") == 0: errs.append("mesenteric mass with 0 positive")
    m = t.get("metastases")
    if m and m.get("liver") is False and t.get("liverTumourBurdenPercent", 0) > 0: errs.append("burden without liver mets")
    r = t.get("resection", {})
    if r.get("done") is False and r.get("margin"): errs.append("margin without resection")
    s = c.get("imaging", {}).get("sstrPet")
    if s and s.get("positive") is False and s.get("krenningScore", 0) >= 2: errs.append("SSTR negative with Krenning >= 2")
    p = c.get("patient", {})
    if p.get("pregnant") and p.get("sex") == "male": errs.append("pregnant male")

# ---- independent second opinion on grade and AJCC 8 (NetPath conventions §2-3) ----
def grade(t):
    site = t["primarySite"]; h = t.get("histologicType"); d = t.get("differentiation")
    if h in ("pheochromocytoma", "paraganglioma"): return None
    k, mi = t.get("ki67Percent"), t.get("mitosesPer2mm2")
    if site in ("lung", "thymus"):
        if d == "poor" or (mi is not None and mi > 10): return "high-grade-carcinoma"
        if mi is None: return None
        return "atypical-carcinoid" if mi >= 2 or t.get("necrosis") in ("punctate", "extensive") else "typical-carcinoid"
    if h == "minen": return None
    if d == "poor" or h in ("nec-small-cell", "nec-large-cell"): return "NEC"
    gk = None if k is None else ("G1" if k < 3 else "G2" if k <= 20 else "G3")
    gm = None if mi is None else ("G1" if mi < 2 else "G2" if mi <= 20 else "G3")
    gs = [g for g in (gk, gm) if g]
    return max(gs) if gs else "unknown"

def ajcc(t):
    site = t["primarySite"]; size = t.get("sizeMm"); depth = t.get("depth"); inv = set(t.get("invades", []))
    if t.get("differentiation") == "poor" or t.get("histologicType") in ("minen", "nec-small-cell", "nec-large-cell"): return None
    T = None
    if site in ("stomach", "duodenum", "jejunum", "ileum"):
        if depth == "serosa" or inv - {"pancreas", "peripancreatic-tissue"}: T = "T4"
        elif site == "duodenum" and inv & {"pancreas", "peripancreatic-tissue"}: T = "T3"
        elif depth == "subserosa": T = "T3"
        elif depth == "muscularis-propria" or (size and size > 10): T = "T2"
        elif depth in ("lamina-propria", "submucosa") and size: T = "T1"
    elif site == "ampulla":
        if depth == "serosa" or inv - {"pancreas", "peripancreatic-tissue"}: T = "T4"
        elif inv & {"pancreas", "peripancreatic-tissue"}: T = "T3"
        elif depth in ("duodenal-submucosa", "muscularis-propria") or (size and size > 10): T = "T2"
        elif depth == "sphincter-of-oddi" and size: T = "T1"
    elif site == "appendix":
        if depth == "serosa" or inv - {"mesoappendix"}: T = "T4"
        elif (size and size > 40) or depth == "subserosa" or "mesoappendix" in inv or (t.get("mesoappendixInvasionMm") or 0) > 0: T = "T3"
        elif size: T = "T2" if size > 20 else "T1"
    elif site in ("colon", "rectum"):
        if depth == "serosa" or inv: T = "T4"
        elif depth == "subserosa": T = "T3"
        elif depth == "muscularis-propria" or (size and size > 20): T = "T2"
        elif depth in ("lamina-propria", "submucosa") and size: T = "T1a" if size < 10 else "T1b"
    elif site == "pancreas":
        if inv & {"stomach", "spleen", "colon", "adrenal", "large-vessels", "kidney", "adjacent-organ"}: T = "T4"
        elif inv & {"duodenum", "common-bile-duct"} or (size and size > 40): T = "T3"
        elif size: T = "T2" if size >= 20 else "T1"
    elif site == "lung":
        if size: T = next(c for lim, c in ((10, "T1a"), (20, "T1b"), (30, "T1c"), (40, "T2a"), (50, "T2b"), (70, "T3"), (1e9, "T4")) if size <= lim)
    elif site == "adrenal":
        T = "T3" if inv else ("T2" if size and size >= 50 else "T1" if size else None)
    elif site == "extra-adrenal-paraganglion":
        if t.get("paragangliomaType") != "sympathetic": return None
        T = "T3" if inv else "T2"
    else:
        return None
    if T and (t.get("tumourCount") or 1) > 1: T += "(m)"
    ln = t.get("lymphNodes", {}); N = None
    pos, ex = ln.get("positive"), ln.get("examined")
    if ln.get("mesentericMassOver2cm") and site in ("jejunum", "ileum"): N = "N2"
    elif ex:
        if pos == 0: N = "N0"
        elif site in ("jejunum", "ileum"): N = "N2" if pos >= 12 else "N1"
        elif site != "lung": N = "N1"
    if N is None and t.get("tnm", {}).get("n"): N = t["tnm"]["n"]
    if N is None and ex == 0: N = "NX"
    m = t.get("metastases"); M = None
    if m is not None:
        liver, ex_ = m.get("liver"), set(m.get("extrahepatic", []))
        if not liver and not ex_: M = "M0"
        elif site == "lung": M = "M1"
        elif site in ("adrenal", "extra-adrenal-paraganglion"):
            M = "M1a" if ex_ == {"bone"} and not liver else "M1c" if "bone" in ex_ else "M1b"
        else: M = "M1a" if liver and not ex_ else "M1b" if not liver else "M1c"
    tb = T.replace("(m)", "") if T else None
    G = None
    if M and M != "M0": G = "IVA" if site == "lung" and False else ("IV" if site != "lung" else None)
    elif M == "M0":
        if site in ("colon", "rectum"):
            if N == "N1": G = "IIIB"
            elif N == "N0": G = {"T1a": "I", "T1b": "I", "T2": "IIA", "T3": "IIB", "T4": "IIIA"}.get(tb)
        elif site == "lung":
            if N == "N0": G = {"T1a": "IA1", "T1b": "IA2", "T1c": "IA3", "T2a": "IB", "T2b": "IIA", "T3": "IIB", "T4": "IIIA"}.get(tb)
        elif site in ("adrenal", "extra-adrenal-paraganglion"):
            if tb == "T3" or N == "N1": G = "III"
            elif N == "N0": G = {"T1": "I", "T2": "II"}.get(tb)
        else:
            if N in ("N1", "N2") or tb == "T4": G = "III"
            elif N == "N0": G = {"T1": "I", "T2": "II", "T3": "II"}.get(tb)
    return {"t": T, "n": N, "m": M, "group": G}

def main(folder):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".json"))
    bad = 0; notes = 0
    name_re = re.compile(r"^[a-z]+(-[a-z]+)*-\d{2}-[a-z0-9.\-]+\.json$")
    for f in files:
        errs = []
        try:
            doc = json.load(open(os.path.join(folder, f)))
        except Exception as ex:
            print(f"{f}: invalid JSON: {ex}"); bad += 1; continue
        if set(doc) != {"title", "source", "case", "expect"}: errs.append(f"top-level keys {sorted(doc)}")
        if not name_re.match(f): errs.append("file name")
        c, e = doc.get("case", {}), doc.get("expect", {})
        if c.get("schemaVersion") != "1" or c.get("assessmentDate") != "2026-11-23" or c.get("id") != f[:-5]: errs.append("schemaVersion/id/date")
        check_obj(c, CASE, "", errs)
        if "tumour" in c and "primarySite" in c["tumour"]: cross_rules(c, errs)
        for k in e:
            if k not in EXPECT_KEYS: errs.append(f"expect.{k} unknown")
        for k in ("recommend", "notRecommend", "contraindicated", "workup"):
            for code in e.get(k, []):
                if code not in CODES: errs.append(f"expect.{k}: unknown code {code}")
        for code in e.get("workup", []):
            if not code.startswith("workup."): errs.append(f"expect.workup: {code} is not a workup code")
        if set(e.get("recommend", [])) & set(e.get("notRecommend", [])): errs.append("recommend and notRecommend overlap")
        if set(e.get("workup", [])) & set(e.get("notRecommend", [])): errs.append("workup and notRecommend overlap")
        if set(e.get("contraindicated", [])) & set(e.get("recommend", [])): errs.append("contraindicated and recommend overlap")
        for r in e.get("team", []):
            if r not in ROLES: errs.append(f"expect.team: unknown role {r}")
        for w in e.get("warnings", []):
            if w not in WARNINGS: errs.append(f"expect.warnings: unknown code {w}")
        if "grade" in e and e["grade"] not in GRADES: errs.append(f"grade {e['grade']}")
        if errs:
            bad += 1; print(f"{f}: " + "; ".join(errs))
        # second opinion
        t = c.get("tumour", {})
        if "grade" in e:
            g = grade(t)
            if g is not None and g != e["grade"]:
                notes += 1; print(f"{f}: NOTE grade expected {e['grade']}, naive calculator says {g}")
        if "ajcc8" in e:
            a = ajcc(t)
            for k, v in e["ajcc8"].items():
                if a is None or (a.get(k) is not None and a[k] != v) or a.get(k) is None:
                    notes += 1; print(f"{f}: NOTE ajcc8.{k} expected {v}, naive calculator says {None if a is None else a.get(k)}")
    print(f"{len(files)} files, {bad} with errors, {notes} notes")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))

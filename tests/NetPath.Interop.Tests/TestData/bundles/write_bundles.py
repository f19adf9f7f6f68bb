#!/usr/bin/env python3
"""Writes the NET bundles in this folder: each one is a scenario case of
tests/NetPath.Clinical.Tests/TestData/scenarios told the way a hospital record system would
(mCODE STU4 profiles, LOINC, ICD-O-3, ICD-10-CM, SNOMED CT, ATC, UCUM units other than the case's).
Written from the scenario facts and the FHIR/mCODE specifications, not from NetPath's exporter.
Run: python3 write_bundles.py (rewrites the *.json beside it)."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
NP = "http://netpath.example.org/fhir/CodeSystem/"
LOINC, SCT, UCUM = "http://loinc.org", "http://snomed.info/sct", "http://unitsofmeasure.org"
ICDO3, ICD10CM, ATC = "http://terminology.hl7.org/CodeSystem/icd-o-3", "http://hl7.org/fhir/sid/icd-10-cm", "http://www.whocc.no/atc"
AJCC8 = {"coding": [{"system": SCT, "code": "897275008", "display": "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system (tumor staging)"}]}


def cc(system, code, display=None):
    c = {"system": system, "code": code}
    if display: c["display"] = display
    return {"coding": [c]}


class B:
    def __init__(self, bid, btype):
        self.b = {"resourceType": "Bundle", "id": bid, "type": btype, "entry": []}
        self.btype = btype

    def add(self, r, search=None):
        e = {"fullUrl": f"http://hospital.example.org/fhir/{r['resourceType']}/{r['id']}", "resource": r}
        if self.btype == "transaction": e["request"] = {"method": "PUT", "url": f"{r['resourceType']}/{r['id']}"}
        if self.btype == "searchset": e["search"] = {"mode": search or "match"}
        self.b["entry"].append(e)
        return f"{r['resourceType']}/{r['id']}"

    def write(self, name):
        with open(os.path.join(HERE, name), "w") as f:
            json.dump(self.b, f, indent=2)
            f.write("\n")


def patient(b, pid, gender, birth, name):
    return b.add({"resourceType": "Patient", "id": pid, "identifier": [{"system": "http://hospital.example.org/mrn", "value": "MRN-" + pid}],
                  "name": [{"family": name[1], "given": [name[0]]}], "gender": gender, "birthDate": birth})


def primary(b, cid, subj, code=None, body=None, morph=None):
    r = {"resourceType": "Condition", "id": cid, "meta": {"profile": [MCODE + "mcode-primary-cancer-condition"]},
         "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
         "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
         "category": [cc("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
         "code": code or {"text": "Neuroendocrine tumour"}, "subject": {"reference": subj}, "recordedDate": "2026-10-01"}
    if body: r["bodySite"] = [body]
    if morph: r["extension"] = [{"url": MCODE + "mcode-histology-morphology-behavior", "valueCodeableConcept": cc(ICDO3, morph[0], morph[1])}]
    return b.add(r)


def secondary(b, cid, subj, prim, code=None, body=None):
    r = {"resourceType": "Condition", "id": cid, "meta": {"profile": [MCODE + "mcode-secondary-cancer-condition"]},
         "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/condition-related", "valueReference": {"reference": prim}}],
         "clinicalStatus": cc("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
         "verificationStatus": cc("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed"),
         "category": [cc("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item")],
         "code": code or {"text": "Metastasis"}, "subject": {"reference": subj}}
    if body: r["bodySite"] = [body]
    return b.add(r)


def obs(b, oid, subj, code, value, date="2026-11-02", category=None, profile=None, extra=None):
    r = {"resourceType": "Observation", "id": oid, "status": "final", "code": code, "subject": {"reference": subj}, "effectiveDateTime": date}
    if profile: r["meta"] = {"profile": [profile]}
    if category: r["category"] = [cc("http://terminology.hl7.org/CodeSystem/observation-category", category)]
    r.update(value)
    if extra: r.update(extra)
    return b.add(r)


def fact(b, oid, subj, path, value):
    return obs(b, oid, subj, cc(NP + "case-fact", path), value)


def q(value, code, unit=None):
    return {"valueQuantity": {"value": value, "unit": unit or code, "system": UCUM, "code": code}}


def coded(code):
    return {"valueCodeableConcept": cc(NP + "case-value", code)}


def lab(b, oid, subj, loinc, display, value, unit, date="2026-11-02", high=None):
    extra = {"referenceRange": [{"high": {"value": high, "unit": unit, "system": UCUM, "code": unit}}]} if high is not None else None
    return obs(b, oid, subj, cc(LOINC, loinc, display), q(value, unit), date, "laboratory", extra=extra)


def size(b, oid, subj, value, unit):
    return obs(b, oid, subj, cc(LOINC, "21889-1", "Size Tumor"),
               {"component": [{"code": cc(LOINC, "33728-7", "Size.maximum dimension in Tumor"), "valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit}}]},
               profile=MCODE + "mcode-tumor-size")


def ecog(b, oid, subj, value):
    return obs(b, oid, subj, cc(LOINC, "89247-1", "ECOG Performance Status score"), {"valueInteger": value}, category="survey", profile=MCODE + "mcode-ecog-performance-status")


# 1. ileum-15-prrt-egfr-29-contraindicated: collection; cm, g/L, 10*3/uL, bilirubin against its range, an older eGFR.
b = B("ileum-15-prrt-egfr-29-contraindicated", "collection")
p = patient(b, "p-ileum-15", "female", "1947-05-10", ("Ada", "Example"))
c = primary(b, "c-ileum-15", p, code=cc(ICD10CM, "C7A.012", "Malignant carcinoid tumor of the ileum"), body=cc(SCT, "34516001", "Ileal structure"), morph=("8249/3", "Neuroendocrine tumor, grade 2"))
secondary(b, "c-ileum-15-liver", p, c, code=cc(ICD10CM, "C78.7", "Secondary malignant neoplasm of liver and intrahepatic bile duct"), body=cc(SCT, "10200004", "Liver structure"))
ecog(b, "o-ecog", p, 0)
fact(b, "o-ki67", p, "tumour.ki67Percent", q(5, "%"))
fact(b, "o-mitoses", p, "tumour.mitosesPer2mm2", q(1, "{mitoses}/(2.mm2)"))
size(b, "o-size", p, 2.0, "cm")
fact(b, "o-depth", p, "tumour.depth", coded("subserosa"))
fact(b, "o-mesentery", p, "tumour.lymphNodes.mesentericMassOver2cm", {"valueBoolean": True})
fact(b, "o-resectability", p, "tumour.resectability", coded("unresectable"))
fact(b, "o-syndrome", p, "tumour.functionalSyndrome", coded("none"))
fact(b, "o-burden", p, "tumour.liverTumourBurdenPercent", q(20, "%"))
fact(b, "o-sstr-done", p, "imaging.sstrPet.done", {"valueBoolean": True})
fact(b, "o-sstr-pos", p, "imaging.sstrPet.positive", {"valueBoolean": True})
fact(b, "o-krenning", p, "imaging.sstrPet.krenningScore", {"valueInteger": 4})
lab(b, "o-egfr-old", p, "98979-8", "eGFR CKD-EPI 2021", 45, "mL/min/{1.73_m2}", date="2026-06-01")
lab(b, "o-egfr", p, "98979-8", "eGFR CKD-EPI 2021", 29, "mL/min/{1.73_m2}")
lab(b, "o-bili", p, "1975-2", "Bilirubin.total [Mass/volume] in Serum or Plasma", 0.84, "mg/dL", high=1.2)
lab(b, "o-plt", p, "777-3", "Platelets [#/volume] in Blood by Automated count", 230, "10*3/uL")
lab(b, "o-hb", p, "718-7", "Hemoglobin [Mass/volume] in Blood", 131, "g/L")
lab(b, "o-neut", p, "751-8", "Neutrophils [#/volume] in Blood by Automated count", 4.0, "10*9/L")
b.add({"resourceType": "MedicationStatement", "id": "ms-lanreotide", "status": "completed",
       "extension": [{"url": "http://netpath.example.org/fhir/StructureDefinition/therapy-outcome", "valueCode": "progression"}],
       "medicationCodeableConcept": cc(ATC, "H01CB03", "lanreotide"), "subject": {"reference": p},
       "effectivePeriod": {"start": "2024-03-01", "end": "2026-09-15"}})
obs(b, "o-status", p, cc(LOINC, "97509-4", "Cancer Disease Progression"), {"valueCodeableConcept": cc(SCT, "271299001", "Patient's condition worsened")}, extra={"focus": [{"reference": c}]})
b.add({"resourceType": "Practitioner", "id": "dr-example", "name": [{"family": "Example", "given": ["Dr"]}]})
b.write("ileum-15-prrt-egfr-29-contraindicated.bundle.json")

# 2. pancreas-23-progression-on-ssa: transaction; ICD-O-3 topography, bilirubin in umol/L, octreotide doses via a Medication.
b = B("pancreas-23-progression-on-ssa", "transaction")
p = patient(b, "p-pancreas-23", "female", "1963-01-01", ("Bea", "Example"))
c = primary(b, "c-pancreas-23", p, body={"coding": [{"system": ICDO3, "code": "C25.4", "display": "Endocrine pancreas"}]}, morph=("8249/3", "Neuroendocrine tumor, grade 2"))
secondary(b, "c-pancreas-23-liver", p, c, code=cc(ICD10CM, "C78.7", "Secondary malignant neoplasm of liver and intrahepatic bile duct"))
ecog(b, "o-ecog", p, 0)
fact(b, "o-ki67", p, "tumour.ki67Percent", q(8, "%"))
fact(b, "o-mitoses", p, "tumour.mitosesPer2mm2", q(3, "{mitoses}/(2.mm2)"))
size(b, "o-size", p, 45, "mm")
fact(b, "o-syndrome", p, "tumour.functionalSyndrome", coded("none"))
fact(b, "o-resectability", p, "tumour.resectability", coded("unresectable"))
fact(b, "o-burden", p, "tumour.liverTumourBurdenPercent", q(20, "%"))
fact(b, "o-sstr-done", p, "imaging.sstrPet.done", {"valueBoolean": True})
fact(b, "o-sstr-pos", p, "imaging.sstrPet.positive", {"valueBoolean": True})
fact(b, "o-krenning", p, "imaging.sstrPet.krenningScore", {"valueInteger": 3})
lab(b, "o-egfr", p, "62238-1", "eGFR CKD-EPI", 88, "mL/min/{1.73_m2}")
lab(b, "o-bili", p, "14631-6", "Bilirubin.total [Moles/volume] in Serum or Plasma", 12, "umol/L", high=20)
lab(b, "o-plt", p, "26515-7", "Platelets [#/volume] in Blood", 240, "10*9/L")
lab(b, "o-hb", p, "718-7", "Hemoglobin [Mass/volume] in Blood", 13.4, "g/dL")
lab(b, "o-neut", p, "26499-4", "Neutrophils [#/volume] in Blood", 4.2, "10*3/uL")
med = b.add({"resourceType": "Medication", "id": "med-octreotide-lar", "code": cc(ATC, "H01CB02", "octreotide")})
for i, (d, outcome) in enumerate([("2024-06-01", None), ("2025-06-01", None), ("2026-09-01", "progression")]):
    r = {"resourceType": "MedicationAdministration", "id": f"ma-octreotide-{i}", "status": "completed", "medicationReference": {"reference": med},
         "subject": {"reference": p}, "effectiveDateTime": d}
    if outcome: r["extension"] = [{"url": "http://netpath.example.org/fhir/StructureDefinition/therapy-outcome", "valueCode": outcome}]
    b.add(r)
b.write("pancreas-23-progression-on-ssa.bundle.json")

# 3. lung-04-typical-31mm-ib: searchset; ICD-O-3 upper lobe, 8240/3 on lung = typical carcinoid, LOINC nodes examined.
b = B("lung-04-typical-31mm-ib", "searchset")
p = patient(b, "p-lung-04", "male", "1965-03-02", ("Cai", "Example"))
primary(b, "c-lung-04", p, body=cc(ICDO3, "C34.1", "Upper lobe, lung"), morph=("8240/3", "Carcinoid tumor, NOS"))
ecog(b, "o-ecog", p, 0)
fact(b, "o-ki67", p, "tumour.ki67Percent", q(2, "%"))
fact(b, "o-mitoses", p, "tumour.mitosesPer2mm2", q(0, "{mitoses}/(2.mm2)"))
fact(b, "o-necrosis", p, "tumour.necrosis", coded("none"))
size(b, "o-size", p, 3.1, "cm")
fact(b, "o-syndrome", p, "tumour.functionalSyndrome", coded("none"))
obs(b, "o-nodes-examined", p, cc(LOINC, "92833-3", "Lymph nodes examined [#] in Cancer specimen by Light microscopy"), {"valueInteger": 10})
fact(b, "o-nodes-positive", p, "tumour.lymphNodes.positive", {"valueInteger": 0})
fact(b, "o-no-liver", p, "tumour.metastases.liver", {"valueBoolean": False})
fact(b, "o-resectability", p, "tumour.resectability", coded("resectable"))
b.write("lung-04-typical-31mm-ib.bundle.json")

# 4. adrenal-pheo-08-pregnant: collection; SNOMED CT adrenal, pheochromocytoma, US Core pregnancy status.
b = B("adrenal-pheo-08-pregnant", "collection")
p = patient(b, "p-pheo-08", "female", "1997-02-14", ("Dee", "Example"))
primary(b, "c-pheo-08", p, body=cc(SCT, "23451007", "Adrenal gland structure"), morph=("8700/3", "Pheochromocytoma, malignant"))
ecog(b, "o-ecog", p, 0)
obs(b, "o-pregnancy", p, cc(LOINC, "82810-3", "Pregnancy status"), {"valueCodeableConcept": cc(SCT, "77386006", "Pregnant")}, category="social-history",
    profile="http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-pregnancystatus")
size(b, "o-size", p, 35, "mm")
fact(b, "o-syndrome", p, "tumour.functionalSyndrome", coded("catecholamine-excess"))
fact(b, "o-no-liver", p, "tumour.metastases.liver", {"valueBoolean": False})
fact(b, "o-resectability", p, "tumour.resectability", coded("resectable"))
fact(b, "o-symptom-1", p, "symptoms.present", coded("hypertension"))
fact(b, "o-symptom-2", p, "symptoms.present", coded("palpitations"))
b.write("adrenal-pheo-08-pregnant.bundle.json")

# 5. rectum-02-9mm-endoscopic-resection: collection; site from ICD-10-CM only, clinical N category in SNOMED CT (AJCC 8).
b = B("rectum-02-9mm-endoscopic-resection", "collection")
p = patient(b, "p-rectum-02", "female", "1971-07-30", ("Eve", "Example"))
c = primary(b, "c-rectum-02", p, code=cc(ICD10CM, "C7A.026", "Malignant carcinoid tumor of the rectum"), morph=("8240/3", "Neuroendocrine tumor, grade 1"))
ecog(b, "o-ecog", p, 0)
fact(b, "o-ki67", p, "tumour.ki67Percent", q(1, "%"))
fact(b, "o-mitoses", p, "tumour.mitosesPer2mm2", q(0, "{mitoses}/(2.mm2)"))
size(b, "o-size", p, 0.9, "cm")
fact(b, "o-depth", p, "tumour.depth", coded("submucosa"))
fact(b, "o-lvi", p, "tumour.lymphovascularInvasion", {"valueBoolean": False})
fact(b, "o-no-liver", p, "tumour.metastases.liver", {"valueBoolean": False})
fact(b, "o-syndrome", p, "tumour.functionalSyndrome", coded("none"))
obs(b, "o-cn0", p, cc(SCT, "399534004", "cN category"), {"valueCodeableConcept": cc(SCT, "1229967007", "American Joint Committee on Cancer cN0 (qualifier value)")},
    category="exam", profile=MCODE + "mcode-tnm-regional-nodes-category", extra={"method": AJCC8})
b.write("rectum-02-9mm-endoscopic-resection.bundle.json")

namespace NetPath.Clinical.Assessments;

/// <summary>
/// The controlled vocabulary of contracts/codes.md: what the system recommends, asks for or warns
/// against. A code means the same thing everywhere; new codes may be added, none may change meaning.
/// </summary>
public static class CareCodes
{
    /// <summary>Every code with its category and meaning, in the order of codes.md.</summary>
    public static IReadOnlyList<CareCode> All { get; } =
    [
        new("workup.sstr-pet", "workup", "somatostatin receptor PET (Ga-68 or Cu-64 DOTA peptide)"),
        new("workup.fdg-pet", "workup", "FDG PET (high-grade disease, discordance)"),
        new("workup.cross-sectional-imaging", "workup", "multiphase CT or MRI of the abdomen (and chest where relevant)"),
        new("workup.liver-mri", "workup", "liver MRI with contrast"),
        new("workup.eus", "workup", "endoscopic ultrasound"),
        new("workup.endoscopy", "workup", "upper endoscopy or colonoscopy with biopsy"),
        new("workup.biopsy", "workup", "tissue biopsy for diagnosis, differentiation and Ki-67"),
        new("workup.ki67", "workup", "Ki-67 and mitotic count on existing tissue"),
        new("workup.chromogranin-a", "workup", "serum chromogranin A"),
        new("workup.urine-5hiaa", "workup", "24-hour urine 5-HIAA"),
        new("workup.hormone-panel", "workup", "syndrome-directed hormones (gastrin, insulin/glucose fast, VIP, glucagon, ACTH/cortisol)"),
        new("workup.metanephrines", "workup", "plasma or urine metanephrines"),
        new("workup.nt-probnp", "workup", "NT-proBNP"),
        new("workup.echocardiography", "workup", "transthoracic echocardiography"),
        new("workup.germline-testing", "workup", "genetic counselling and germline testing"),
        new("workup.ppi-washout", "workup", "repeat chromogranin A off proton pump inhibitor where safe"),
        new("surveillance.active", "surveillance", "active surveillance instead of immediate treatment"),
        new("surgery.endoscopic-resection", "surgery", "endoscopic resection (EMR, ESD, EFTR)"),
        new("surgery.appendectomy", "surgery", "simple appendectomy"),
        new("surgery.right-hemicolectomy", "surgery", "right hemicolectomy with lymphadenectomy"),
        new("surgery.rectal-resection", "surgery", "oncological rectal resection (total mesorectal excision)"),
        new("surgery.gastric-resection", "surgery", "partial or total gastrectomy with lymphadenectomy"),
        new("surgery.small-bowel-resection", "surgery", "small bowel resection with mesenteric lymphadenectomy"),
        new("surgery.pancreatic-resection", "surgery", "pancreatoduodenectomy or distal pancreatectomy with lymphadenectomy"),
        new("surgery.enucleation", "surgery", "tumour enucleation (e.g. small insulinoma)"),
        new("surgery.lung-resection", "surgery", "anatomical lung resection with lymph node dissection"),
        new("surgery.adrenalectomy", "surgery", "adrenalectomy or paraganglioma resection"),
        new("surgery.primary-resection", "surgery", "resection of the primary for a site with no code above"),
        new("surgery.liver-resection", "surgery", "resection of liver metastases"),
        new("surgery.debulking", "surgery", "cytoreductive surgery"),
        new("liver.ablation", "liver-directed", "radiofrequency or microwave ablation"),
        new("liver.tae", "liver-directed", "bland transarterial embolisation"),
        new("liver.tace", "liver-directed", "transarterial chemoembolisation"),
        new("liver.tare", "liver-directed", "radioembolisation (SIRT)"),
        new("systemic.ssa", "systemic", "somatostatin analogue (octreotide LAR, lanreotide)"),
        new("systemic.prrt", "systemic", "177Lu-DOTATATE PRRT"),
        new("systemic.everolimus", "systemic", "everolimus"),
        new("systemic.sunitinib", "systemic", "sunitinib"),
        new("systemic.cabozantinib", "systemic", "cabozantinib"),
        new("systemic.captem", "systemic", "capecitabine with temozolomide"),
        new("systemic.streptozocin-5fu", "systemic", "streptozocin with 5-fluorouracil"),
        new("systemic.platinum-etoposide", "systemic", "cisplatin or carboplatin with etoposide"),
        new("systemic.folfiri", "systemic", "FOLFIRI"),
        new("systemic.folfox", "systemic", "FOLFOX"),
        new("radiation.ebrt", "radiation", "external beam radiotherapy"),
        new("radiation.brachytherapy", "radiation", "brachytherapy"),
        new("symptom.ssa-uptitration", "symptom", "higher dose or shorter interval of SSA, rescue octreotide"),
        new("symptom.telotristat", "symptom", "telotristat ethyl for carcinoid diarrhoea"),
        new("symptom.antidiarrheal", "symptom", "loperamide and other antidiarrhoeals"),
        new("symptom.ppi-high-dose", "symptom", "high-dose proton pump inhibitor (gastrinoma)"),
        new("symptom.diazoxide", "symptom", "diazoxide and dietary measures (insulinoma)"),
        new("symptom.fluid-electrolytes", "symptom", "fluid and electrolyte replacement (VIPoma)"),
        new("symptom.thromboprophylaxis", "symptom", "anticoagulant prophylaxis (glucagonoma)"),
        new("symptom.alpha-blockade", "symptom", "preoperative alpha-adrenergic blockade"),
        new("symptom.perioperative-octreotide", "symptom", "octreotide cover for surgery or embolisation (carcinoid crisis)"),
        new("cardiac.cardiology-referral", "cardiac", "cardiology review for carcinoid heart disease"),
        new("nutrition.dietitian", "nutrition", "dietitian assessment and diet adjustment"),
        new("nutrition.niacin", "nutrition", "niacin (nicotinamide) supplementation"),
        new("nutrition.vitamin-b12", "nutrition", "B12 monitoring and replacement"),
        new("nutrition.fat-soluble-vitamins", "nutrition", "vitamins A, D, E, K monitoring and replacement"),
        new("nutrition.pancreatic-enzymes", "nutrition", "pancreatic enzyme replacement"),
        new("supportive.psychosocial", "supportive", "counselling, support groups"),
        new("supportive.palliative-care", "supportive", "specialist palliative care"),
        new("team.tumour-board", "team", "multidisciplinary tumour board review"),
        new("team.net-centre-referral", "team", "referral to a NET centre of excellence, second opinion"),
        new("trial.consider", "trial", "look for a clinical trial (immunotherapy and other agents)"),
        new("followup.none-needed", "follow-up", "no routine follow-up is needed"),
    ];

    private static readonly System.Collections.Frozen.FrozenDictionary<string, CareCode> ByCode =
        System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(All.ToDictionary(c => c.Code, StringComparer.Ordinal), StringComparer.Ordinal);

    public static bool TryGet(string code, out CareCode careCode) => ByCode.TryGetValue(code, out careCode!);

    public static CareCode Get(string code) => ByCode.TryGetValue(code, out var c) ? c : throw new ArgumentException($"Unknown care code {code}.", nameof(code));

    /// <summary>Codes a patient can have received (everything but work-up, team and follow-up codes).</summary>
    public static bool IsTreatment(string code) => ByCode.TryGetValue(code, out var c) && c.Category is not ("workup" or "team" or "follow-up");
}

/// <param name="Code">The stable identifier, e.g. <c>systemic.prrt</c>.</param>
/// <param name="Category">The contract category: workup, surveillance, surgery, liver-directed, systemic, ...</param>
/// <param name="Meaning">What the code stands for, from codes.md.</param>
public sealed record CareCode(string Code, string Category, string Meaning);

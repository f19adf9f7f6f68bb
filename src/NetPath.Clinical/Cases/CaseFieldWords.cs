using System.Collections.Frozen;

namespace NetPath.Clinical.Cases;

/// <summary>
/// What a person reads for each field of the case contract (docs/contracts/case.md): its label and
/// unit. The one place the words live: the case form, the command line's text output, error
/// messages and missing-data lists all read them here, so that "tumour.ki67Percent" is never shown
/// where "Ki-67 index" is meant.
/// </summary>
public static class CaseFieldWords
{
    /// <summary>The words of one case field: <c>Label</c> as a heading, <c>Unit</c> where the value has one.</summary>
    public sealed record Words(string Label, string? Unit = null)
    {
        /// <summary>"eGFR (mL/min)": the label with its unit, as a column heading or an input's label reads.</summary>
        public string WithUnit => Unit is null ? Label : $"{Label} ({Unit})";
    }

    private static readonly FrozenDictionary<string, Words> ByPath = new Dictionary<string, Words>(StringComparer.Ordinal)
    {
        ["schemaVersion"] = new("Case format version"),
        ["id"] = new("Case identifier"),
        ["assessmentDate"] = new("Assessment date"),
        ["patient"] = new("Patient"),
        ["patient.sex"] = new("Sex"),
        ["patient.ageYears"] = new("Age", "years"),
        ["patient.ecog"] = new("ECOG performance status", "0 to 4"),
        ["patient.pregnant"] = new("Pregnant"),
        ["patient.germline"] = new("Germline syndromes"),
        ["tumour"] = new("Tumour"),
        ["tumour.primarySite"] = new("Primary site"),
        ["tumour.otherSite"] = new("Other site (text)"),
        ["tumour.differentiation"] = new("Differentiation"),
        ["tumour.histologicType"] = new("Histologic type"),
        ["tumour.ki67Percent"] = new("Ki-67 index", "%"),
        ["tumour.mitosesPer2mm2"] = new("Mitoses", "per 2 mm²"),
        ["tumour.necrosis"] = new("Necrosis"),
        ["tumour.sizeMm"] = new("Size of the primary", "mm"),
        ["tumour.depth"] = new("Depth of invasion"),
        ["tumour.invades"] = new("Invades"),
        ["tumour.mesoappendixInvasionMm"] = new("Mesoappendiceal invasion", "mm"),
        ["tumour.paragangliomaType"] = new("Paraganglioma type"),
        ["tumour.gastricType"] = new("Gastric NET type"),
        ["tumour.tumourCount"] = new("Number of tumours"),
        ["tumour.lymphNodes"] = new("Lymph nodes"),
        ["tumour.lymphNodes.examined"] = new("Lymph nodes examined", "nodes"),
        ["tumour.lymphNodes.positive"] = new("Lymph nodes positive", "nodes"),
        ["tumour.lymphNodes.mesentericMassOver2cm"] = new("Mesenteric mass over 2 cm"),
        ["tumour.mainDuctDilatation"] = new("Duct dilatation by the tumour"),
        ["tumour.metastases"] = new("Metastases"),
        ["tumour.metastases.liver"] = new("Liver metastases"),
        ["tumour.metastases.extrahepatic"] = new("Extrahepatic metastases"),
        ["tumour.liverTumourBurdenPercent"] = new("Liver tumour burden", "% of liver volume"),
        ["tumour.lymphovascularInvasion"] = new("Lymphovascular invasion"),
        ["tumour.resectability"] = new("Resectability"),
        ["tumour.resection"] = new("Resection"),
        ["tumour.resection.done"] = new("Resected"),
        ["tumour.resection.margin"] = new("Resection margin"),
        ["tumour.functionalSyndrome"] = new("Functional syndrome"),
        ["tumour.tnm"] = new("Clinician's TNM"),
        ["tumour.tnm.t"] = new("Clinician's T"),
        ["tumour.tnm.n"] = new("Clinician's N"),
        ["tumour.tnm.m"] = new("Clinician's M"),
        ["tumour.gapp"] = new("GAPP score inputs"),
        ["tumour.gapp.histologicPattern"] = new("GAPP histological pattern"),
        ["tumour.gapp.cellularity"] = new("GAPP cellularity"),
        ["tumour.gapp.comedoNecrosis"] = new("GAPP comedo-type necrosis"),
        ["tumour.gapp.vascularOrCapsularInvasion"] = new("GAPP vascular or capsular invasion"),
        ["tumour.gapp.catecholamineType"] = new("GAPP catecholamine type"),
        ["imaging"] = new("Imaging"),
        ["imaging.sstrPet"] = new("SSTR PET"),
        ["imaging.sstrPet.done"] = new("SSTR PET done"),
        ["imaging.sstrPet.positive"] = new("SSTR PET positive"),
        ["imaging.sstrPet.krenningScore"] = new("Krenning score", "0 to 4"),
        ["imaging.fdgPet"] = new("FDG PET"),
        ["imaging.fdgPet.done"] = new("FDG PET done"),
        ["imaging.fdgPet.positive"] = new("FDG PET positive"),
        ["labs"] = new("Laboratory results"),
        ["labs.egfrMlMin"] = new("eGFR", "mL/min"),
        ["labs.bilirubinXUln"] = new("Bilirubin", "× ULN"),
        ["labs.plateletsPerNl"] = new("Platelets", "/nL"),
        ["labs.neutrophilsPerNl"] = new("Neutrophils", "/nL"),
        ["labs.hemoglobinGDl"] = new("Haemoglobin", "g/dL"),
        ["labs.albuminGL"] = new("Albumin", "g/L"),
        ["labs.ntProBnpPgMl"] = new("NT-proBNP", "pg/mL"),
        ["labs.chromograninAXUln"] = new("Chromogranin A", "× ULN"),
        ["labs.urine5HiaaMg24h"] = new("Urine 5-HIAA", "mg/24 h"),
        ["labs.gastrinXUln"] = new("Gastrin", "× ULN"),
        ["labs.onPpi"] = new("On a proton pump inhibitor"),
        ["history"] = new("History"),
        ["history.priorTherapies"] = new("Prior therapies"),
        ["symptoms"] = new("Symptoms"),
        ["symptoms.present"] = new("Symptoms now"),
        ["symptoms.diarrheaPerDay"] = new("Diarrhoea", "stools per day"),
        ["symptoms.flushesPerDay"] = new("Flushing", "episodes per day"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Words> TherapyMembers = new Dictionary<string, Words>(StringComparer.Ordinal)
    {
        ["code"] = new("treatment"),
        ["outcome"] = new("outcome"),
        ["startDate"] = new("start date"),
        ["endDate"] = new("end date"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every path with words, for checks that a new field did not arrive without them.</summary>
    public static IEnumerable<string> Paths => ByPath.Keys;

    public static bool TryGet(string path, out Words words)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (ByPath.TryGetValue(path, out words!)) return true;
        // A row of the therapy history: "history.priorTherapies[1].outcome" reads "Prior therapy 2: outcome".
        const string therapies = "history.priorTherapies[";
        if (path.StartsWith(therapies, StringComparison.Ordinal))
        {
            var close = path.IndexOf(']', therapies.Length);
            if (close > therapies.Length && int.TryParse(path.AsSpan(therapies.Length, close - therapies.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                var rest = path[(close + 1)..].TrimStart('.');
                var row = $"Prior therapy {index + 1}";
                if (rest.Length == 0) { words = new(row); return true; }
                if (TherapyMembers.TryGetValue(rest, out var member)) { words = new($"{row}: {member.Label}"); return true; }
            }
        }
        words = null!;
        return false;
    }

    /// <summary>The label of a field; a path outside the contract is shown as given (it names what the input held).</summary>
    public static string Label(string path) => TryGet(path, out var words) ? words.Label : path;
}

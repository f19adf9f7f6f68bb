using NetPath.Clinical.Cases;

namespace NetPath.Interop;

/// <summary>How a case field's value travels in a NetPath case-fact Observation.</summary>
public enum FactKind { Flag, Count, Number, Code, CodeList, Text }

/// <summary>
/// A case field that has no standard FHIR or mCODE representation, carried as an Observation
/// coded in NetPath's case-fact CodeSystem (the code is the field's path in contracts/case.md).
/// </summary>
/// <param name="Path">The case field, as in contracts/case.md.</param>
/// <param name="Kind">The value type of the Observation.</param>
/// <param name="Display">What a person reads.</param>
/// <param name="Unit">UCUM unit of a <see cref="FactKind.Number"/>.</param>
/// <param name="Codes">The closed code set of a code field.</param>
public sealed record CaseFact(string Path, FactKind Kind, string Display, string? Unit = null, IReadOnlyList<string>? Codes = null);

/// <summary>The case-fact vocabulary (decision 0701): every case field that mCODE and LOINC do not carry.</summary>
public static class CaseFacts
{
    public static IReadOnlyList<CaseFact> All { get; } =
    [
        new("patient.germline", FactKind.CodeList, "Known hereditary syndrome", Codes: WireCode<GermlineSyndrome>.All),
        new("tumour.otherSite", FactKind.Text, "Primary site (other)"),
        new("tumour.differentiation", FactKind.Code, "Differentiation", Codes: WireCode<Differentiation>.All),
        new("tumour.histologicType", FactKind.Code, "Histologic type", Codes: WireCode<HistologicType>.All),
        new("tumour.ki67Percent", FactKind.Number, "Ki-67 proliferation index (hot spot)", "%"),
        new("tumour.mitosesPer2mm2", FactKind.Number, "Mitotic count per 2 mm²", "{mitoses}/(2.mm2)"),
        new("tumour.necrosis", FactKind.Code, "Necrosis", Codes: WireCode<Necrosis>.All),
        new("tumour.depth", FactKind.Code, "Depth of invasion", Codes: WireCode<Depth>.All),
        new("tumour.invades", FactKind.CodeList, "Structure invaded by the primary", Codes: WireCode<InvadedStructure>.All),
        new("tumour.mesoappendixInvasionMm", FactKind.Number, "Depth of mesoappendiceal invasion", "mm"),
        new("tumour.paragangliomaType", FactKind.Code, "Paraganglioma type", Codes: WireCode<ParagangliomaType>.All),
        new("tumour.gastricType", FactKind.Count, "Gastric NET type"),
        new("tumour.tumourCount", FactKind.Count, "Number of primary tumours"),
        new("tumour.lymphNodes.positive", FactKind.Count, "Regional lymph nodes with metastasis"),
        new("tumour.lymphNodes.mesentericMassOver2cm", FactKind.Flag, "Mesenteric mass over 2 cm"),
        new("tumour.mainDuctDilatation", FactKind.Flag, "Pancreatic or bile duct dilatation caused by the tumour"),
        new("tumour.metastases.liver", FactKind.Flag, "Liver metastases"),
        new("tumour.metastases.extrahepatic", FactKind.CodeList, "Extrahepatic metastatic site", Codes: WireCode<MetastaticSite>.All),
        new("tumour.liverTumourBurdenPercent", FactKind.Number, "Liver tumour burden", "%"),
        new("tumour.lymphovascularInvasion", FactKind.Flag, "Lymphovascular invasion"),
        new("tumour.resectability", FactKind.Code, "Resectability", Codes: WireCode<Resectability>.All),
        new("tumour.resection.done", FactKind.Flag, "Primary resected"),
        new("tumour.resection.margin", FactKind.Code, "Resection margin", Codes: WireCode<ResectionMargin>.All),
        new("tumour.functionalSyndrome", FactKind.Code, "Hormone syndrome", Codes: WireCode<FunctionalSyndrome>.All),
        new("tumour.gapp.histologicPattern", FactKind.Code, "GAPP histologic pattern", Codes: WireCode<GappHistologicPattern>.All),
        new("tumour.gapp.cellularity", FactKind.Code, "GAPP cellularity", Codes: WireCode<GappCellularity>.All),
        new("tumour.gapp.comedoNecrosis", FactKind.Flag, "GAPP comedo necrosis"),
        new("tumour.gapp.vascularOrCapsularInvasion", FactKind.Flag, "GAPP vascular or capsular invasion"),
        new("tumour.gapp.catecholamineType", FactKind.Code, "GAPP catecholamine type", Codes: WireCode<CatecholamineType>.All),
        new("imaging.sstrPet.done", FactKind.Flag, "Somatostatin receptor PET done"),
        new("imaging.sstrPet.positive", FactKind.Flag, "Somatostatin receptor PET positive"),
        new("imaging.sstrPet.krenningScore", FactKind.Count, "Somatostatin receptor uptake (Krenning score)"),
        new("imaging.fdgPet.done", FactKind.Flag, "FDG PET done"),
        new("imaging.fdgPet.positive", FactKind.Flag, "FDG PET positive"),
        new("labs.bilirubinXUln", FactKind.Number, "Bilirubin, multiple of the upper limit of normal", "{ULN}"),
        new("labs.chromograninAXUln", FactKind.Number, "Chromogranin A, multiple of the upper limit of normal", "{ULN}"),
        new("labs.gastrinXUln", FactKind.Number, "Gastrin, multiple of the upper limit of normal", "{ULN}"),
        new("labs.onPpi", FactKind.Flag, "Taking a proton pump inhibitor"),
        new("symptoms.present", FactKind.CodeList, "Symptom present", Codes: WireCode<Symptom>.All),
        new("symptoms.diarrheaPerDay", FactKind.Number, "Diarrhoea episodes per day", "/d"),
        new("symptoms.flushesPerDay", FactKind.Number, "Flushing episodes per day", "/d"),
    ];

    private static readonly Dictionary<string, CaseFact> ByPath = All.ToDictionary(f => f.Path, StringComparer.Ordinal);

    public static bool TryGet(string path, out CaseFact fact) => ByPath.TryGetValue(path, out fact!);
}

namespace NetPath.Clinical.Cases;

/// <summary>
/// One patient with one primary neuroendocrine neoplasm, as known on <see cref="AssessmentDate"/>
/// (contracts/case.md, schemaVersion "1"). Immutable and always valid: it is only built by
/// <see cref="Validation.CaseReader"/> from input that passed validation. A missing fact is null, never 0.
/// </summary>
public sealed record Case
{
    public const string CurrentSchemaVersion = "1";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string? Id { get; init; }
    public DateOnly? AssessmentDate { get; init; }
    public Patient Patient { get; init; } = new();
    public required Tumour Tumour { get; init; }
    public Imaging Imaging { get; init; } = new();
    public Labs Labs { get; init; } = new();
    public History History { get; init; } = new();
    public Symptoms Symptoms { get; init; } = new();
}

public sealed record Patient
{
    public Sex? Sex { get; init; }
    public int? AgeYears { get; init; }
    /// <summary>ECOG performance status, 0 (fully active) to 5 (dead).</summary>
    public int? Ecog { get; init; }
    public bool? Pregnant { get; init; }
    public EnumSet<GermlineSyndrome> Germline { get; init; }
}

public sealed record Tumour
{
    public required PrimarySite PrimarySite { get; init; }
    /// <summary>Free text for <see cref="PrimarySite.Other"/> (liver, kidney, ovary, ...).</summary>
    public string? OtherSite { get; init; }
    public Differentiation? Differentiation { get; init; }
    /// <summary>As given by the clinician; the classification derives it when absent.</summary>
    public HistologicType? HistologicType { get; init; }
    public Ki67Percent? Ki67 { get; init; }
    public MitosesPer2mm2? Mitoses { get; init; }
    public Necrosis? Necrosis { get; init; }
    public SizeMm? Size { get; init; }
    public Depth? Depth { get; init; }
    /// <summary>Structures the primary invades directly. Empty when none were reported.</summary>
    public EnumSet<InvadedStructure> Invades { get; init; }
    public InvasionDepthMm? MesoappendixInvasion { get; init; }
    public ParagangliomaType? ParagangliomaType { get; init; }
    /// <summary>Gastric NET type 1, 2 or 3.</summary>
    public int? GastricType { get; init; }
    public int? TumourCount { get; init; }
    public LymphNodes LymphNodes { get; init; } = new();
    public bool? MainDuctDilatation { get; init; }
    /// <summary>Distant disease; null means not known (not the same as known M0).</summary>
    public Metastases? Metastases { get; init; }
    public Percent? LiverTumourBurden { get; init; }
    public bool? LymphovascularInvasion { get; init; }
    public Resectability? Resectability { get; init; }
    public Resection Resection { get; init; } = new();
    public FunctionalSyndrome? FunctionalSyndrome { get; init; }
    public TnmCategories Tnm { get; init; } = new();
    public GappFindings Gapp { get; init; } = new();

    public bool IsMultifocal => TumourCount is > 1;
}

public sealed record LymphNodes
{
    public int? Examined { get; init; }
    public int? Positive { get; init; }
    public bool? MesentericMassOver2cm { get; init; }
}

public sealed record Metastases
{
    public bool? Liver { get; init; }
    public EnumSet<MetastaticSite> Extrahepatic { get; init; }

    /// <summary>Known M0: liver false and no extrahepatic site.</summary>
    public bool IsKnownAbsent => Liver == false && Extrahepatic.IsEmpty;
    public bool IsPresent => Liver == true || !Extrahepatic.IsEmpty;
}

public sealed record Resection
{
    public bool? Done { get; init; }
    public ResectionMargin? Margin { get; init; }
}

/// <summary>TNM categories already assigned by a clinician, as spelled (T2, N1, M1a).</summary>
public sealed record TnmCategories
{
    public string? T { get; init; }
    public string? N { get; init; }
    public string? M { get; init; }
}

/// <summary>The GAPP inputs for pheochromocytoma and paraganglioma, besides Ki-67.</summary>
public sealed record GappFindings
{
    public GappHistologicPattern? HistologicPattern { get; init; }
    public GappCellularity? Cellularity { get; init; }
    public bool? ComedoNecrosis { get; init; }
    public bool? VascularOrCapsularInvasion { get; init; }
    public CatecholamineType? CatecholamineType { get; init; }

    public bool AnyGiven => HistologicPattern is not null || Cellularity is not null
        || ComedoNecrosis is not null || VascularOrCapsularInvasion is not null || CatecholamineType is not null;
}

public sealed record Imaging
{
    public SstrPet SstrPet { get; init; } = new();
    public FdgPet FdgPet { get; init; } = new();
}

public sealed record SstrPet
{
    public bool? Done { get; init; }
    public bool? Positive { get; init; }
    /// <summary>Uptake against liver and spleen, 0 to 4.</summary>
    public int? KrenningScore { get; init; }
}

public sealed record FdgPet
{
    public bool? Done { get; init; }
    public bool? Positive { get; init; }
}

/// <summary>Latest laboratory values; the unit is in each name (XUln = multiple of the upper limit of normal).</summary>
public sealed record Labs
{
    public double? EgfrMlMin { get; init; }
    public double? BilirubinXUln { get; init; }
    public double? PlateletsPerNl { get; init; }
    public double? NeutrophilsPerNl { get; init; }
    public double? HemoglobinGDl { get; init; }
    public double? AlbuminGL { get; init; }
    public double? NtProBnpPgMl { get; init; }
    public double? ChromograninAXUln { get; init; }
    public double? Urine5HiaaMg24h { get; init; }
    public double? GastrinXUln { get; init; }
    public bool? OnPpi { get; init; }
}

public sealed record History
{
    public IReadOnlyList<PriorTherapy> PriorTherapies { get; init; } = [];
}

/// <summary>A therapy already given: a treatment code from contracts/codes.md and how it went.</summary>
public sealed record PriorTherapy
{
    public required string Code { get; init; }
    public TherapyOutcome? Outcome { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
}

public sealed record Symptoms
{
    public EnumSet<Symptom> Present { get; init; }
    public double? DiarrheaPerDay { get; init; }
    public double? FlushesPerDay { get; init; }
}

using System.Text.Json.Serialization;

namespace NetPath.Clinical.Response;

// The imaging history RECIST 1.1 is computed from (docs/contracts/imaging-studies.md): studies in
// date order, the first one the baseline, each lesion followed by its identifier. Built only by
// StudiesReader, so every value here has passed its checks.

public enum Modality
{
    [JsonStringEnumMemberName("ct")] Ct,
    [JsonStringEnumMemberName("mri")] Mri,
    [JsonStringEnumMemberName("sstr-pet")] SstrPet,
    [JsonStringEnumMemberName("fdg-pet")] FdgPet,
}

public enum LesionRole
{
    [JsonStringEnumMemberName("target")] Target,
    [JsonStringEnumMemberName("non-target")] NonTarget,
}

/// <summary>How a non-target or new lesion looks at one study (RECIST judges these by eye, not by a sum).</summary>
public enum LesionStatus
{
    [JsonStringEnumMemberName("present")] Present,
    [JsonStringEnumMemberName("absent")] Absent,
    [JsonStringEnumMemberName("unequivocal-progression")] UnequivocalProgression,
    [JsonStringEnumMemberName("not-evaluated")] NotEvaluated,
}

/// <summary>
/// Where a lesion lies. Closed, because RECIST's limit of two targets per organ needs organs that
/// compare: paired organs are one organ (lung, kidney, adrenal, ovary), and every lymph node,
/// whatever its region, counts in one organ "lymph nodes" (EORTC Q&amp;A).
/// </summary>
public enum Organ
{
    [JsonStringEnumMemberName("liver")] Liver,
    [JsonStringEnumMemberName("lung")] Lung,
    [JsonStringEnumMemberName("pancreas")] Pancreas,
    [JsonStringEnumMemberName("bone")] Bone,
    [JsonStringEnumMemberName("peritoneum")] Peritoneum,
    [JsonStringEnumMemberName("mesentery")] Mesentery,
    [JsonStringEnumMemberName("lymph-node")] LymphNode,
    [JsonStringEnumMemberName("small-bowel")] SmallBowel,
    [JsonStringEnumMemberName("stomach")] Stomach,
    [JsonStringEnumMemberName("duodenum")] Duodenum,
    [JsonStringEnumMemberName("colon")] Colon,
    [JsonStringEnumMemberName("rectum")] Rectum,
    [JsonStringEnumMemberName("adrenal")] Adrenal,
    [JsonStringEnumMemberName("kidney")] Kidney,
    [JsonStringEnumMemberName("spleen")] Spleen,
    [JsonStringEnumMemberName("ovary")] Ovary,
    [JsonStringEnumMemberName("pleura")] Pleura,
    [JsonStringEnumMemberName("brain")] Brain,
    [JsonStringEnumMemberName("breast")] Breast,
    [JsonStringEnumMemberName("thyroid")] Thyroid,
    [JsonStringEnumMemberName("heart")] Heart,
    [JsonStringEnumMemberName("skin")] Skin,
    [JsonStringEnumMemberName("soft-tissue")] SoftTissue,
    [JsonStringEnumMemberName("thymus")] Thymus,
    [JsonStringEnumMemberName("other")] Other,
}

/// <summary>
/// One lesion as seen at one study. <see cref="SizeMm"/> is the longest diameter of a non-nodal
/// lesion or the short axis of a node (RECIST records only the short axis of a node); null means
/// not measured at this study.
/// </summary>
public sealed record LesionObservation
{
    public required string Id { get; init; }
    public required Organ Organ { get; init; }
    /// <summary>The organ in words where <see cref="Organ"/> is <see cref="Organ.Other"/>; it keeps two "other" organs apart.</summary>
    public string? OrganDetail { get; init; }
    public required bool Nodal { get; init; }
    /// <summary>The role chosen at baseline; null for a new lesion.</summary>
    public LesionRole? Role { get; init; }
    public bool New { get; init; }
    /// <summary>A new lesion the radiologist is not sure of: not PD yet; PD dates back to it once a later study confirms it.</summary>
    public bool Equivocal { get; init; }
    public decimal? SizeMm { get; init; }
    /// <summary>For non-target and new lesions; target lesions are judged by their size.</summary>
    public LesionStatus? Status { get; init; }

    /// <summary>The organ as RECIST counts it: all nodes together, an "other" organ by its words.</summary>
    public string OrganGroup => Nodal ? "lymph nodes" : Organ == Organ.Other ? "other: " + (OrganDetail ?? "") : OrganWords.Of(Organ);

    /// <summary>"L1 (liver)" for sentences.</summary>
    public string Label => $"{Id} ({(Nodal ? "node" + (Organ is Organ.LymphNode ? "" : ", " + OrganWords.Of(Organ)) : Organ == Organ.Other ? OrganDetail : OrganWords.Of(Organ))})";
}

public sealed record ImagingStudy
{
    public required DateOnly Date { get; init; }
    public required Modality Modality { get; init; }
    public required IReadOnlyList<LesionObservation> Lesions { get; init; }
    /// <summary>Whether the tumour markers were above normal at this study; null when not given (RECIST's non-target CR also asks for normal markers).</summary>
    public bool? TumourMarkersAboveNormal { get; init; }
}

/// <summary>Studies in date order (the first is the baseline) and what the protocol asks of confirmation.</summary>
public sealed record ImagingHistory
{
    public string? PatientId { get; init; }
    public required IReadOnlyList<ImagingStudy> Studies { get; init; }
    /// <summary>Confirm CR and PR by a later study (non-randomised trials with response as primary endpoint).</summary>
    public bool ConfirmationRequired { get; init; }
    /// <summary>How long after a response its confirming study must come (RECIST: at least 4 weeks).</summary>
    public int ConfirmationMinimumDays { get; init; } = RecistRules.DefaultConfirmationDays;
    /// <summary>The protocol's minimum time from baseline for SD to count as best response; null when the protocol sets none.</summary>
    public int? MinimumStableDiseaseDays { get; init; }
}

public static class OrganWords
{
    private static readonly string[] Organs = [.. Enum.GetValues<Organ>().Select(o => o switch
    {
        Organ.LymphNode => "lymph node",
        Organ.SmallBowel => "small bowel",
        Organ.SoftTissue => "soft tissue",
        _ => Cases.WireCode<Organ>.Of(o),
    })];

    public static string Of(Organ organ) => Organs[(int)organ];

    public static string Of(Modality modality) => modality switch
    {
        Modality.Ct => "CT",
        Modality.Mri => "MRI",
        Modality.SstrPet => "SSTR PET",
        _ => "FDG PET",
    };
}

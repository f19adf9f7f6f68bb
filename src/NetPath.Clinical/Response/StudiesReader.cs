using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Validation;

namespace NetPath.Clinical.Response;

/// <summary>The error codes particular to imaging studies, beside the general <see cref="ErrorCodes"/>.</summary>
public static class RecistErrorCodes
{
    /// <summary>A target lesion under RECIST's size for measurability (10 mm; a node 15 mm short axis), or a node under 10 mm listed as a lesion.</summary>
    public const string NotMeasurable = "recist.not-measurable";
    /// <summary>More than 5 target lesions, or more than 2 in one organ.</summary>
    public const string TooManyTargets = "recist.too-many-targets";
    /// <summary>A baseline lesion left out of a follow-up study.</summary>
    public const string LesionMissing = "recist.lesion-missing";
    /// <summary>A follow-up lesion that is neither a baseline lesion nor marked new (or a new one reusing a baseline id).</summary>
    public const string UnknownLesion = "recist.unknown-lesion";
    /// <summary>Two studies on one date.</summary>
    public const string SameDate = "recist.same-date";
    /// <summary>A follow-up lesion whose role, organ or nodal flag differs from its baseline.</summary>
    public const string LesionChanged = "recist.lesion-changed";
    /// <summary>A baseline that RECIST cannot measure on (PET alone) or that has no lesion.</summary>
    public const string BadBaseline = "recist.baseline";
}

/// <summary>
/// Reads imaging studies (docs/contracts/imaging-studies.md) into an <see cref="ImagingHistory"/>,
/// reporting every problem at once with the path of the field, in the style of <see cref="CaseReader"/>.
/// The earliest study is the baseline; studies may be listed in any order.
/// </summary>
public static class StudiesReader
{
    public const string CurrentSchemaVersion = "1";

    public static ReadResult<ImagingHistory> Read(ReadOnlySpan<byte> utf8Json)
    {
        StudiesDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, StudiesJsonContext.Default.StudiesDto);
        }
        catch (JsonException ex)
        {
            return ReadResult<ImagingHistory>.Invalid([CaseReader.FromJsonException(ex)]);
        }
        return dto is null
            ? ReadResult<ImagingHistory>.Invalid([new(ErrorCodes.MalformedJson, "", "The studies must be a JSON object, not null.", "a JSON object")])
            : FromWire(dto);
    }

    public static ReadResult<ImagingHistory> Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    public static ReadResult<ImagingHistory> FromWire(StudiesDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        var reader = new Reader();
        var history = reader.Read(dto);
        return reader.Errors.Count == 0 && history is not null ? ReadResult<ImagingHistory>.Valid(history) : ReadResult<ImagingHistory>.Invalid(reader.Errors);
    }

    private sealed class Reader
    {
        public List<ValidationError> Errors { get; } = [];

        /// <summary>Baseline lesions already reported as broken: their follow-ups are not reported again as unknown.</summary>
        private readonly HashSet<string> brokenBaselineIds = new(StringComparer.Ordinal);

        private void Error(string code, string path, string message, string? allowed = null) => Errors.Add(new(code, path, message, allowed));

        public ImagingHistory? Read(StudiesDto dto)
        {
            Unknown(dto, "");
            if (dto.SchemaVersion is null)
                Error(ErrorCodes.Required, "schemaVersion", "schemaVersion is required.", $"\"{CurrentSchemaVersion}\"");
            else if (dto.SchemaVersion != CurrentSchemaVersion)
                Error(ErrorCodes.UnsupportedSchemaVersion, "schemaVersion", $"schemaVersion \"{dto.SchemaVersion}\" is not supported.", $"\"{CurrentSchemaVersion}\"");
            var confirmationDays = dto.ConfirmationMinimumDays ?? RecistRules.DefaultConfirmationDays;
            if (dto.ConfirmationMinimumDays is { } cd && cd is < 1 or > 365)
                Error(ErrorCodes.OutOfRange, "confirmationMinimumDays", $"{cd} is outside the allowed range of confirmationMinimumDays.", "1 to 365 (RECIST: at least 28)");
            if (dto.ConfirmationMinimumDays is not null && dto.ConfirmationRequired != true)
                Error(ErrorCodes.InconsistentFacts, "confirmationMinimumDays", "confirmationMinimumDays is given but confirmationRequired is not true.", "only with confirmationRequired: true");
            if (dto.MinimumStableDiseaseDays is { } sd && sd is < 0 or > 3650)
                Error(ErrorCodes.OutOfRange, "minimumStableDiseaseDays", $"{sd} is outside the allowed range of minimumStableDiseaseDays.", "0 to 3650");

            if (dto.Studies is not { Count: > 0 } studies)
            {
                Error(ErrorCodes.Required, "studies", "At least one study (the baseline) is required.", "a list of studies, the earliest being the baseline");
                return null;
            }

            var read = new List<(int Index, DateOnly Date, Modality? Modality, StudyDto Dto)>(studies.Count);
            for (var i = 0; i < studies.Count; i++)
            {
                var path = $"studies[{i}]";
                if (studies[i] is not { } s)
                {
                    Error(ErrorCodes.WrongType, path, "A study must be an object.", "an object with date, modality and lesions");
                    continue;
                }
                Unknown(s, path);
                var date = Date(s.Date, path + ".date");
                var modality = s.Modality is null ? null : Code<Modality>(s.Modality, path + ".modality");
                if (s.Modality is null) Error(ErrorCodes.Required, path + ".modality", "A study needs its modality.", WireCode<Modality>.AllowedText);
                if (s.Lesions is null) Error(ErrorCodes.Required, path + ".lesions", "A study needs its list of lesions.", "a list of the lesions seen, each with its id");
                else
                {
                    for (var j = 0; j < s.Lesions.Count; j++)
                    {
                        if (s.Lesions[j] is { } lesion) Unknown(lesion, $"{path}.lesions[{j}]");
                    }
                }
                // A study without a usable date still has its lesions checked, after the dated ones.
                if (date is { } d)
                {
                    foreach (var other in read)
                    {
                        if (other.Date == d)
                            Error(RecistErrorCodes.SameDate, path + ".date", $"studies[{other.Index}] and {path} are both dated {d:yyyy-MM-dd}.", "one study per date (merge the reports of one day into one study)");
                    }
                }
                read.Add((i, date ?? DateOnly.MaxValue, modality, s));
            }
            if (read.Count == 0) return null;

            // Stable: studies without a date keep their input order at the end.
            read = [.. read.OrderBy(r => r.Date)];
            var (bIndex, bDate, bModality, bDto) = read[0];
            var bPath = $"studies[{bIndex}]";
            if (bModality is Modality.SstrPet or Modality.FdgPet)
                Error(RecistErrorCodes.BadBaseline, bPath + ".modality", $"The baseline (the earliest study, {bDate:yyyy-MM-dd}) is {OrganWords.Of(bModality.Value)}: RECIST measures lesions on CT or MRI.", "ct or mri for the baseline");
            var baselineLesions = bDto.Lesions is null ? [] : Baseline(bDto.Lesions, bPath);

            var result = new List<ImagingStudy>(read.Count)
            {
                new() { Date = bDate, Modality = bModality ?? default, Lesions = baselineLesions, TumourMarkersAboveNormal = bDto.TumourMarkersAboveNormal },
            };
            for (var k = 1; k < read.Count; k++)
            {
                var (index, date, modality, s) = read[k];
                var lesions = s.Lesions is null ? [] : FollowUp(s.Lesions, $"studies[{index}]", baselineLesions);
                result.Add(new ImagingStudy { Date = date, Modality = modality ?? default, Lesions = lesions, TumourMarkersAboveNormal = s.TumourMarkersAboveNormal });
            }
            CheckNewLesionsStayNew(read, result);
            if (Errors.Count > 0) return null;
            return new ImagingHistory
            {
                PatientId = string.IsNullOrWhiteSpace(dto.PatientId) ? null : dto.PatientId.Trim(),
                Studies = result,
                ConfirmationRequired = dto.ConfirmationRequired ?? false,
                ConfirmationMinimumDays = confirmationDays,
                MinimumStableDiseaseDays = dto.MinimumStableDiseaseDays,
            };
        }

        private List<LesionObservation> Baseline(List<LesionDto?> lesions, string studyPath)
        {
            var result = new List<LesionObservation>(lesions.Count);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var perOrgan = new Dictionary<string, int>(StringComparer.Ordinal);
            var targets = 0;
            for (var i = 0; i < lesions.Count; i++)
            {
                var path = $"{studyPath}.lesions[{i}]";
                if (Lesion(lesions[i], path, ids) is not { } l) continue;
                var organ = Organ(l, path);
                var nodal = Nodal(l, path);
                if (l.New == true) Error(ErrorCodes.InconsistentFacts, path + ".new", "A lesion in the baseline study cannot be new.", "new only in follow-up studies");
                if (l.Equivocal is not null) Error(ErrorCodes.InconsistentFacts, path + ".equivocal", "equivocal describes a new lesion; the baseline has none.", "absent at baseline");
                LesionRole? role = null;
                if (l.Role is null) Error(ErrorCodes.Required, path + ".role", "Each baseline lesion is either a target or a non-target lesion.", WireCode<LesionRole>.AllowedText);
                else role = Code<LesionRole>(l.Role, path + ".role");
                var size = nodal is null ? null : Size(l, nodal.Value, path);
                var status = l.Status is null ? null : Code<LesionStatus>(l.Status, path + ".status");
                if (status is not null and not LesionStatus.Present)
                    Error(ErrorCodes.InconsistentFacts, path + ".status", "A baseline lesion is present by definition.", "present, or leave status out at baseline");
                if (organ is null || nodal is null || role is null)
                {
                    brokenBaselineIds.Add(l.Id!);
                    continue;
                }

                var sizeField = nodal.Value ? "shortAxisMm" : "longestDiameterMm";
                if (role == LesionRole.Target)
                {
                    targets++;
                    var min = nodal.Value ? RecistRules.TargetNodeShortAxisMm : RecistRules.MeasurableLongestDiameterMm;
                    if (size is not { } mm)
                        Error(ErrorCodes.Required, $"{path}.{sizeField}", $"Target lesion {l.Id} needs its baseline {(nodal.Value ? "short axis" : "longest diameter")}.", $"{min} mm or more");
                    else if (mm < min)
                        Error(RecistErrorCodes.NotMeasurable, $"{path}.{sizeField}",
                            $"{mm.ToString(CultureInfo.InvariantCulture)} mm is under RECIST's {(nodal.Value ? "15 mm short axis for a target node (10 to under 15 mm: a non-target node)" : "10 mm longest diameter for a measurable lesion")}.",
                            nodal.Value ? "15 mm or more, or role non-target" : "10 mm or more, or role non-target");
                    var group = nodal.Value ? "lymph nodes" : organ == Response.Organ.Other ? "other: " + l.OrganDetail?.Trim() : OrganWords.Of(organ.Value);
                    perOrgan[group] = perOrgan.GetValueOrDefault(group) + 1;
                    if (perOrgan[group] == RecistRules.MaxTargetsPerOrgan + 1)
                        Error(RecistErrorCodes.TooManyTargets, path + ".role", $"A third target lesion in {group}: RECIST allows 2 per organ{(nodal.Value ? ", and all lymph nodes together count as one organ" : "")}.", "non-target for the others");
                }
                else if (nodal.Value && size is { } axis && axis < RecistRules.PathologicalNodeShortAxisMm)
                {
                    Error(RecistErrorCodes.NotMeasurable, path + ".shortAxisMm", $"A node of {axis.ToString(CultureInfo.InvariantCulture)} mm short axis is normal (under 10 mm), not a lesion.", "10 mm or more, or leave the node out");
                }
                result.Add(new LesionObservation
                {
                    Id = l.Id!,
                    Organ = organ.Value,
                    OrganDetail = l.OrganDetail?.Trim(),
                    Nodal = nodal.Value,
                    Role = role,
                    SizeMm = size,
                    Status = role == LesionRole.NonTarget ? LesionStatus.Present : null,
                });
            }
            if (targets > RecistRules.MaxTargets)
                Error(RecistErrorCodes.TooManyTargets, studyPath + ".lesions", $"{targets} target lesions: RECIST allows {RecistRules.MaxTargets} in all.", "at most 5 targets; follow the others as non-target lesions");
            if (lesions.Count == 0)
                Error(RecistErrorCodes.BadBaseline, studyPath + ".lesions", "The baseline lists no lesion: there is nothing for RECIST to follow.", "at least one target or non-target lesion");
            return result;
        }

        private List<LesionObservation> FollowUp(List<LesionDto?> lesions, string studyPath, List<LesionObservation> baseline)
        {
            var result = new List<LesionObservation>(lesions.Count);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < lesions.Count; i++)
            {
                var path = $"{studyPath}.lesions[{i}]";
                if (Lesion(lesions[i], path, ids) is not { } l) continue;
                var atBaseline = baseline.Find(b => b.Id == l.Id);
                if (l.New == true)
                {
                    if (atBaseline is not null)
                    {
                        Error(RecistErrorCodes.UnknownLesion, path + ".id", $"'{l.Id}' is a baseline lesion, so it cannot be new.", "a fresh id for a new lesion");
                        continue;
                    }
                    var organ = Organ(l, path);
                    var nodal = Nodal(l, path);
                    if (l.Role is not null) Error(ErrorCodes.InconsistentFacts, path + ".role", "A new lesion has no target role: targets are chosen at baseline only.", "leave role out for a new lesion");
                    var size = nodal is null ? null : Size(l, nodal.Value, path);
                    var status = l.Status is null ? null : Code<LesionStatus>(l.Status, path + ".status");
                    if (organ is null || nodal is null) continue;
                    result.Add(new LesionObservation
                    {
                        Id = l.Id!,
                        Organ = organ.Value,
                        OrganDetail = l.OrganDetail?.Trim(),
                        Nodal = nodal.Value,
                        New = true,
                        Equivocal = l.Equivocal ?? false,
                        SizeMm = size,
                        Status = status ?? LesionStatus.Present,
                    });
                    continue;
                }
                if (atBaseline is null)
                {
                    if (brokenBaselineIds.Contains(l.Id!)) continue;
                    Error(RecistErrorCodes.UnknownLesion, path + ".id", $"'{l.Id}' is not a baseline lesion. A lesion first seen now is marked \"new\": true.", "an id from the baseline study, or new: true");
                    continue;
                }
                if (l.Equivocal is not null) Error(ErrorCodes.InconsistentFacts, path + ".equivocal", "equivocal describes a new lesion.", "absent for a baseline lesion");
                if (l.Role is { } r && (!WireCode<LesionRole>.TryParse(r, out var role) || role != atBaseline.Role))
                    Error(RecistErrorCodes.LesionChanged, path + ".role", $"'{l.Id}' was {WireCode<LesionRole>.Of(atBaseline.Role!.Value)} at baseline; a lesion keeps its role throughout.", WireCode<LesionRole>.Of(atBaseline.Role!.Value));
                if (l.Nodal is { } n && n != atBaseline.Nodal)
                    Error(RecistErrorCodes.LesionChanged, path + ".nodal", $"'{l.Id}' was {(atBaseline.Nodal ? "" : "not ")}nodal at baseline.", atBaseline.Nodal ? "true" : "false");
                if (l.Organ is { } o && (!WireCode<Organ>.TryParse(o, out var org) || org != atBaseline.Organ))
                    Error(RecistErrorCodes.LesionChanged, path + ".organ", $"'{l.Id}' was in {WireCode<Organ>.Of(atBaseline.Organ)} at baseline.", WireCode<Organ>.Of(atBaseline.Organ));
                var followSize = Size(l, atBaseline.Nodal, path);
                LesionStatus? followStatus = l.Status is null ? null : Code<LesionStatus>(l.Status, path + ".status");
                if (atBaseline.Role == LesionRole.Target)
                {
                    if (followStatus is { } fs && (fs != LesionStatus.NotEvaluated || followSize is not null))
                        Error(ErrorCodes.InconsistentFacts, path + ".status", "A target lesion is judged by its size: give its measurement (0 when it has gone), or status not-evaluated without one.", "not-evaluated, or leave status out");
                    if ((atBaseline.Nodal ? l.ShortAxisMm : l.LongestDiameterMm) is null && l.Status is null)
                        Error(ErrorCodes.Required, $"{path}.{(atBaseline.Nodal ? "shortAxisMm" : "longestDiameterMm")}",
                            $"Target lesion {l.Id} has no measurement. Give it (0 mm when it has gone, 5 mm when too small to measure), or status \"not-evaluated\" to make this time point not evaluable.",
                            "a size in mm, or status not-evaluated");
                }
                else if (followStatus is null && l.Status is null)
                {
                    Error(ErrorCodes.Required, path + ".status", $"Non-target lesion {l.Id} needs its status at each follow-up.", WireCode<LesionStatus>.AllowedText);
                }
                result.Add(atBaseline with { SizeMm = followSize, Status = followStatus });
            }
            foreach (var b in baseline)
            {
                if (!ids.Contains(b.Id))
                    Error(RecistErrorCodes.LesionMissing, studyPath + ".lesions",
                        $"Baseline {(b.Role == LesionRole.Target ? "target" : "non-target")} lesion '{b.Id}' is missing from this study. List it with its measurement or status, or with status \"not-evaluated\".",
                        "every baseline lesion in every follow-up study");
            }
            return result;
        }

        /// <summary>A lesion id once used for a new lesion stays a new lesion: it cannot turn up later as a baseline one (the reader already refuses that) or change organ.</summary>
        private void CheckNewLesionsStayNew(List<(int Index, DateOnly Date, Modality? Modality, StudyDto Dto)> read, List<ImagingStudy> studies)
        {
            var seen = new Dictionary<string, LesionObservation>(StringComparer.Ordinal);
            for (var k = 1; k < studies.Count; k++)
            {
                foreach (var l in studies[k].Lesions)
                {
                    if (!l.New) continue;
                    if (seen.TryGetValue(l.Id, out var first) && (first.Organ != l.Organ || first.Nodal != l.Nodal))
                    {
                        var i = read[k].Dto.Lesions!.FindIndex(d => d?.Id == l.Id);
                        Error(RecistErrorCodes.LesionChanged, $"studies[{read[k].Index}].lesions[{i}].organ", $"New lesion '{l.Id}' was first seen in {OrganWords.Of(first.Organ)}{(first.Nodal ? " (nodal)" : "")}; the same id must stay the same lesion.", WireCode<Organ>.Of(first.Organ));
                    }
                    else seen.TryAdd(l.Id, l);
                }
            }
        }

        private LesionDto? Lesion(LesionDto? l, string path, HashSet<string> ids)
        {
            if (l is null)
            {
                Error(ErrorCodes.WrongType, path, "A lesion must be an object.", "an object with id, organ, nodal, role and a size");
                return null;
            }
            if (string.IsNullOrWhiteSpace(l.Id))
            {
                Error(ErrorCodes.Required, path + ".id", "A lesion needs an id that follows it from study to study.", "a label such as L1");
                return null;
            }
            if (!ids.Add(l.Id))
            {
                Error(ErrorCodes.DuplicateValue, path + ".id", $"Lesion id '{l.Id}' appears twice in this study.", "each lesion once per study");
                return null;
            }
            return l;
        }

        private Organ? Organ(LesionDto l, string path)
        {
            if (l.Organ is null)
            {
                Error(ErrorCodes.Required, path + ".organ", $"Lesion {l.Id} needs its organ.", WireCode<Organ>.AllowedText);
                return null;
            }
            var organ = Code<Organ>(l.Organ, path + ".organ");
            if (organ == Response.Organ.Other && string.IsNullOrWhiteSpace(l.OrganDetail))
                Error(ErrorCodes.Required, path + ".organDetail", "organ \"other\" needs organDetail, so that two lesions in one organ count together.", "the organ in words");
            return organ;
        }

        private bool? Nodal(LesionDto l, string path)
        {
            if (l.Nodal is null) Error(ErrorCodes.Required, path + ".nodal", $"Lesion {l.Id}: say whether it is a lymph node (RECIST measures a node by its short axis).", "true or false");
            else if (l.Nodal == false && l.Organ == "lymph-node")
                Error(ErrorCodes.InconsistentFacts, path + ".nodal", "organ lymph-node with nodal false.", "true for a lymph node");
            return l.Nodal;
        }

        /// <summary>The one size RECIST records: the short axis of a node, the longest diameter of anything else.</summary>
        private decimal? Size(LesionDto l, bool nodal, string path)
        {
            if (nodal && l.LongestDiameterMm is not null)
                Error(ErrorCodes.InconsistentFacts, path + ".longestDiameterMm", "A node is measured by its short axis only.", "shortAxisMm for a node");
            if (!nodal && l.ShortAxisMm is not null)
                Error(ErrorCodes.InconsistentFacts, path + ".shortAxisMm", "shortAxisMm is for lymph nodes; a non-nodal lesion is measured by its longest diameter.", "longestDiameterMm");
            var field = nodal ? "shortAxisMm" : "longestDiameterMm";
            if ((nodal ? l.ShortAxisMm : l.LongestDiameterMm) is not { } mm) return null;
            if (mm is >= 0 and <= RecistRules.MaxSizeMm) return mm;
            Error(ErrorCodes.OutOfRange, $"{path}.{field}", $"{mm.ToString(CultureInfo.InvariantCulture)} is outside the physical range of {field}.", "0 to 1000 mm (0 when the lesion has gone)");
            return null;
        }

        private void Unknown(WireObject o, string parent)
        {
            if (o.Unknown is null) return;
            foreach (var name in o.Unknown.Keys)
            {
                var path = parent.Length == 0 ? name : parent + "." + name;
                Error(ErrorCodes.UnknownField, path, $"'{path}' is not a field of the imaging studies; a misspelt field would silently drop a finding.", "the fields of docs/contracts/imaging-studies.md");
            }
        }

        private TEnum? Code<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string code, string path) where TEnum : struct, Enum
        {
            if (WireCode<TEnum>.TryParse(code, out var value)) return value;
            Error(ErrorCodes.InvalidCode, path, $"'{code}' is not an allowed value of {path}.", WireCode<TEnum>.AllowedText);
            return null;
        }

        private DateOnly? Date(string? text, string path)
        {
            if (text is null)
            {
                Error(ErrorCodes.Required, path, "A study needs its date.", "yyyy-mm-dd, e.g. 2026-11-22");
                return null;
            }
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Error(ErrorCodes.InvalidDate, path, $"'{text}' is not an ISO 8601 date.", "yyyy-mm-dd, e.g. 2026-11-22");
            return null;
        }
    }
}

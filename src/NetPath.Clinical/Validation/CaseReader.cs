using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Classification;
using NetPath.Clinical.Staging;

namespace NetPath.Clinical.Validation;

/// <summary>
/// Reads a case from its JSON (contracts/case.md) into the immutable domain <see cref="Case"/>,
/// reporting every problem at once: unknown members, wrong codes, values outside their physical
/// range, and facts that contradict each other. Nothing is defaulted: an absent value stays absent.
/// Checks that need the staging knowledge (a TNM category the size rules out) run afterwards in
/// <see cref="Engine.NetPathEngine"/>.
/// </summary>
public static class CaseReader
{
    /// <summary>The longest tumour.otherSite accepted (an organ's name).</summary>
    public const int MaxOtherSiteLength = 100;
    /// <summary>The longest case id accepted (a clinic's own identifier).</summary>
    public const int MaxCaseIdLength = 100;

    public static CaseReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        CaseDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, CaseJsonContext.Default.CaseDto);
        }
        catch (JsonException ex)
        {
            var first = FromJsonException(ex);
            return first.Code == ErrorCodes.WrongType ? ReadAroundWrongTypes(utf8Json, first) : CaseReadResult.Invalid([first], null);
        }
        return dto is null
            ? CaseReadResult.Invalid([new(ErrorCodes.MalformedJson, "", "The case must be a JSON object, not null.", "a JSON object")], null)
            : FromWire(dto);
    }

    private const int MaxWrongTypes = 64;

    /// <summary>
    /// The deserialiser stops at the first value of the wrong JSON type. To report every error at
    /// once, each such value is set aside (made null) and the case read again, until it deserialises;
    /// then the rest of the case is validated. Errors at a set-aside path are its consequences
    /// (tumour "required" after tumour was a string) and are not repeated.
    /// </summary>
    private static CaseReadResult ReadAroundWrongTypes(ReadOnlySpan<byte> utf8Json, ValidationError first)
    {
        var typeErrors = new List<ValidationError> { first };
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8Json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return CaseReadResult.Invalid([first, FromJsonException(ex)], null);
        }
        while (typeErrors.Count <= MaxWrongTypes && root is not null && SetAside(root, typeErrors[^1].Path))
        {
            try
            {
                var dto = root.Deserialize(CaseJsonContext.Default.CaseDto);
                if (dto is null) break;
                var rest = FromWire(dto).Errors.Where(e => !typeErrors.Exists(t => t.Path == e.Path));
                return CaseReadResult.Invalid([.. typeErrors, .. rest], dto.Id);
            }
            catch (JsonException ex)
            {
                var next = FromJsonException(ex);
                if (typeErrors.Exists(t => t.Path == next.Path)) break;
                typeErrors.Add(next);
                if (next.Code != ErrorCodes.WrongType) break;
            }
        }
        return CaseReadResult.Invalid(typeErrors, null);
    }

    /// <summary>Makes the value at a field path ("history.priorTherapies[0].code") null; false when the path cannot be followed.</summary>
    private static bool SetAside(JsonNode root, string path)
    {
        if (path.Length == 0 || path.Contains('\'', StringComparison.Ordinal)) return false;
        JsonNode? parent = null;
        string? member = null;
        var index = -1;
        var node = root;
        foreach (var segment in path.Split('.'))
        {
            var open = segment.IndexOf('[', StringComparison.Ordinal);
            var name = open < 0 ? segment : segment[..open];
            if (node is not JsonObject o || !o.ContainsKey(name)) return false;
            (parent, member, index, node) = (o, name, -1, o[name]);
            for (var at = open; at >= 0; at = segment.IndexOf('[', at + 1))
            {
                var close = segment.IndexOf(']', at);
                if (close < 0 || node is not JsonArray a
                    || !int.TryParse(segment.AsSpan(at + 1, close - at - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= a.Count)
                    return false;
                (parent, member, index, node) = (a, null, i, a[i]);
            }
        }
        if (node is null) return false;
        if (parent is JsonObject po) po[member!] = null;
        else if (parent is JsonArray pa) pa[index] = null;
        else return false;
        return true;
    }

    public static CaseReadResult Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Validates a case already in its wire form and builds the domain case.</summary>
    public static CaseReadResult FromWire(CaseDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        var v = new Reader();
        var value = v.ReadCase(dto);
        return v.Errors.Count == 0 ? CaseReadResult.Valid(value) : CaseReadResult.Invalid(v.Errors, dto.Id);
    }

    internal static ValidationError FromJsonException(JsonException ex)
    {
        var path = ToFieldPath(ex.Path);
        // A JsonException with a path past the root is a value of the wrong JSON type; without
        // one, the text itself is not JSON.
        var isTypeError = ex.Path is { Length: > 1 } && ex.InnerException is InvalidOperationException or FormatException or null
            && ex.Message.Contains("could not be converted", StringComparison.Ordinal);
        if (ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            return new(ErrorCodes.MalformedJson, path, $"The member '{path}' appears twice.", "each member once");
        return isTypeError
            ? new(ErrorCodes.WrongType, path, $"'{path}' has the wrong type of value.", AllowedTypeFor(path))
            : new(ErrorCodes.MalformedJson, path, "The input is not well-formed JSON: " + FirstSentence(ex.Message), "a JSON object following contracts/case.md");
    }

    private static string AllowedTypeFor(string path)
    {
        var leaf = path[(path.LastIndexOf('.') + 1)..];
        return leaf switch
        {
            "ageYears" or "ecog" or "examined" or "positive" or "tumourCount" or "gastricType" or "krenningScore" => "a whole number",
            _ when leaf.EndsWith("Mm", StringComparison.Ordinal) || leaf.EndsWith("Percent", StringComparison.Ordinal) || leaf.EndsWith('2')
                || leaf.EndsWith("Uln", StringComparison.Ordinal) || leaf.EndsWith("Day", StringComparison.Ordinal) || leaf.Contains("Per", StringComparison.Ordinal) => "a number",
            _ => "the JSON type given in contracts/case.md",
        };
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    /// <summary>"$.tumour.lymphNodes.examined" to "tumour.lymphNodes.examined".</summary>
    private static string ToFieldPath(string? jsonPath) =>
        jsonPath is null or "$" ? "" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    /// <summary>One pass over the wire case, collecting errors as it builds the domain case.</summary>
    private sealed class Reader
    {
        public List<ValidationError> Errors { get; } = [];

        private void Error(string code, string path, string message, string? allowed = null) =>
            Errors.Add(new ValidationError(code, path, message, allowed));

        public Case ReadCase(CaseDto dto)
        {
            Unknown(dto, "");
            if (dto.SchemaVersion is null)
                Error(ErrorCodes.Required, "schemaVersion", "schemaVersion is required.", $"\"{Case.CurrentSchemaVersion}\"");
            else if (dto.SchemaVersion != Case.CurrentSchemaVersion)
                Error(ErrorCodes.UnsupportedSchemaVersion, "schemaVersion", $"schemaVersion \"{dto.SchemaVersion}\" is not supported.", $"\"{Case.CurrentSchemaVersion}\"");
            if (dto.Id is { Length: > MaxCaseIdLength })
                Error(ErrorCodes.OutOfRange, "id", $"id has at most {MaxCaseIdLength} characters.", $"at most {MaxCaseIdLength} characters");

            var patient = ReadPatient(dto.Patient);
            var tumour = ReadTumour(dto.Tumour);
            var imaging = ReadImaging(dto.Imaging);
            var labs = ReadLabs(dto.Labs);
            var history = ReadHistory(dto.History);
            var symptoms = ReadSymptoms(dto.Symptoms);
            var assessmentDate = Date(dto.AssessmentDate, "assessmentDate");

            if (patient.Pregnant == true && patient.Sex == Sex.Male)
                Error(ErrorCodes.InconsistentFacts, "patient.pregnant", "A male patient is recorded as pregnant.", "pregnant only where sex is female, other or absent");
            if (assessmentDate is { } on)
            {
                for (var i = 0; i < history.PriorTherapies.Count; i++)
                {
                    if (history.PriorTherapies[i].StartDate > on)
                        Error(ErrorCodes.DateOrder, $"history.priorTherapies[{i}].startDate", "A prior therapy starts after the assessment date.", "on or before assessmentDate");
                }
            }

            return new Case
            {
                SchemaVersion = dto.SchemaVersion ?? Case.CurrentSchemaVersion,
                Id = dto.Id,
                AssessmentDate = assessmentDate,
                Patient = patient,
                Tumour = tumour ?? new Tumour { PrimarySite = PrimarySite.UnknownPrimary },
                Imaging = imaging,
                Labs = labs,
                History = history,
                Symptoms = symptoms,
            };
        }

        private Patient ReadPatient(PatientDto? p)
        {
            if (p is null) return new Patient();
            Unknown(p, "patient");
            return new Patient
            {
                Sex = Code<Sex>(p.Sex, "patient.sex"),
                AgeYears = IntInRange(p.AgeYears, "patient.ageYears", 0, 120),
                Ecog = IntInRange(p.Ecog, "patient.ecog", 0, 5),
                Pregnant = p.Pregnant,
                Germline = CodeSet<GermlineSyndrome>(p.Germline, "patient.germline"),
            };
        }

        private Tumour? ReadTumour(TumourDto? t)
        {
            if (t is null)
            {
                Error(ErrorCodes.Required, "tumour", "tumour is required.", "an object with at least primarySite");
                return null;
            }
            Unknown(t, "tumour");
            PrimarySite? site = null;
            if (t.PrimarySite is null)
                Error(ErrorCodes.Required, "tumour.primarySite", "tumour.primarySite is required.", WireCode<PrimarySite>.AllowedText);
            else
                site = Code<PrimarySite>(t.PrimarySite, "tumour.primarySite");

            var tumour = new Tumour
            {
                PrimarySite = site ?? PrimarySite.UnknownPrimary,
                OtherSite = string.IsNullOrWhiteSpace(t.OtherSite) ? null : t.OtherSite.Trim(),
                Differentiation = Code<Differentiation>(t.Differentiation, "tumour.differentiation"),
                HistologicType = Code<HistologicType>(t.HistologicType, "tumour.histologicType"),
                Ki67 = Quantity<Ki67Percent>(t.Ki67Percent, "tumour.ki67Percent"),
                Mitoses = Quantity<MitosesPer2mm2>(t.MitosesPer2mm2, "tumour.mitosesPer2mm2"),
                Necrosis = Code<Necrosis>(t.Necrosis, "tumour.necrosis"),
                Size = Quantity<SizeMm>(t.SizeMm, "tumour.sizeMm"),
                Depth = Code<Depth>(t.Depth, "tumour.depth"),
                Invades = CodeSet<InvadedStructure>(t.Invades, "tumour.invades"),
                MesoappendixInvasion = Quantity<InvasionDepthMm>(t.MesoappendixInvasionMm, "tumour.mesoappendixInvasionMm"),
                ParagangliomaType = Code<ParagangliomaType>(t.ParagangliomaType, "tumour.paragangliomaType"),
                GastricType = IntInRange(t.GastricType, "tumour.gastricType", 1, 3),
                TumourCount = IntInRange(t.TumourCount, "tumour.tumourCount", 1, 1000),
                LymphNodes = ReadNodes(t.LymphNodes),
                MainDuctDilatation = t.MainDuctDilatation,
                Metastases = ReadMetastases(t.Metastases),
                LiverTumourBurden = Quantity<Percent>(t.LiverTumourBurdenPercent, "tumour.liverTumourBurdenPercent"),
                LymphovascularInvasion = t.LymphovascularInvasion,
                Resectability = Code<Resectability>(t.Resectability, "tumour.resectability"),
                Resection = ReadResection(t.Resection),
                FunctionalSyndrome = Code<FunctionalSyndrome>(t.FunctionalSyndrome, "tumour.functionalSyndrome"),
                Tnm = ReadTnm(t.Tnm),
                Gapp = ReadGapp(t.Gapp),
            };
            if (site is not null) CheckTumourContradictions(tumour);
            return tumour;
        }

        private LymphNodes ReadNodes(LymphNodesDto? n)
        {
            if (n is null) return new LymphNodes();
            Unknown(n, "tumour.lymphNodes");
            var nodes = new LymphNodes
            {
                Examined = IntInRange(n.Examined, "tumour.lymphNodes.examined", 0, 500),
                Positive = IntInRange(n.Positive, "tumour.lymphNodes.positive", 0, 500),
                MesentericMassOver2cm = n.MesentericMassOver2cm,
            };
            if (nodes is { Examined: { } examined, Positive: { } positive } && positive > examined)
                Error(ErrorCodes.NodesPositiveExceedExamined, "tumour.lymphNodes.positive",
                    $"{positive} positive nodes is more than the {examined} examined.", $"0 to {examined} (lymphNodes.examined)");
            return nodes;
        }

        private Metastases? ReadMetastases(MetastasesDto? m)
        {
            if (m is null) return null;
            Unknown(m, "tumour.metastases");
            return new Metastases { Liver = m.Liver, Extrahepatic = CodeSet<MetastaticSite>(m.Extrahepatic, "tumour.metastases.extrahepatic") };
        }

        private Resection ReadResection(ResectionDto? r)
        {
            if (r is null) return new Resection();
            Unknown(r, "tumour.resection");
            var resection = new Resection { Done = r.Done, Margin = Code<ResectionMargin>(r.Margin, "tumour.resection.margin") };
            if (resection is { Done: false, Margin: not null })
                Error(ErrorCodes.InconsistentFacts, "tumour.resection.margin", "A resection margin is given but resection.done is false.", "a margin only when resection.done is true");
            return resection;
        }

        private TnmCategories ReadTnm(TnmDto? tnm)
        {
            if (tnm is null) return new TnmCategories();
            Unknown(tnm, "tumour.tnm");
            return new TnmCategories
            {
                T = TnmSpelling(tnm.T, "tumour.tnm.t", 'T'),
                N = TnmSpelling(tnm.N, "tumour.tnm.n", 'N'),
                M = TnmSpelling(tnm.M, "tumour.tnm.m", 'M'),
            };
        }

        private string? TnmSpelling(string? value, string path, char prefix)
        {
            if (value is null) return null;
            var trimmed = value.Trim();
            // Clinicians write pT2, cN1, ypT3; the prefix records the source, not the category.
            if (trimmed.Length > 1 && trimmed[0] is 'p' or 'c' or 'y' or 'r' && trimmed[1] is 'T' or 'N' or 'M' or 'p' or 'c')
                trimmed = trimmed.TrimStart('y', 'r', 'p', 'c');
            if (TnmCategory.IsWellFormed(trimmed, prefix)) return trimmed;
            Error(ErrorCodes.InvalidTnmCategory, path, $"'{value}' is not a {prefix} category as AJCC spells it.", TnmCategory.AllowedText(prefix));
            return null;
        }

        private GappFindings ReadGapp(GappDto? g)
        {
            if (g is null) return new GappFindings();
            Unknown(g, "tumour.gapp");
            return new GappFindings
            {
                HistologicPattern = Code<GappHistologicPattern>(g.HistologicPattern, "tumour.gapp.histologicPattern"),
                Cellularity = Code<GappCellularity>(g.Cellularity, "tumour.gapp.cellularity"),
                ComedoNecrosis = g.ComedoNecrosis,
                VascularOrCapsularInvasion = g.VascularOrCapsularInvasion,
                CatecholamineType = Code<CatecholamineType>(g.CatecholamineType, "tumour.gapp.catecholamineType"),
            };
        }

        private void CheckTumourContradictions(Tumour t)
        {
            var site = t.PrimarySite;
            var family = SiteFacts.FamilyOf(site, t.HistologicType, t.ParagangliomaType);

            if (t.Differentiation == Differentiation.Well && t.HistologicType is HistologicType.NecSmallCell or HistologicType.NecLargeCell)
                Error(ErrorCodes.DifferentiationHistology, "tumour.histologicType",
                    $"'{WireCode<HistologicType>.Of(t.HistologicType.Value)}' is poorly differentiated by definition, but differentiation is 'well'.",
                    "net, typical-carcinoid or atypical-carcinoid with well differentiation; nec-* with poor");
            if (t.Differentiation == Differentiation.Poor && t.HistologicType is HistologicType.Net or HistologicType.TypicalCarcinoid or HistologicType.AtypicalCarcinoid)
                Error(ErrorCodes.DifferentiationHistology, "tumour.histologicType",
                    $"'{WireCode<HistologicType>.Of(t.HistologicType.Value)}' is well differentiated by definition, but differentiation is 'poor'.",
                    "nec-small-cell, nec-large-cell or minen with poor differentiation");

            if (t.HistologicType is HistologicType.TypicalCarcinoid or HistologicType.AtypicalCarcinoid && !SiteFacts.IsThoracic(site) && site is not (PrimarySite.UnknownPrimary or PrimarySite.Other))
                Error(ErrorCodes.HistologySite, "tumour.histologicType",
                    $"Typical and atypical carcinoid are thoracic (lung, thymus) types; the site is {WireCode<PrimarySite>.Of(site)}.",
                    "net for digestive and pancreatic NETs");
            if (t.HistologicType == HistologicType.Pheochromocytoma && site != PrimarySite.Adrenal)
                Error(ErrorCodes.HistologySite, "tumour.histologicType", "A pheochromocytoma arises in the adrenal medulla by definition.", "paraganglioma outside the adrenal");
            // Adrenal medulla and paraganglia give rise to pheochromocytoma and paraganglioma (WHO 2022); read as
            // a PPGL, a NET or NEC there would be graded by GAPP and treated as a PPGL.
            if (site is PrimarySite.Adrenal or PrimarySite.ExtraAdrenalParaganglion && t.HistologicType is { } type
                && type is not (HistologicType.Pheochromocytoma or HistologicType.Paraganglioma)
                && type is not (HistologicType.TypicalCarcinoid or HistologicType.AtypicalCarcinoid)) // reported above as thoracic types
                Error(ErrorCodes.HistologySite, "tumour.histologicType",
                    $"'{WireCode<HistologicType>.Of(type)}' does not arise from the adrenal medulla or a paraganglion.",
                    "pheochromocytoma (adrenal) or paraganglioma; a neuroendocrine tumour of another adrenal origin is primarySite 'other' with otherSite");
            if (t.HistologicType == HistologicType.Paraganglioma && site == PrimarySite.Adrenal)
                Error(ErrorCodes.HistologySite, "tumour.histologicType", "An adrenal paraganglioma is a pheochromocytoma (WHO 2022).", "pheochromocytoma for the adrenal");
            // The family, not only the histologic type: an adrenal or paraganglion primary is a PPGL even when no type is given.
            if (family == ClassificationFamily.Ppgl && t.HistologicType is null or HistologicType.Pheochromocytoma or HistologicType.Paraganglioma
                && t.Differentiation is not null and not Differentiation.Unknown)
                Error(ErrorCodes.DifferentiationHistology, "tumour.differentiation", "Differentiation (well or poor) does not apply to pheochromocytoma or paraganglioma; GAPP grades them.", "absent or unknown");
            if (t.ParagangliomaType is not null && site != PrimarySite.ExtraAdrenalParaganglion)
                Error(ErrorCodes.FieldNotForSite, "tumour.paragangliomaType", "paragangliomaType applies only to extra-adrenal-paraganglion.", "absent for this site");
            if (t.GastricType is not null && site != PrimarySite.Stomach)
                Error(ErrorCodes.FieldNotForSite, "tumour.gastricType", "gastricType applies only to a stomach primary.", "absent for this site");
            if (t.MesoappendixInvasion is not null && site != PrimarySite.Appendix)
                Error(ErrorCodes.FieldNotForSite, "tumour.mesoappendixInvasionMm", "mesoappendixInvasionMm applies only to an appendix primary.", "absent for this site");
            // case.md: depth is the deepest layer reached in a luminal organ; the pancreas, lung, thymus,
            // adrenal and paraganglia have no such layers, so a depth there would be dropped unread.
            if (t.Depth is not null && site is PrimarySite.Pancreas or PrimarySite.Lung or PrimarySite.Thymus or PrimarySite.Adrenal or PrimarySite.ExtraAdrenalParaganglion)
                Error(ErrorCodes.FieldNotForSite, "tumour.depth", "depth describes the wall layers of a luminal organ (stomach to rectum, ampulla).", "absent for this site");
            else if (t.Depth is Depth.SphincterOfOddi or Depth.DuodenalSubmucosa && site != PrimarySite.Ampulla)
                Error(ErrorCodes.FieldNotForSite, "tumour.depth", "sphincter-of-oddi and duodenal-submucosa describe ampullary tumours only.", "lamina-propria, submucosa, muscularis-propria, subserosa, serosa");
            if (t.OtherSite is not null && site != PrimarySite.Other)
                Error(ErrorCodes.FieldNotForSite, "tumour.otherSite", "otherSite is only for primarySite 'other'.", "absent unless primarySite is other");
            // The one free-text fact of a case: an organ's name, so short and printable.
            if (t.OtherSite is { Length: > MaxOtherSiteLength })
                Error(ErrorCodes.OutOfRange, "tumour.otherSite", $"otherSite has at most {MaxOtherSiteLength} characters.", $"at most {MaxOtherSiteLength} characters");
            else if (t.OtherSite is { } other && other.Any(c => char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
                Error(ErrorCodes.InvalidCode, "tumour.otherSite", "otherSite cannot hold control or text-direction characters.", "printable text");
            if (t.Gapp.AnyGiven && family != ClassificationFamily.Ppgl)
                Error(ErrorCodes.FieldNotForSite, "tumour.gapp", "GAPP applies only to pheochromocytoma and paraganglioma.", "absent for this tumour");

            if (t.Gapp.CatecholamineType == CatecholamineType.NonFunctioning && t.FunctionalSyndrome == FunctionalSyndrome.CatecholamineExcess)
                Error(ErrorCodes.InconsistentFacts, "tumour.gapp.catecholamineType", "The GAPP catecholamine type is non-functioning, but the syndrome is catecholamine excess.",
                    "adrenergic or noradrenergic with catecholamine excess");
            if (t.Metastases is { Liver: false } && t.LiverTumourBurden is { Value: > 0 })
                Error(ErrorCodes.InconsistentFacts, "tumour.liverTumourBurdenPercent", "A liver tumour burden is given but metastases.liver is false.", "0 or absent when the liver is free");
            if (t.LymphNodes.MesentericMassOver2cm == true && t.LymphNodes is { Positive: 0 })
                Error(ErrorCodes.InconsistentFacts, "tumour.lymphNodes.mesentericMassOver2cm", "A nodal mesenteric mass is recorded but no node was positive.", "false when no node is positive");
        }

        private Imaging ReadImaging(ImagingDto? i)
        {
            if (i is null) return new Imaging();
            Unknown(i, "imaging");
            var sstr = new SstrPet();
            if (i.SstrPet is { } s)
            {
                Unknown(s, "imaging.sstrPet");
                sstr = new SstrPet { Done = s.Done, Positive = s.Positive, KrenningScore = IntInRange(s.KrenningScore, "imaging.sstrPet.krenningScore", 0, 4) };
                if (s.Done == false && (s.Positive is not null || s.KrenningScore is not null))
                    Error(ErrorCodes.InconsistentFacts, "imaging.sstrPet.done", "An SSTR PET result is given but done is false.", "a result only when done is true");
                if (s is { Positive: false, KrenningScore: >= 2 })
                    Error(ErrorCodes.InconsistentFacts, "imaging.sstrPet.krenningScore", $"Krenning {s.KrenningScore} is uptake at or above liver, but positive is false.", "0 or 1 when positive is false");
            }
            var fdg = new FdgPet();
            if (i.FdgPet is { } f)
            {
                Unknown(f, "imaging.fdgPet");
                fdg = new FdgPet { Done = f.Done, Positive = f.Positive };
                if (f is { Done: false, Positive: not null })
                    Error(ErrorCodes.InconsistentFacts, "imaging.fdgPet.done", "An FDG PET result is given but done is false.", "a result only when done is true");
            }
            return new Imaging { SstrPet = sstr, FdgPet = fdg };
        }

        private Labs ReadLabs(LabsDto? l)
        {
            if (l is null) return new Labs();
            Unknown(l, "labs");
            return new Labs
            {
                EgfrMlMin = InRange(l.EgfrMlMin, "labs.egfrMlMin", 0, 250),
                BilirubinXUln = InRange(l.BilirubinXUln, "labs.bilirubinXUln", 0, 100),
                PlateletsPerNl = InRange(l.PlateletsPerNl, "labs.plateletsPerNl", 0, 5000),
                NeutrophilsPerNl = InRange(l.NeutrophilsPerNl, "labs.neutrophilsPerNl", 0, 500),
                HemoglobinGDl = InRange(l.HemoglobinGDl, "labs.hemoglobinGDl", 0, 30),
                AlbuminGL = InRange(l.AlbuminGL, "labs.albuminGL", 0, 80),
                NtProBnpPgMl = InRange(l.NtProBnpPgMl, "labs.ntProBnpPgMl", 0, 200_000),
                ChromograninAXUln = InRange(l.ChromograninAXUln, "labs.chromograninAXUln", 0, 100_000),
                Urine5HiaaMg24h = InRange(l.Urine5HiaaMg24h, "labs.urine5HiaaMg24h", 0, 100_000),
                GastrinXUln = InRange(l.GastrinXUln, "labs.gastrinXUln", 0, 100_000),
                OnPpi = l.OnPpi,
            };
        }

        private History ReadHistory(HistoryDto? h)
        {
            if (h is null) return new History();
            Unknown(h, "history");
            if (h.PriorTherapies is null) return new History();
            var therapies = new List<PriorTherapy>(h.PriorTherapies.Count);
            for (var i = 0; i < h.PriorTherapies.Count; i++)
            {
                var path = $"history.priorTherapies[{i}]";
                if (h.PriorTherapies[i] is not { } p)
                {
                    Error(ErrorCodes.WrongType, path, "A prior therapy must be an object.", "an object with code and outcome");
                    continue;
                }
                Unknown(p, path);
                if (p.Code is null)
                    Error(ErrorCodes.Required, path + ".code", "A prior therapy needs its code.", "a treatment code from contracts/codes.md");
                else if (!CareCodes.IsTreatment(p.Code))
                    Error(ErrorCodes.InvalidCode, path + ".code", $"'{p.Code}' is not a treatment code.", "a treatment code from contracts/codes.md (systemic.ssa, surgery.liver-resection, ...)");
                var start = Date(p.StartDate, path + ".startDate");
                var end = Date(p.EndDate, path + ".endDate");
                if (start is not null && end is not null && end < start)
                    Error(ErrorCodes.DateOrder, path + ".endDate", "The therapy ends before it starts.", "on or after startDate");
                therapies.Add(new PriorTherapy { Code = p.Code ?? "", Outcome = Code<TherapyOutcome>(p.Outcome, path + ".outcome"), StartDate = start, EndDate = end });
            }
            return new History { PriorTherapies = therapies };
        }

        private Symptoms ReadSymptoms(SymptomsDto? s)
        {
            if (s is null) return new Symptoms();
            Unknown(s, "symptoms");
            return new Symptoms
            {
                Present = CodeSet<Symptom>(s.Present, "symptoms.present"),
                DiarrheaPerDay = InRange(s.DiarrheaPerDay, "symptoms.diarrheaPerDay", 0, 100),
                FlushesPerDay = InRange(s.FlushesPerDay, "symptoms.flushesPerDay", 0, 200),
            };
        }

        private void Unknown(WireObject o, string parent)
        {
            if (o.Unknown is null) return;
            foreach (var name in o.Unknown.Keys)
            {
                var path = parent.Length == 0 ? name : parent + "." + name;
                Error(ErrorCodes.UnknownField, path, $"'{path}' is not a field of the case contract; a misspelt field would silently drop a fact.", "the fields of contracts/case.md");
            }
        }

        private TEnum? Code<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string? code, string path)
            where TEnum : struct, Enum
        {
            if (code is null) return null;
            if (WireCode<TEnum>.TryParse(code, out var value)) return value;
            Error(ErrorCodes.InvalidCode, path, $"'{code}' is not an allowed value of {path}.", WireCode<TEnum>.AllowedText);
            return null;
        }

        private EnumSet<TEnum> CodeSet<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(List<string>? codes, string path)
            where TEnum : struct, Enum
        {
            var set = EnumSet<TEnum>.Empty;
            if (codes is null) return set;
            for (var i = 0; i < codes.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (codes[i] is null)
                {
                    Error(ErrorCodes.WrongType, itemPath, "A list item is null.", WireCode<TEnum>.AllowedText);
                    continue;
                }
                if (!WireCode<TEnum>.TryParse(codes[i], out var value))
                {
                    Error(ErrorCodes.InvalidCode, itemPath, $"'{codes[i]}' is not an allowed value of {path}.", WireCode<TEnum>.AllowedText);
                    continue;
                }
                if (set.Contains(value))
                    Error(ErrorCodes.DuplicateValue, itemPath, $"'{codes[i]}' is listed twice.", "each value once");
                set = set.With(value);
            }
            return set;
        }

        private TQuantity? Quantity<TQuantity>(double? value, string path) where TQuantity : struct, IQuantity<TQuantity>
        {
            if (value is not { } v) return null;
            if (TQuantity.IsValid(v)) return TQuantity.FromValidated(v);
            Error(ErrorCodes.OutOfRange, path, $"{v.ToString(CultureInfo.InvariantCulture)} is outside the physical range of {path}.", TQuantity.Allowed);
            return null;
        }

        private double? InRange(double? value, string path, double min, double max)
        {
            if (value is not { } v) return null;
            if (v >= min && v <= max) return v;
            Error(ErrorCodes.OutOfRange, path, $"{v.ToString(CultureInfo.InvariantCulture)} is outside the physical range of {path}.",
                $"{min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        private int? IntInRange(int? value, string path, int min, int max)
        {
            if (value is not { } v) return null;
            if (v >= min && v <= max) return v;
            Error(ErrorCodes.OutOfRange, path, $"{v} is outside the allowed range of {path}.", $"{min} to {max}");
            return null;
        }

        private DateOnly? Date(string? text, string path)
        {
            if (text is null) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Error(ErrorCodes.InvalidDate, path, $"'{text}' is not an ISO 8601 date.", "yyyy-mm-dd, e.g. 2026-11-22");
            return null;
        }
    }
}

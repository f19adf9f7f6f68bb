using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;
using NetPath.Clinical.Cases.Wire;
using NetPath.Clinical.Knowledge;

namespace NetPath.Interop;

/// <summary>Who the exported bundle is about, beyond the case (which holds no identity).</summary>
/// <param name="DisplayName">The patient's name as stored, or null.</param>
/// <param name="BirthDate">The full birth date, or null: the case's age is then written as an Age observation.</param>
/// <param name="RecordNumber">The hospital record number, or null.</param>
public sealed record ExportSubject(string? DisplayName = null, DateOnly? BirthDate = null, string? RecordNumber = null);

/// <summary>
/// Writes a case and its assessment as one FHIR R4 collection Bundle (decisions 0700, 0703): the
/// case's facts per mCODE STU4 where mCODE has a profile (NetPath case-fact Observations for the
/// rest), and the assessment as resources tagged <c>derived</c>: TNM categories and stage group
/// (mCODE, AJCC 8 method), the grade (mCODE HistologicGrade), the plan (CarePlan), what is ruled
/// out (DetectedIssue), and a Provenance naming the knowledge version and its hash. Reading the
/// bundle back gives the same case: derived resources are never read as input.
/// </summary>
public static class FhirExporter
{
    public static Bundle Export(CaseDto wire, Assessment assessment, KnowledgeSet knowledge, DateTimeOffset issued, ExportSubject? subject = null)
    {
        ArgumentNullException.ThrowIfNull(wire);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(knowledge);
        return new Writer(wire, assessment, knowledge, issued, subject ?? new ExportSubject()).Write();
    }

    private sealed class Writer(CaseDto wire, Assessment assessment, KnowledgeSet knowledge, DateTimeOffset issued, ExportSubject subject)
    {
        private readonly Bundle bundle = new() { Type = Bundle.BundleType.Collection };
        private readonly JsonObject facts = (JsonObject)JsonSerializer.SerializeToNode(wire, CaseJsonContext.Default.CaseDto)!;
        private readonly string seed = wire.Id ?? "case";
        private readonly List<ResourceReference> derived = [];
        private readonly string effective = wire.AssessmentDate ?? issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private ResourceReference patient = null!;
        private ResourceReference? primary;

        public Bundle Write()
        {
            bundle.Id = Id("bundle");
            bundle.Timestamp = issued;
            bundle.Identifier = new Identifier(FhirSystems.NetPathBase + "/assessment-bundle", $"{seed}/{knowledge.Version}/{effective}");
            patient = AddPatient();
            primary = AddPrimaryCondition();
            AddMetastases();
            AddPatientObservations();
            AddTumourObservations();
            AddLabs();
            AddCaseFacts();
            AddTherapies();
            var stage = AddStaging();
            var grade = AddGrade();
            AddPlan(stage, grade);
            AddContraindications();
            AddProvenance();
            return bundle;
        }

        // ---- plumbing ----

        /// <summary>A stable id per case and role, so the same assessment exports byte-identical (golden files, idempotent upserts).</summary>
        private string Id(string role)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{knowledge.Version}|{effective}|{role}"));
            return new Guid(hash.AsSpan(0, 16)).ToString("D");
        }

        private ResourceReference Add(Resource r, string role, bool isDerived = false)
        {
            r.Id = Id(role);
            if (isDerived)
            {
                r.Meta ??= new Meta();
                r.Meta.Tag.Add(new Coding(FhirSystems.TagSystem, FhirSystems.DerivedTag, "Concluded by NetPath"));
            }
            var url = "urn:uuid:" + r.Id;
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = url, Resource = r });
            var reference = new ResourceReference(url);
            if (isDerived) derived.Add(reference);
            return reference;
        }

        private static void Profile(Resource r, string profile)
        {
            r.Meta ??= new Meta();
            r.Meta.Profile = [.. r.Meta.Profile ?? [], profile];
        }

        private JsonNode? Fact(string path)
        {
            JsonNode? node = facts;
            foreach (var part in path.Split('.'))
            {
                node = node is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
                if (node is null) return null;
            }
            return node;
        }

        private Observation NewObservation(string system, string code, string display, string? category = null) => new()
        {
            Status = ObservationStatus.Final,
            Category = category is null ? [] : [new CodeableConcept(FhirSystems.ObservationCategory, category)],
            Code = new CodeableConcept(system, code, display, display),
            Subject = patient,
            Effective = new FhirDateTime(effective),
        };

        // ---- the case ----

        private ResourceReference AddPatient()
        {
            var p = new Hl7.Fhir.Model.Patient
            {
                Gender = wire.Patient?.Sex switch
                {
                    "female" => AdministrativeGender.Female,
                    "male" => AdministrativeGender.Male,
                    "other" => AdministrativeGender.Other,
                    _ => null,
                },
            };
            // US Core (under mCODE's CancerPatient) needs a gender, an identifier and a name; a case
            // holds none of them, so what is not known says so (data-absent-reason), never invented.
            p.Gender ??= AdministrativeGender.Unknown;
            if (subject.BirthDate is { } b) p.BirthDate = b.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p.Name.Add(subject.DisplayName is { } name
                ? new HumanName { Text = name }
                : new HumanName { Extension = [new Extension("http://hl7.org/fhir/StructureDefinition/data-absent-reason", new Code("masked"))] });
            p.Identifier.Add(subject.RecordNumber is { } mrn
                ? new Identifier(FhirSystems.NetPathBase + "/record-number", mrn)
                : new Identifier(FhirSystems.NetPathBase + "/case-id", seed));
            Profile(p, FhirSystems.McodeBase + "mcode-cancer-patient");
            return Add(p, "patient");
        }

        private ResourceReference? AddPrimaryCondition()
        {
            if (wire.Tumour?.PrimarySite is not { } siteCode || !WireCode<PrimarySite>.TryParse(siteCode, out var site)) return null;
            var c = new Condition
            {
                ClinicalStatus = new CodeableConcept(FhirSystems.ConditionClinical, "active"),
                VerificationStatus = new CodeableConcept(FhirSystems.ConditionVerification, "confirmed"),
                Category = [new CodeableConcept(FhirSystems.ConditionCategory, "problem-list-item")],
                Code = new CodeableConcept { Text = "Neuroendocrine neoplasm of the " + (site == PrimarySite.Other ? wire.Tumour.OtherSite ?? "other site" : siteCode.Replace('-', ' ')) },
                Subject = patient,
            };
            Profile(c, FhirSystems.McodePrimaryCancerCondition);
            var body = new CodeableConcept { Text = siteCode };
            if (Terminology.TopographyOf(site) is { } topo) body.Coding.Add(new Coding(FhirSystems.IcdO3, topo.Code, topo.Display));
            if (Terminology.SnomedOf(site) is { } sct) body.Coding.Add(new Coding(FhirSystems.Snomed, sct));
            if (body.Coding.Count > 0) c.BodySite.Add(body);
            // The morphology is written only where reading it back gives exactly the case's
            // differentiation and type; otherwise those travel as case facts (decision 0703).
            if (Terminology.MorphologyOf(Parse<HistologicType>(wire.Tumour.HistologicType), Parse<Differentiation>(wire.Tumour.Differentiation)) is { } m
                && MorphologyRoundTrips(m.Code, site))
            {
                c.Extension.Add(new Extension(FhirSystems.McodeHistologyExtension, new CodeableConcept(FhirSystems.IcdO3, m.Code, m.Display)));
                writtenByMorphology = true;
            }
            return Add(c, "primary-condition");
        }

        private bool writtenByMorphology;

        private bool MorphologyRoundTrips(string code, PrimarySite site)
        {
            if (Terminology.FromIcdO3Morphology(code) is not { } read) return false;
            var type = read.Morphology.Type;
            if (site is PrimarySite.Lung or PrimarySite.Thymus && code.StartsWith("8240", StringComparison.Ordinal)) type = HistologicType.TypicalCarcinoid;
            if (site is PrimarySite.Lung or PrimarySite.Thymus && code.StartsWith("8249", StringComparison.Ordinal)) type = HistologicType.AtypicalCarcinoid;
            return Same(read.Morphology.Differentiation, wire.Tumour!.Differentiation) && Same(type, wire.Tumour.HistologicType);
        }

        private static bool Same<T>(T? value, string? wireCode) where T : struct, Enum =>
            value is null ? wireCode is null : wireCode == WireCode<T>.Of(value.Value);

        private static T? Parse<T>(string? code) where T : struct, Enum => WireCode<T>.TryParse(code, out var v) ? v : null;

        private readonly HashSet<string> metastasesAsConditions = new(StringComparer.Ordinal);

        private void AddMetastases()
        {
            if (primary is null || wire.Tumour?.Metastases is not { } m) return;
            var sites = new List<string>();
            if (m.Liver == true) sites.Add("liver");
            sites.AddRange(m.Extrahepatic ?? []);
            foreach (var site in sites)
            {
                if (Terminology.TopographyOfMetastasis(site) is not { } topo) continue;
                var c = new Condition
                {
                    ClinicalStatus = new CodeableConcept(FhirSystems.ConditionClinical, "active"),
                    VerificationStatus = new CodeableConcept(FhirSystems.ConditionVerification, "confirmed"),
                    Category = [new CodeableConcept(FhirSystems.ConditionCategory, "problem-list-item")],
                    Code = new CodeableConcept { Text = "Metastasis of the neuroendocrine neoplasm to the " + topo.Display.Replace(", NOS", "", StringComparison.Ordinal).ToLowerInvariant() },
                    BodySite = [new CodeableConcept(FhirSystems.IcdO3, topo.Code, topo.Display, null)],
                    Subject = patient,
                };
                c.Extension.Add(new Extension(FhirSystems.ConditionRelatedExtension, primary));
                Profile(c, FhirSystems.McodeSecondaryCancerCondition);
                Add(c, "metastasis-" + site);
                metastasesAsConditions.Add(site);
            }
        }

        private void AddPatientObservations()
        {
            var p = wire.Patient;
            if (p is null) return;
            if (p.AgeYears is { } age && subject.BirthDate is null)
            {
                var o = NewObservation(FhirSystems.Loinc, "30525-0", "Age");
                o.Value = new Quantity(age, "a", FhirSystems.Ucum) { Unit = "years" };
                Add(o, "age");
            }
            if (p.Ecog is { } ecog)
            {
                var o = NewObservation(FhirSystems.Loinc, "89247-1", "ECOG Performance Status score", "survey");
                o.Value = new Integer(ecog);
                Profile(o, FhirSystems.McodeEcog);
                Add(o, "ecog");
            }
            if (p.Pregnant is { } pregnant)
            {
                var o = NewObservation(FhirSystems.Loinc, "82810-3", "Pregnancy status", "social-history");
                o.Value = pregnant ? new CodeableConcept(FhirSystems.Snomed, "77386006", "Pregnant", null) : new CodeableConcept(FhirSystems.Snomed, "60001007", "Not pregnant", null);
                Profile(o, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-pregnancystatus");
                Add(o, "pregnancy");
            }
        }

        private void AddTumourObservations()
        {
            var t = wire.Tumour;
            if (t is null) return;
            if (t.SizeMm is { } size)
            {
                var o = NewObservation(FhirSystems.Loinc, "21889-1", "Size Tumor");
                o.Component.Add(new Observation.ComponentComponent
                {
                    Code = new CodeableConcept(FhirSystems.Loinc, "33728-7", "Size.maximum dimension in Tumor", null),
                    Value = new Quantity((decimal)size, "mm", FhirSystems.Ucum) { Unit = "mm" },
                });
                if (AddTumour() is { } tumour) o.Focus.Add(tumour);
                Profile(o, FhirSystems.McodeTumorSize);
                Add(o, "tumour-size");
            }
            if (t.LymphNodes?.Examined is { } examined)
            {
                var o = NewObservation(FhirSystems.Loinc, "92833-3", "Lymph nodes examined [#] in Cancer specimen by Light microscopy", "laboratory");
                o.Value = new Integer(examined);
                Add(o, "nodes-examined");
            }
            if (t.Tnm is { } tnm)
            {
                if (tnm.T is { } tc) AddCategory('T', tc, "clinician-t", isDerived: false);
                if (tnm.N is { } nc) AddCategory('N', nc, "clinician-n", isDerived: false);
                if (tnm.M is { } mc) AddCategory('M', mc, "clinician-m", isDerived: false);
            }
        }

        /// <summary>The primary tumour as an mCODE Tumor BodyStructure: what mCODE's TumorSize is measured on.</summary>
        private ResourceReference? AddTumour()
        {
            if (primary is null || bundle.Entry.Select(e => e.Resource).OfType<Condition>().FirstOrDefault()?.BodySite.FirstOrDefault() is not { } location) return null;
            var tumour = new BodyStructure
            {
                Identifier = [new Identifier(FhirSystems.NetPathBase + "/tumour", seed + "/primary") { Use = Identifier.IdentifierUse.Usual, Type = new CodeableConcept("http://hl7.org/fhir/resource-types", "BodyStructure") }],
                Location = (CodeableConcept)location.DeepCopy(),
                Description = "Primary tumour",
                Patient = patient,
            };
            tumour.Extension.Add(new Extension(FhirSystems.McodeBase + "mcode-related-condition", primary));
            Profile(tumour, FhirSystems.McodeBase + "mcode-tumor");
            return Add(tumour, "tumour");
        }

        private ResourceReference AddCategory(char letter, string value, string role, bool isDerived)
        {
            var pathological = value.StartsWith('p');
            var (code, display, profile) = letter switch
            {
                'T' => pathological ? ("384625004", "pT category", FhirSystems.McodeTnmT) : ("399504009", "cT category", FhirSystems.McodeTnmT),
                'N' => pathological ? ("371494008", "pN category", FhirSystems.McodeTnmN) : ("399534004", "cN category", FhirSystems.McodeTnmN),
                _ => pathological ? ("371497001", "pM category", FhirSystems.McodeTnmM) : ("399387003", "cM category", FhirSystems.McodeTnmM),
            };
            if (isDerived) (code, display) = letter switch { 'T' => ("78873005", "T category"), 'N' => ("277206009", "N category"), _ => ("277208005", "M category") };
            var o = NewObservation(FhirSystems.Snomed, code, display, "exam");
            o.Value = new CodeableConcept(FhirSystems.Ajcc, value, null, value);
            o.Method = Ajcc8();
            if (primary is not null && isDerived) o.Focus.Add(primary);
            Profile(o, profile);
            return Add(o, role, isDerived);
        }

        private static CodeableConcept Ajcc8() => new(FhirSystems.Snomed, FhirSystems.Ajcc8Method,
            "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system (tumor staging)", null);

        private static readonly (string Field, string Loinc, string Display, string Unit)[] LabCodes =
        [
            ("egfrMlMin", "98979-8", "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", "mL/min/{1.73_m2}"),
            ("plateletsPerNl", "777-3", "Platelets [#/volume] in Blood by Automated count", "10*9/L"),
            ("neutrophilsPerNl", "751-8", "Neutrophils [#/volume] in Blood by Automated count", "10*9/L"),
            ("hemoglobinGDl", "718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL"),
            ("albuminGL", "1751-7", "Albumin [Mass/volume] in Serum or Plasma", "g/L"),
            ("ntProBnpPgMl", "33762-6", "Natriuretic peptide.B prohormone N-Terminal [Mass/volume] in Serum or Plasma", "pg/mL"),
            ("urine5HiaaMg24h", "1695-6", "5-Hydroxyindoleacetate [Mass/time] in 24 hour Urine", "mg/(24.h)"),
        ];

        private void AddLabs()
        {
            foreach (var (field, loinc, display, unit) in LabCodes)
            {
                if (Fact("labs." + field) is not JsonValue v) continue;
                var o = NewObservation(FhirSystems.Loinc, loinc, display, "laboratory");
                o.Value = new Quantity((decimal)v.GetValue<double>(), unit, FhirSystems.Ucum) { Unit = unit };
                Profile(o, "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab");
                Add(o, "lab-" + field);
            }
        }

        private void AddCaseFacts()
        {
            foreach (var fact in CaseFacts.All)
            {
                var node = Fact(fact.Path);
                if (node is null) continue;
                if (fact.Path is "tumour.differentiation" or "tumour.histologicType" && writtenByMorphology) continue;
                if (fact.Path == "tumour.metastases.liver" && node.GetValue<bool>() && metastasesAsConditions.Contains("liver")) continue;
                if (fact.Kind == FactKind.CodeList)
                {
                    foreach (var item in node.AsArray())
                    {
                        var code = item!.GetValue<string>();
                        if (fact.Path == "tumour.metastases.extrahepatic" && metastasesAsConditions.Contains(code)) continue;
                        var o = NewObservation(FhirSystems.CaseFactSystem, fact.Path, fact.Display);
                        o.Value = new CodeableConcept(FhirSystems.CaseValueSystem, code, null, code);
                        Add(o, $"fact-{fact.Path}-{code}");
                    }
                    continue;
                }
                var obs = NewObservation(FhirSystems.CaseFactSystem, fact.Path, fact.Display, fact.Path.StartsWith("labs.", StringComparison.Ordinal) ? "laboratory" : null);
                obs.Value = fact.Kind switch
                {
                    FactKind.Flag => new FhirBoolean(node.GetValue<bool>()),
                    FactKind.Count => new Integer(node.GetValue<int>()),
                    FactKind.Number => new Quantity((decimal)node.GetValue<double>(), fact.Unit!, FhirSystems.Ucum) { Unit = fact.Unit },
                    FactKind.Text => new FhirString(node.GetValue<string>()),
                    _ => new CodeableConcept(FhirSystems.CaseValueSystem, node.GetValue<string>(), null, node.GetValue<string>()),
                };
                Add(obs, "fact-" + fact.Path);
            }
        }

        private void AddTherapies()
        {
            var list = wire.History?.PriorTherapies ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not { Code: { } code } t) continue;
                var concept = new CodeableConcept(FhirSystems.CareCodeSystem, code, CareCodes.TryGet(code, out var cc) ? cc.Meaning : null, null);
                if (Terminology.AtcOf(code) is { } atc) concept.Coding.Add(new Coding(FhirSystems.Atc, atc));
                var period = new Period { Start = t.StartDate, End = t.EndDate };
                DomainResource r;
                var category = CareCodes.TryGet(code, out var c) ? c.Category : "";
                if (category is "surgery" or "liver-directed" or "radiation" or "surveillance")
                {
                    r = new Procedure
                    {
                        Status = t.Outcome == "ongoing" ? EventStatus.InProgress : EventStatus.Completed,
                        Code = concept,
                        Subject = patient,
                        Performed = t.StartDate is null && t.EndDate is null ? null : period,
                    };
                }
                else
                {
                    r = new MedicationStatement
                    {
                        Status = t.Outcome == "ongoing" ? MedicationStatement.MedicationStatusCodes.Active : MedicationStatement.MedicationStatusCodes.Completed,
                        Medication = concept,
                        Subject = patient,
                        Effective = t.StartDate is null && t.EndDate is null ? null : period,
                    };
                }
                // "ongoing" is carried by the status; any other outcome by NetPath's extension.
                if (t.Outcome is { } outcome && outcome != "ongoing") r.Extension.Add(new Extension(FhirSystems.TherapyOutcomeExtension, new Code(outcome)));
                Add(r, $"therapy-{i}");
            }
        }

        // ---- the assessment ----

        private ResourceReference? AddStaging()
        {
            var ajcc = assessment.Staging.FirstOrDefault(s => s.System == "AJCC8");
            if (ajcc is null || primary is null) return null;
            var members = new List<ResourceReference>();
            if (ajcc.T is { } t) members.Add(AddCategory('T', t, "stage-t", isDerived: true));
            if (ajcc.N is { } n) members.Add(AddCategory('N', n, "stage-n", isDerived: true));
            if (ajcc.M is { } m) members.Add(AddCategory('M', m, "stage-m", isDerived: true));
            if (ajcc.Group is not { } group) return members.FirstOrDefault();
            var o = NewObservation(FhirSystems.Snomed, "399390009", "TNM stage grouping", "exam");
            o.Value = new CodeableConcept(FhirSystems.Ajcc, group, null, "Stage " + group);
            o.Method = Ajcc8();
            o.Focus.Add(primary);
            o.HasMember.AddRange(members);
            if (ajcc.Chapter is { } chapter) o.Note.Add(new Annotation { Text = chapter + (ajcc.Basis.Count > 0 ? ". " + string.Join(" ", ajcc.Basis) : "") });
            Profile(o, FhirSystems.McodeStageGroup);
            return Add(o, "stage-group", isDerived: true);
        }

        private ResourceReference? AddGrade()
        {
            var g = assessment.Grade;
            // WHO 2019/2021 name G1 low, G2 intermediate and G3/NEC high grade (decision 0703).
            var (code, display) = g.Value switch
            {
                GradeValue.G1 or GradeValue.TypicalCarcinoid => ("1155708003", "Low histologic grade"),
                GradeValue.G2 or GradeValue.AtypicalCarcinoid => ("1286893008", "Intermediate histologic grade"),
                GradeValue.G3 or GradeValue.Nec or GradeValue.HighGradeCarcinoma => ("1155707008", "High histologic grade"),
                _ => (null, null),
            };
            if (code is null) return null;
            var text = WireCode<GradeValue>.Of(g.Value);
            var o = NewObservation("http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl", "C18000", "Histologic Grade", "laboratory");
            o.Value = new CodeableConcept(FhirSystems.Snomed, code, display, $"{text} ({WireCode<GradeSystem>.Of(g.System)})");
            o.Method = new CodeableConcept(FhirSystems.Snomed, "1149430001", "World Health Organization classification of tumors histologic grading system fifth edition", null);
            if (g.Basis.Count > 0) o.Note.Add(new Annotation { Text = string.Join(" ", g.Basis) });
            if (primary is not null) o.Focus.Add(primary);
            Profile(o, FhirSystems.McodeBase + "mcode-histologic-grade");
            return Add(o, "grade", isDerived: true);
        }

        private void AddPlan(ResourceReference? stage, ResourceReference? grade)
        {
            var plan = new CarePlan
            {
                Status = RequestStatus.Active,
                Intent = CarePlan.CarePlanIntent.Proposal,
                Title = "NetPath plan",
                Subject = patient,
                Created = effective,
                Description = $"Work-up, treatment options and follow-up from NetPath knowledge {knowledge.Version}, for the clinician and the tumour board to decide on.",
            };
            if (primary is not null) plan.Addresses.Add(primary);
            if (stage is not null) plan.SupportingInfo.Add(stage);
            if (grade is not null) plan.SupportingInfo.Add(grade);
            foreach (var r in assessment.Recommendations)
            {
                var activity = Activity(r.Code, r.Rationale);
                activity.Extension.Add(new Extension(FhirSystems.StrengthExtension, new Code(WireCode<Strength>.Of(r.Strength))));
                activity.Extension.Add(new Extension(FhirSystems.NetPathBase + "/StructureDefinition/recommendation-intent", new Code(WireCode<Intent>.Of(r.Intent))));
                foreach (var e in r.Evidence)
                    activity.Extension.Add(new Extension(FhirSystems.EvidenceExtension, new FhirString($"{e.Source} ({WireCode<EvidenceKind>.Of(e.Kind)})")));
                foreach (var caution in r.Cautions) activity.Progress.Add(new Annotation { Text = "Caution: " + caution });
                plan.Activity.Add(activity);
            }
            foreach (var w in assessment.Workup) plan.Activity.Add(Activity(w.Code, w.Reason));
            foreach (var f in assessment.FollowUp)
            {
                var detail = new CarePlan.DetailComponent
                {
                    Kind = CarePlan.CarePlanActivityKind.ServiceRequest,
                    Code = new CodeableConcept { Text = f.Test },
                    Status = CarePlan.CarePlanActivityStatus.Scheduled,
                    Description = f.Note ?? f.Test,
                };
                if (f.EveryMonths is { } months)
                {
                    var repeat = new Timing.RepeatComponent { Frequency = 1, Period = (decimal)months, PeriodUnit = Timing.UnitsOfTime.Mo };
                    if (f.ForYears is { } years) repeat.Bounds = new Duration { Value = years, Code = "a", System = FhirSystems.Ucum, Unit = "years" };
                    detail.Scheduled = new Timing { Repeat = repeat };
                }
                var activity = new CarePlan.ActivityComponent { Detail = detail };
                if (f.Source is { } source) activity.Extension.Add(new Extension(FhirSystems.EvidenceExtension, new FhirString(source)));
                plan.Activity.Add(activity);
            }
            foreach (var missing in assessment.MissingData) plan.Note.Add(new Annotation { Text = $"Missing: {missing.Field}. {missing.Why}" });
            foreach (var warning in assessment.Warnings) plan.Note.Add(new Annotation { Text = $"Warning: {warning.Message}" });
            Add(plan, "care-plan", isDerived: true);
        }

        private static CarePlan.ActivityComponent Activity(string code, string why) => new()
        {
            Detail = new CarePlan.DetailComponent
            {
                Kind = code.StartsWith("workup.", StringComparison.Ordinal) ? CarePlan.CarePlanActivityKind.ServiceRequest : null,
                Code = new CodeableConcept(FhirSystems.CareCodeSystem, code, CareCodes.TryGet(code, out var c) ? c.Meaning : null, null),
                Status = CarePlan.CarePlanActivityStatus.NotStarted,
                Description = why,
            },
        };

        private void AddContraindications()
        {
            foreach (var c in assessment.Contraindicated)
            {
                var issue = new DetectedIssue
                {
                    Status = ObservationStatus.Final,
                    Code = new CodeableConcept(FhirSystems.CareCodeSystem, c.Code, CareCodes.TryGet(c.Code, out var cc) ? cc.Meaning : null, "Ruled out: " + (cc?.Meaning ?? c.Code)),
                    Severity = DetectedIssue.DetectedIssueSeverity.High,
                    Patient = patient,
                    Identified = new FhirDateTime(effective),
                    Detail = c.Reason,
                };
                // DetectedIssue.reference is a URI; NetPath's sources are citations, so they travel as evidence text.
                if (c.Source is { } source) issue.Extension.Add(new Extension(FhirSystems.EvidenceExtension, new FhirString(source)));
                Add(issue, "contraindication-" + c.Code, isDerived: true);
            }
        }

        private void AddProvenance()
        {
            var device = new Device
            {
                DeviceName = [new Device.DeviceNameComponent { Name = "NetPath", Type = DeviceNameType.ManufacturerName }],
                Version = [new Device.VersionComponent { Value = knowledge.Version, Type = new CodeableConcept { Text = "knowledge version" } }],
            };
            var who = Add(device, "device", isDerived: true);
            var provenance = new Provenance
            {
                Target = [.. derived],
                Recorded = issued,
                Activity = new CodeableConcept(FhirSystems.ProvenanceActivity, "CREATE", "create", null),
                Agent = [new Provenance.AgentComponent { Who = who, Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler", null) }],
                Entity =
                [
                    new Provenance.EntityComponent
                    {
                        Role = Provenance.ProvenanceEntityRole.Source,
                        What = new ResourceReference
                        {
                            Identifier = new Identifier(FhirSystems.NetPathBase + "/knowledge", knowledge.Version),
                            Display = $"NetPath knowledge {knowledge.Version} (SHA-256 {knowledge.ContentHash})",
                        },
                        Extension = [new Extension(FhirSystems.KnowledgeHashExtension, new FhirString(knowledge.ContentHash))],
                    },
                ],
            };
            Add(provenance, "provenance", isDerived: true);
        }
    }
}

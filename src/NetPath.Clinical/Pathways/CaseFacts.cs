using NetPath.Clinical.Assessments;
using NetPath.Clinical.Cases;

namespace NetPath.Clinical.Pathways;

/// <summary>
/// The facts of one case as the pathway rules read them, derived once per assessment. Every
/// derived fact is three-valued: absent input stays unknown (NetPath conventions, "never guess").
/// </summary>
public sealed class CaseFacts
{
    internal CaseFacts(ClinicalPicture picture, int codeCount)
    {
        Picture = picture;
        Case = picture.Case;
        Tumour = picture.Case.Tumour;
        Grade = picture.Grade.Value;
        Recommended = new bool[codeCount];
        var lines = 0;
        var beyondSsa = 0;
        var progressed = false;
        var therapies = Case.History.PriorTherapies;
        for (var i = 0; i < therapies.Count; i++)
        {
            var p = therapies[i];
            if (p.Outcome == TherapyOutcome.Progression) progressed = true;
            if (!p.Code.StartsWith("systemic.", StringComparison.Ordinal) || SeenBefore(therapies, i)) continue;
            lines++;
            if (p.Code != "systemic.ssa") beyondSsa++;
        }
        PriorSystemicLines = lines;
        LinesBeyondSsa = beyondSsa;
        AnyProgression = progressed;
        ProgressingNow = progressed ? LatestOutcomeIsProgression(therapies) : Tri.False;
        ControlledAfterCourse = ControlledAfterCompletedCourse(therapies, ProgressingNow);
    }

    public ClinicalPicture Picture { get; }
    public Case Case { get; }
    public Tumour Tumour { get; }
    public GradeValue Grade { get; }

    /// <summary>Codes recommended so far (indexed like <see cref="CareCodes.All"/>), for second-phase rules.</summary>
    internal bool[] Recommended { get; }

    /// <summary>Distinct systemic therapies already given (each counts as one line).</summary>
    public int PriorSystemicLines { get; }
    public int LinesBeyondSsa { get; }
    public bool AnyProgression { get; }

    /// <summary>
    /// The disease is progressing now: some recorded progression has no later course with
    /// response or stable disease. Unknown when the dates cannot order them (docs/decisions/0210).
    /// </summary>
    public Tri ProgressingNow { get; }

    /// <summary>
    /// Disease controlled after a completed course: not progressing now, a course of anticancer drugs
    /// or PRRT (not an analogue, which is given continuously) ended with response or stable disease,
    /// and none is running now. The next line waits for progression (docs/decisions/0210).
    /// </summary>
    public Tri ControlledAfterCourse { get; }

    private static Tri ControlledAfterCompletedCourse(IReadOnlyList<PriorTherapy> therapies, Tri progressingNow)
    {
        var completedWithControl = false;
        foreach (var p in therapies)
        {
            if (!p.Code.StartsWith("systemic.", StringComparison.Ordinal) || p.Code == "systemic.ssa") continue;
            if (p.EndDate is null && p.Outcome is not (TherapyOutcome.Progression or TherapyOutcome.Intolerance)) return Tri.False;
            if (p.EndDate is not null && p.Outcome is TherapyOutcome.Response or TherapyOutcome.Stable) completedWithControl = true;
        }
        return completedWithControl ? TriOps.Not(progressingNow) : Tri.False;
    }

    internal static Tri LatestOutcomeIsProgression(IReadOnlyList<PriorTherapy> therapies)
    {
        var unsettled = false;
        foreach (var progression in therapies)
        {
            if (progression.Outcome != TherapyOutcome.Progression) continue;
            var superseded = Tri.False;
            foreach (var control in therapies)
            {
                if (control.Outcome is not (TherapyOutcome.Response or TherapyOutcome.Stable)) continue;
                superseded = ControlCameAfter(control, progression) switch
                {
                    Tri.True => Tri.True,
                    Tri.Unknown when superseded == Tri.False => Tri.Unknown,
                    _ => superseded,
                };
                if (superseded == Tri.True) break;
            }
            if (superseded == Tri.False) return Tri.True;
            if (superseded == Tri.Unknown) unsettled = true;
        }
        return unsettled ? Tri.Unknown : Tri.False;
    }

    // A course ends at its progression, so its end date dates the progression. Control supersedes
    // it only when known to come later: a course begun on or after that date, or one that ended
    // later with response or stable disease. List order is not taken as time (never guess).
    private static Tri ControlCameAfter(PriorTherapy control, PriorTherapy progression)
    {
        if (progression.EndDate is { } progressed)
        {
            if (control.StartDate is { } start && start >= progressed) return Tri.True;
            if (control.EndDate is { } end) return TriOps.Of(end > progressed);
            // Still running and begun before the progression: its outcome may be the older news.
            return control.StartDate is null ? Tri.Unknown : Tri.False;
        }
        if (progression.StartDate is { } began && control.EndDate is { } ended && ended <= began) return Tri.False;
        return Tri.Unknown;
    }

    private static bool SeenBefore(IReadOnlyList<PriorTherapy> therapies, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (therapies[j].Code == therapies[index].Code) return true;
        }
        return false;
    }

    /// <summary>Well-differentiated NET. PPGL are neither NET nor NEC in this sense: false for both.</summary>
    public Tri WellDifferentiated => Picture.Classification.Family == ClassificationFamily.Ppgl ? Tri.False : Picture.Classification.Differentiation switch
    {
        Differentiation.Well => Tri.True,
        Differentiation.Poor => Tri.False,
        // PPGL and well-differentiated thoracic carcinoids carry no WHO differentiation field.
        _ => Grade is GradeValue.TypicalCarcinoid or GradeValue.AtypicalCarcinoid or GradeValue.G1 or GradeValue.G2 ? Tri.True
            : Grade is GradeValue.Nec or GradeValue.HighGradeCarcinoma ? Tri.False : Tri.Unknown,
    };

    /// <summary>NEC or thoracic high-grade carcinoma: poorly differentiated by morphology or grade.</summary>
    public Tri Nec => Picture.Classification.Family == ClassificationFamily.Ppgl ? Tri.False : Grade is GradeValue.Nec or GradeValue.HighGradeCarcinoma || Picture.Classification.Differentiation == Differentiation.Poor
        ? Tri.True
        : WellDifferentiated == Tri.True ? Tri.False : Tri.Unknown;

    public Tri Functioning => Tumour.FunctionalSyndrome is { } s ? TriOps.Of(s != FunctionalSyndrome.None) : Tri.Unknown;

    public Tri Metastatic
    {
        get
        {
            if (Tumour.Metastases is not { } m) return Tri.Unknown;
            if (m.IsPresent) return Tri.True;
            return m.IsKnownAbsent ? Tri.False : Tri.Unknown;
        }
    }

    public Tri LiverMetastases => Tumour.Metastases is { } m ? TriOps.Of(m.Liver) : Tri.Unknown;

    public Tri ExtrahepaticMetastases => Tumour.Metastases is { } m ? TriOps.Of(!m.Extrahepatic.IsEmpty) : Tri.Unknown;

    public Tri LiverOnly => Tumour.Metastases is { } m
        ? m.Liver switch { true => TriOps.Of(m.Extrahepatic.IsEmpty), false => Tri.False, null => m.Extrahepatic.IsEmpty ? Tri.Unknown : Tri.False }
        : Tri.Unknown;

    private static readonly EnumSet<MetastaticSite> LimitedExtrahepatic = EnumSet<MetastaticSite>.Of(MetastaticSite.Bone, MetastaticSite.DistantLymphNodes);

    /// <summary>Liver metastases with extrahepatic disease limited to bone or distant nodes (RETNET liver-dominant definition).</summary>
    public Tri LiverDominant
    {
        get
        {
            if (Tumour.Metastases is not { } m || m.Liver is null) return Tri.Unknown;
            if (m.Liver == false) return Tri.False;
            foreach (var site in m.Extrahepatic)
            {
                if (!LimitedExtrahepatic.Contains(site)) return Tri.False;
            }
            return Tri.True;
        }
    }

    public Tri MetastasisAt(MetastaticSite site) => Tumour.Metastases is { } m
        ? (m.Extrahepatic.Contains(site) ? Tri.True : m.Liver is null && m.Extrahepatic.IsEmpty ? Tri.Unknown : Tri.False)
        : Tri.Unknown;

    /// <summary>
    /// Nodal disease from pathology counts, a mesenteric mass or a clinician's N. A count of 0 positive
    /// nodes reads as node-negative unless no node was examined (docs/decisions/0201).
    /// </summary>
    public Tri NodePositive
    {
        get
        {
            var n = Tumour.LymphNodes;
            if (n.Positive is > 0 || n.MesentericMassOver2cm == true) return Tri.True;
            var clinicalN = Tumour.Tnm.N;
            if (clinicalN is not null && (clinicalN.StartsWith("N1", StringComparison.Ordinal) || clinicalN.StartsWith("N2", StringComparison.Ordinal))) return Tri.True;
            // "0 of 0 examined" says nothing about the nodes.
            if (n.Positive == 0 && n.Examined is not 0 || clinicalN == "N0") return Tri.False;
            return Tri.Unknown;
        }
    }

    public Tri Resectable => Tumour.Resectability switch
    {
        Resectability.Resectable => Tri.True,
        Resectability.Unresectable or Resectability.Borderline => Tri.False,
        _ => Tri.Unknown,
    };

    public Tri Unresectable => Tumour.Resectability switch
    {
        Resectability.Unresectable => Tri.True,
        Resectability.Resectable or Resectability.Borderline => Tri.False,
        _ => Tri.Unknown,
    };

    /// <summary>Metastatic or unresectable. Localised disease not called unresectable is not advanced.</summary>
    public Tri Advanced
    {
        get
        {
            if (Metastatic == Tri.True || Unresectable == Tri.True) return Tri.True;
            return Metastatic == Tri.False ? Tri.False : Tri.Unknown;
        }
    }

    /// <summary>Resected only when the case says so: an absent resection reads as none done (docs/decisions/0201).</summary>
    public Tri Resected => TriOps.Of(Tumour.Resection.Done == true);

    /// <summary>
    /// Pregnancy as given; a man, or a woman of 55 or more, is taken as not pregnant
    /// (docs/decisions/0202); otherwise unknown.
    /// </summary>
    public Tri Pregnant
    {
        get
        {
            if (Case.Patient.Pregnant is { } p) return TriOps.Of(p);
            if (Case.Patient.Sex == Sex.Male || Case.Patient.AgeYears is >= 55) return Tri.False;
            return Tri.Unknown;
        }
    }

    public Tri SstrPositive
    {
        get
        {
            var s = Case.Imaging.SstrPet;
            if (s.Positive is { } p) return TriOps.Of(p);
            if (s.KrenningScore is { } k) return TriOps.Of(k >= 2);
            return Tri.Unknown;
        }
    }

    /// <summary>Done when the case says so or reports a result; otherwise not done (a scan is recorded when done).</summary>
    public Tri SstrDone => TriOps.Of(Case.Imaging.SstrPet.Done == true || Case.Imaging.SstrPet.Positive is not null || Case.Imaging.SstrPet.KrenningScore is not null);

    public Tri FdgPositive => TriOps.Of(Case.Imaging.FdgPet.Positive);

    public Tri FdgDone => TriOps.Of(Case.Imaging.FdgPet.Done == true || Case.Imaging.FdgPet.Positive is not null);

    /// <summary>False only for an unknown grade (PPGL carry no WHO grade: not-applicable counts as known).</summary>
    public Tri GradeKnown => TriOps.Of(Grade is not GradeValue.Unknown);

    /// <summary>A named hormone syndrome (not none, other or unknown).</summary>
    public Tri NamedSyndrome => TriOps.Of(Tumour.FunctionalSyndrome is { } s && s is not (FunctionalSyndrome.None or FunctionalSyndrome.Other));

    public bool Tried(string code) => Find(code, null);

    public bool ProgressedOn(string code) => Find(code, TherapyOutcome.Progression);

    public bool IntolerantOf(string code) => Find(code, TherapyOutcome.Intolerance);

    /// <summary>A course of this therapy recorded with response or stable disease, whatever came after.</summary>
    public bool RespondedTo(string code) => Find(code, TherapyOutcome.Response) || Find(code, TherapyOutcome.Stable);

    /// <summary>Currently on it and working: given without an end date, outcome ongoing, stable, response or not stated.</summary>
    public bool On(string code)
    {
        foreach (var p in Case.History.PriorTherapies)
        {
            if (p.Code == code && p.Outcome is null or TherapyOutcome.Ongoing or TherapyOutcome.Stable or TherapyOutcome.Response && p.EndDate is null) return true;
        }
        return false;
    }

    private static readonly EnumSet<Symptom> SyndromeSymptoms = EnumSet<Symptom>.Of(Symptom.Flushing, Symptom.Diarrhea, Symptom.Wheezing,
        Symptom.Hypoglycemia, Symptom.PepticUlcer, Symptom.Rash, Symptom.Hyperglycemia, Symptom.Cushingoid, Symptom.Hypertension, Symptom.Palpitations);

    /// <summary>A hormone syndrome with its symptoms still present after a somatostatin analogue was given.</summary>
    public Tri RefractorySyndrome => Functioning == Tri.True
        ? TriOps.Of(Tried("systemic.ssa") && Case.Symptoms.Present.Overlaps(SyndromeSymptoms))
        : Functioning;

    private bool Find(string code, TherapyOutcome? outcome)
    {
        foreach (var p in Case.History.PriorTherapies)
        {
            if (p.Code == code && (outcome is null || p.Outcome == outcome)) return true;
        }
        return false;
    }

    /// <summary>The 1-based position of a systemic therapy among the distinct ones given, or 0.</summary>
    internal int LineOf(string code)
    {
        var line = 0;
        var therapies = Case.History.PriorTherapies;
        for (var i = 0; i < therapies.Count; i++)
        {
            if (!therapies[i].Code.StartsWith("systemic.", StringComparison.Ordinal) || SeenBefore(therapies, i)) continue;
            line++;
            if (therapies[i].Code == code) return line;
        }
        return 0;
    }
}

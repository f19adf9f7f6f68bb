using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetPath.Clinical.Assessments;
using NetPath.Storage;

namespace NetPath.E2E.Tests;

/// <summary>
/// The what-if page, the printed plan, the plain-words plan and the role homes, in a real browser
/// against the demo data. Asserts codes, counts and stored state, never sentences.
/// </summary>
[Collection("browser")]
public sealed partial class PagesTests(ServerFixture server)
{
    private const string Password = "e2e-pages-password-1";
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    [Fact]
    public Task What_if_shows_the_grade_and_plan_change_and_stores_nothing() => server.WithPageAsync(nameof(What_if_shows_the_grade_and_plan_change_and_stores_nothing), async page =>
    {
        var demo = await DemoAsync("Demo Patient A");
        var before = await StoredStateAsync(demo.Id);
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);

        await page.GotoAsync($"{server.BaseUrl}/patients/{demo.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "What if" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/what-if$"));
        await Assertions.Expect(page.Locator("form.case-form[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByTestId("grade-before")).ToHaveTextAsync("G1");
        await Assertions.Expect(page.GetByTestId("no-fact-changed")).ToBeVisibleAsync();
        var unlabelled = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('form.case-form input:not([type=hidden]), form.case-form select')]
                .filter(el => !(el.labels && el.labels.length > 0)).length
            """);
        unlabelled.ShouldBe(0, "every input of the what-if form has a label");

        // Pancreas, well differentiated: Ki-67 25 % is G3 (WHO 2019), and the plan follows the grade.
        await page.GetByLabel("Ki-67 index").FillAsync("25");
        await Assertions.Expect(page.GetByTestId("grade-after")).ToContainTextAsync("G3", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("grade-before")).ToHaveTextAsync("G1");
        await Assertions.Expect(page.GetByTestId("changed-facts")).ToContainTextAsync("25");
        (await page.Locator(".field-error").CountAsync()).ShouldBe(0, "valid facts show no field error");
        var changes = page.GetByTestId("whatif-changes");
        await Assertions.Expect(changes.Locator("li[data-kind=Grade]")).ToHaveCountAsync(1);
        (await changes.Locator("li[data-kind=RecommendationAdded], li[data-kind=RecommendationRemoved], li[data-kind=StrengthChanged]").CountAsync())
            .ShouldBeGreaterThan(0, "a grade change from G1 to G3 changes the plan");
        await ServerFixture.ShotAsync(page, "what-if");

        // Back to the recorded facts: no difference left.
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to the recorded facts" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("grade-after")).ToHaveTextAsync("G1", new() { Timeout = 10_000 });

        (await StoredStateAsync(demo.Id)).ShouldBe(before, "a what-if never writes a case version, an assessment or a record change");
    });

    [Fact]
    public Task The_demo_patients_plans_print_on_at_most_two_A4_pages() => server.WithPageAsync(nameof(The_demo_patients_plans_print_on_at_most_two_A4_pages), async page =>
    {
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        foreach (var name in new[] { "Demo Patient A", "Demo Patient B", "Demo Patient C" })
        {
            var demo = await DemoAsync(name);
            await page.GotoAsync($"{server.BaseUrl}/patients/{demo.Id}/assessments/{demo.LatestAssessmentId}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Print view" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("print-patient")).ToHaveTextAsync(name);
            await Assertions.Expect(page.GetByTestId("print-footer")).ToBeVisibleAsync();
            (await page.Locator("nav").CountAsync()).ShouldBe(0, "the print view has no navigation");

            var pdf = await page.PdfAsync(new() { Format = "A4" });
            var pages = PdfPages(pdf);
            pages.ShouldBeInRange(1, 2, $"{name}'s plan prints on {pages} pages");
            await File.WriteAllBytesAsync(Path.Combine(ArtifactDir("pages"), $"print-{name.Replace(' ', '-')}.pdf"), pdf);
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactDir("pages"), $"print-{name.Replace(' ', '-')}.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { Media = Media.Null });
        }
    });

    [Fact]
    public Task Patient_home_links_the_plain_words_plan_with_questions_team_and_no_codes() => server.WithPageAsync(nameof(Patient_home_links_the_plain_words_plan_with_questions_team_and_no_codes), async page =>
    {
        var demo = await DemoAsync("Demo Patient B");
        await CreateAccountAsync("e2e-pages-patient", Roles.Patient, demo.Id);
        await server.SignInAsync(page, "e2e-pages-patient", Password);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.GetByTestId("plan-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Your diary" })).ToHaveAttributeAsync("href", "/my-diary");
        await page.GetByRole(AriaRole.Link, new() { Name = "Read your plan in plain words" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my-plan$"));
        await Assertions.Expect(page.GetByTestId("plain-plan")).ToBeVisibleAsync();
        (await page.GetByTestId("plain-questions").Locator("li").CountAsync()).ShouldBeGreaterThan(0);
        (await page.GetByTestId("plain-team").Locator("li").CountAsync()).ShouldBeGreaterThan(0);
        await Assertions.Expect(page.GetByTestId("next-follow-up")).ToBeVisibleAsync();
        var text = await page.GetByTestId("plain-plan").InnerTextAsync();
        CareCodes.All.Select(c => c.Code).Where(text.Contains).ShouldBeEmpty("the plain-words plan shows no care codes");
        await ServerFixture.ShotAsync(page, "my-plan");
    });

    [Fact]
    public Task Clinician_hands_over_the_patient_version_of_a_stored_plan() => server.WithPageAsync(nameof(Clinician_hands_over_the_patient_version_of_a_stored_plan), async page =>
    {
        var demo = await DemoAsync("Demo Patient C");
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        await page.GotoAsync($"{server.BaseUrl}/patients/{demo.Id}/assessments/{demo.LatestAssessmentId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Patient version" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plain-plan")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("plain-plan")).ToContainTextAsync("Demo Patient C");
        var pdf = await page.PdfAsync(new() { Format = "A4" });
        PdfPages(pdf).ShouldBeInRange(1, 3);
    });

    [Fact]
    public Task Clinician_home_lists_my_patients_and_what_is_due() => server.WithPageAsync(nameof(Clinician_home_lists_my_patients_and_what_is_due), async page =>
    {
        var mine = await CreatePatientAsync(ServerFixture.DemoUser, "E2E Home Overdue", DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime).AddDays(-3));
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        var mineTable = page.GetByTestId("mine");
        await Assertions.Expect(mineTable.GetByRole(AriaRole.Link, new() { Name = "E2E Home Overdue" })).ToHaveAttributeAsync("href", $"/patients/{mine}");
        var due = page.GetByTestId("due");
        await Assertions.Expect(due.GetByRole(AriaRole.Link, new() { Name = "E2E Home Overdue" })).ToBeVisibleAsync();
        await Assertions.Expect(due.Locator(".overdue").First).ToBeVisibleAsync();
        // The demo records were seeded by the system, not by this clinician.
        (await mineTable.GetByRole(AriaRole.Link, new() { Name = "Demo Patient A" }).CountAsync()).ShouldBe(0);
        await ServerFixture.ShotAsync(page, "home-clinician");
    });

    [Fact]
    public Task Admin_home_lists_accounts_with_role_and_lock_state_and_the_latest_audit_events() => server.WithPageAsync(nameof(Admin_home_lists_accounts_with_role_and_lock_state_and_the_latest_audit_events), async page =>
    {
        await CreateAccountAsync("e2e-pages-admin", Roles.Admin, null);
        await server.SignInAsync(page, "e2e-pages-admin", Password);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        var row = page.GetByTestId("accounts").Locator($"tr[data-user={ServerFixture.DemoUser}]");
        await Assertions.Expect(row).ToContainTextAsync(Roles.Clinician);
        await Assertions.Expect(row.GetByTestId("account-state")).ToHaveTextAsync("active");
        var audit = page.GetByTestId("audit");
        await Assertions.Expect(audit).ToBeVisibleAsync();
        (await audit.Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("a[href='/patients']").CountAsync()).ShouldBe(0, "an administrator has no patient list");
        await ServerFixture.ShotAsync(page, "home-admin");
    });

    /// <summary>Pages of a PDF as Chromium writes it: one "/Type /Page" object per page (the page tree is "/Type /Pages").</summary>
    private static int PdfPages(byte[] pdf) => PageObject().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    private sealed record StoredState(int Version, int Cases, int Assessments, Guid? Latest);

    private async Task<StoredState> StoredStateAsync(Guid id)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            var p = await db.Patients.SingleAsync(x => x.Id == id);
            return new StoredState(p.Version, await db.CaseVersions.CountAsync(c => c.PatientId == id), await db.Assessments.CountAsync(a => a.PatientId == id), p.LatestAssessmentId);
        }
    }

    private async Task<PatientRecord> DemoAsync(string name)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
            return await db.Patients.SingleAsync(p => p.DisplayName == name && p.DeletedAt == null);
    }

    private async Task CreateAccountAsync(string userName, string role, Guid? patientId)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            var accounts = new Accounts(db, TimeProvider.System);
            if (!await accounts.ExistsAsync(userName, CancellationToken.None))
                await accounts.CreateAsync(userName, Password, role, patientId, CancellationToken.None);
        }
    }

    /// <summary>A record created under the given user's name, with its next follow-up set as a stored assessment would set it.</summary>
    private async Task<Guid> CreatePatientAsync(string userName, string name, DateOnly followUpDue)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            var records = new PatientRecords(db, new AuditTrail(db, TimeProvider.System), TimeProvider.System);
            var p = (await records.CreatePatientAsync(new Actor(userName, Roles.Clinician, null), new PatientInput(name, null, null), null, CancellationToken.None)).Value!;
            await db.Patients.Where(x => x.Id == p.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.FollowUpDue, followUpDue));
            return p.Id;
        }
    }

    private static string ArtifactDir(string? sub = null)
    {
        var dir = sub is null ? Path.Combine(ServerFixture.RepoRoot, "artifacts", "e2e") : Path.Combine(ServerFixture.RepoRoot, "artifacts", "e2e", sub);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

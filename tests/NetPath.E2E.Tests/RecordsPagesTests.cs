using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetPath.Storage;

namespace NetPath.E2E.Tests;

/// <summary>
/// The storage-backed pages in a real browser: the patient search, the patient's symptom diary
/// (and the clinician reading it), the coordinator's home with the tumour-board list and overdue
/// follow-ups, and listing a patient for a meeting from the patient page.
/// </summary>
[Collection("browser")]
public sealed partial class RecordsPagesTests(ServerFixture server)
{
    private const string Password = "e2e-records-password-1";
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    private static DateOnly Today => DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);

    [Fact]
    public Task Search_finds_a_demo_patient_by_part_of_the_name_and_keeps_it_out_of_the_address() => server.WithPageAsync(nameof(Search_finds_a_demo_patient_by_part_of_the_name_and_keeps_it_out_of_the_address), async page =>
    {
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GotoAsync(server.BaseUrl + "/patients");
        await Assertions.Expect(page.Locator("form.filters[data-interactive=true]")).ToBeVisibleAsync(Soon);

        await page.GetByLabel("Find a patient").FillAsync("pATIENT b");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();

        var rows = page.GetByTestId("patients").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Link)).ToHaveTextAsync("Demo Patient B");
        await ServerFixture.ShotAsync(page, "patients-search");
        new Uri(page.Url).Query.ShouldBeEmpty("the search text stays in the page, never in the address");

        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Find a patient")).ToHaveValueAsync("");
        (await rows.CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
    });

    [Fact]
    public Task Patient_adds_a_diary_entry_sees_it_and_the_clinician_reads_it() => server.WithPageAsync(nameof(Patient_adds_a_diary_entry_sees_it_and_the_clinician_reads_it), async page =>
    {
        var own = await LinkAccountAsync("e2e-diary-patient", Roles.Patient, "Demo Patient C");
        await server.SignInAsync(page, "e2e-diary-patient", Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "My diary", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/my-diary$"));
        await Assertions.Expect(page.Locator("form.diary-form[data-interactive=true]")).ToBeVisibleAsync(Soon);
        (await UnlabelledAsync(page, "form.diary-form")).ShouldBe(0);

        await page.GetByLabel("How are you overall?").SelectOptionAsync("6");
        await page.GetByLabel("Flushing", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Diarrhoea", new() { Exact = true }).CheckAsync();
        await page.Locator("#d-flushes").FillAsync("500");
        await page.Locator("#d-diarrhea").FillAsync("3");
        await page.GetByLabel("Note").FillAsync("E2E diary: worse after meals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();

        // Out of range: said at the field, nothing saved.
        await Assertions.Expect(page.Locator("#d-flushes")).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#d-flushes-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Not saved");
        await Assertions.Expect(page.GetByTestId("diary")).ToHaveCountAsync(0);

        await page.Locator("#d-flushes").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Entry for" })).ToBeVisibleAsync(Soon);
        var row = page.GetByTestId("diary").Locator("tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("E2E diary: worse after meals");
        await Assertions.Expect(row).ToContainTextAsync("Flushing, Diarrhoea");
        await Assertions.Expect(row).ToContainTextAsync(Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#d-flushes")).ToHaveValueAsync("");
        await ServerFixture.ShotAsync(page, "my-diary");

        // The clinician opens the diary, read-only, from the patient page.
        await using var clinicianContext = await server.Browser.NewContextAsync();
        var clinician = await clinicianContext.NewPageAsync();
        await server.SignInAsync(clinician, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        await Assertions.Expect(clinician).ToHaveURLAsync(new Regex("/$"));
        await clinician.GotoAsync($"{server.BaseUrl}/patients/{own}");
        await clinician.GetByRole(AriaRole.Link, new() { Name = "Symptom diary" }).ClickAsync();
        await Assertions.Expect(clinician.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Symptom diary");
        await Assertions.Expect(clinician.GetByTestId("diary")).ToContainTextAsync("E2E diary: worse after meals");
        (await clinician.Locator("main form").CountAsync()).ShouldBe(0);
    });

    [Fact]
    public Task Coordinator_sees_the_board_list_and_overdue_follow_ups_and_lists_a_patient_for_a_meeting() => server.WithPageAsync(nameof(Coordinator_sees_the_board_list_and_overdue_follow_ups_and_lists_a_patient_for_a_meeting), async page =>
    {
        await LinkAccountAsync("e2e-coordinator", Roles.Coordinator, null);
        var overdue = await SetFollowUpAsync("Demo Patient B", Today.AddDays(-10));
        await server.SignInAsync(page, "e2e-coordinator", Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Upcoming tumour boards" })).ToBeVisibleAsync(Soon);
        var overdueRow = page.GetByTestId("overdue").Locator("tbody tr").Filter(new() { HasText = "Demo Patient B" });
        await Assertions.Expect(overdueRow).ToContainTextAsync(overdue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(overdueRow.Locator("td").Nth(2)).ToHaveTextAsync("10");

        await page.GetByRole(AriaRole.Link, new() { Name = "Patients" }).ClickAsync();
        await Assertions.Expect(page.Locator("form.filters[data-interactive=true]")).ToBeVisibleAsync(Soon);
        await page.GetByRole(AriaRole.Link, new() { Name = "Demo Patient A" }).ClickAsync();
        await Assertions.Expect(page.Locator("form.board-form[data-interactive=true]")).ToBeVisibleAsync(Soon);
        (await UnlabelledAsync(page, "form.board-form")).ShouldBe(0);

        var meeting = Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("#b-question")).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("#b-date")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Meeting date").FillAsync(meeting);
        await page.GetByLabel("Question for the board").FillAsync("E2E: surgery or watchful waiting?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to meeting" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Listed for" })).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByTestId("patient-board")).ToContainTextAsync("E2E: surgery or watchful waiting?");
        await ServerFixture.ShotAsync(page, "patient-board");

        await page.GetByRole(AriaRole.Link, new() { Name = "NetPath", Exact = true }).ClickAsync();
        var agenda = page.GetByTestId("board-agenda");
        await Assertions.Expect(agenda).ToContainTextAsync("E2E: surgery or watchful waiting?", new() { Timeout = 10_000 });
        await ServerFixture.ShotAsync(page, "coordinator-home");
        await agenda.GetByRole(AriaRole.Link, new() { Name = "Demo Patient A" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demo Patient A");

        // After the meeting: the outcome, required when discussed.
        await Assertions.Expect(page.Locator("form.board-form[data-interactive=true]")).ToBeVisibleAsync(Soon);
        var listing = page.GetByTestId("patient-board").Locator("li").Filter(new() { HasText = "E2E: surgery or watchful waiting?" });
        await listing.GetByText("Record the outcome").ClickAsync();
        (await UnlabelledAsync(page, ".board-outcome form")).ShouldBe(0);
        await listing.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await Assertions.Expect(listing.GetByRole(AriaRole.Textbox, new() { Name = "Outcome" })).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 10_000 });
        await listing.GetByRole(AriaRole.Textbox, new() { Name = "Outcome" }).FillAsync("E2E: watchful waiting, restage in 6 months");
        await listing.GetByRole(AriaRole.Button, new() { Name = "Save outcome" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Marked discussed" })).ToBeVisibleAsync(Soon);
        await Assertions.Expect(page.GetByTestId("patient-board")).ToContainTextAsync("Outcome: E2E: watchful waiting, restage in 6 months");
    });

    private static async Task<int> UnlabelledAsync(IPage page, string form) =>
        await page.EvaluateAsync<int>($$"""
            () => [...document.querySelectorAll('{{form}} input:not([type=hidden]), {{form}} select, {{form}} textarea')]
                .filter(el => !(el.labels && el.labels.length > 0)).length
            """);

    /// <summary>An account in the test database, as `netpath admin` would make it; role patient is linked to the named demo record.</summary>
    private async Task<Guid?> LinkAccountAsync(string userName, string role, string? demoPatient)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            Guid? patientId = demoPatient is null ? null : (await db.Patients.SingleAsync(p => p.DisplayName == demoPatient && p.DeletedAt == null)).Id;
            await new Accounts(db, TimeProvider.System).CreateAsync(userName, Password, role, patientId, CancellationToken.None);
            return patientId;
        }
    }

    private async Task<DateOnly> SetFollowUpAsync(string demoPatient, DateOnly due)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            (await db.Patients.Where(p => p.DisplayName == demoPatient).ExecuteUpdateAsync(s => s.SetProperty(p => p.FollowUpDue, due))).ShouldBe(1);
            return due;
        }
    }
}

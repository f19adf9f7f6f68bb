using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetPath.Storage;

namespace NetPath.E2E.Tests;

/// <summary>
/// Every page checked by axe-core (Deque's engine, the one most accessibility audits use) against
/// WCAG 2.1 A and AA, in the rendered page after the interactive circuit has started: colour
/// contrast, labels, names of buttons and links, landmarks, headings, ARIA use. A violation fails
/// the test and names the rule and the elements.
/// </summary>
[Collection("browser")]
public sealed class AccessibilityTests(ServerFixture server)
{
    private const string PatientPassword = "e2e-a11y-password-for-tests";
    private static readonly string[] WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    [Fact]
    public async Task The_check_itself_catches_low_contrast_and_a_missing_label()
    {
        // Guards the guard: were axe not injected or its rules off, every page would "pass".
        await using var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <html lang="en"><head><title>t</title></head><body><main>
            <p style="color:#aaaaaa;background:#ffffff">pale text</p><input type="text">
            </main></body></html>
            """);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagAa] } });
        result.Violations.Select(v => v.Id).ShouldContain("color-contrast");
        result.Violations.Select(v => v.Id).ShouldContain("label");
    }

    [Fact]
    public async Task Sign_in_page_meets_wcag_aa()
    {
        await using var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "/signin");
        await AssertAccessibleAsync(page, "signin");
        await page.GotoAsync(server.BaseUrl + "/signin?error=bad-credentials");
        await AssertAccessibleAsync(page, "signin-error");
    }

    [Fact]
    public async Task Clinician_pages_meet_wcag_aa()
    {
        var (patient, assessment) = await AssessedDemoPatientAsync();
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        foreach (var path in ClinicianPages(patient, assessment))
        {
            await page.GotoAsync(server.BaseUrl + path);
            await WaitInteractiveAsync(page);
            await AssertAccessibleAsync(page, path);
        }
    }

    [Theory]
    [InlineData(768, 1024)]
    [InlineData(1024, 768)]
    public async Task Clinician_pages_fit_a_tablet_without_sideways_scrolling(int width, int height)
    {
        var (patient, assessment) = await AssessedDemoPatientAsync();
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, HasTouch = true });
        var page = await context.NewPageAsync();
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        foreach (var path in ClinicianPages(patient, assessment))
        {
            await page.GotoAsync(server.BaseUrl + path);
            await WaitInteractiveAsync(page);
            // Wide tables may scroll inside their own box; the page itself must not.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{path} is wider than a {width} px tablet screen");
        }
    }

    [Fact]
    public async Task Case_form_with_errors_meets_wcag_aa()
    {
        var (patient, _) = await AssessedDemoPatientAsync();
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);
        await page.GotoAsync($"{server.BaseUrl}/patients/{patient}/case");
        await Assertions.Expect(page.Locator("form.case-form[data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.GetByLabel("Ki-67 index").FillAsync("140");
        await Assertions.Expect(page.GetByTestId("f-tumour-ki67Percent-error")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await AssertAccessibleAsync(page, "case form with an error");
    }

    [Fact]
    public async Task Coordinator_home_meets_wcag_aa()
    {
        const string userName = "e2e-a11y-coordinator";
        await EnsureAccountAsync(userName, Roles.Coordinator, null);
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1024, Height = 768 } });
        var page = await context.NewPageAsync();
        await server.SignInAsync(page, userName, PatientPassword);
        await page.GotoAsync(server.BaseUrl + "/");
        await WaitInteractiveAsync(page);
        await AssertAccessibleAsync(page, "coordinator /");
    }

    [Fact]
    public async Task Patient_pages_meet_wcag_aa()
    {
        var (patient, _) = await AssessedDemoPatientAsync();
        const string userName = "e2e-a11y-patient";
        await EnsureAccountAsync(userName, Roles.Patient, patient);
        await using var context = await server.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 800, Height = 1100 } });
        var page = await context.NewPageAsync();
        await server.SignInAsync(page, userName, PatientPassword);
        foreach (var path in PatientPages())
        {
            await page.GotoAsync(server.BaseUrl + path);
            await WaitInteractiveAsync(page);
            await AssertAccessibleAsync(page, "patient " + path);
        }
    }

    /// <summary>The pages a clinician reaches for one assessed record.</summary>
    private static IEnumerable<string> ClinicianPages(Guid patient, Guid assessment) =>
    [
        "/",
        "/patients",
        $"/patients/{patient}",
        $"/patients/{patient}/case",
        $"/patients/{patient}/assessments/{assessment}",
        $"/patients/{patient}/history",
        $"/patients/{patient}/board-summary",
        $"/patients/{patient}/diary",
    ];

    private static IEnumerable<string> PatientPages() => ["/", "/my-plan", "/my-diary"];

    private static async Task AssertAccessibleAsync(IPage page, string where)
    {
        // A page that bounced to the sign-in form would pass for the wrong reason.
        if (where != "signin" && where != "signin-error") page.Url.ShouldNotContain("/signin");
        // One title, the page's own: a second, generic one left screen readers the wrong name.
        (await page.Locator("head > title").CountAsync()).ShouldBe(1, $"{where} should have exactly one <title>");
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagAa] } });
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}")
            .ToList();
        problems.ShouldBeEmpty($"axe-core found WCAG 2.1 AA violations on {where}");
    }

    /// <summary>Blazor pages are prerendered, then become interactive; axe should see the page people use.</summary>
    private static async Task WaitInteractiveAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(300);
    }

    private async Task EnsureAccountAsync(string userName, string role, Guid? patient)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            var accounts = new Accounts(db, TimeProvider.System);
            if (!await accounts.ExistsAsync(userName, CancellationToken.None))
                await accounts.CreateAsync(userName, PatientPassword, role, patient, CancellationToken.None);
        }
    }

    private async Task<(Guid Patient, Guid Assessment)> AssessedDemoPatientAsync()
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            var p = await db.Patients.Where(x => x.DeletedAt == null && x.LatestAssessmentId != null).OrderBy(x => x.Id).FirstAsync();
            return (p.Id, p.LatestAssessmentId!.Value);
        }
    }
}

using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetPath.Storage;

namespace NetPath.E2E.Tests;

/// <summary>
/// A patient-role account sees its own plan and nothing else, by the server's refusal and not
/// only by missing links: other records' addresses typed by hand show nothing.
/// </summary>
[Collection("browser")]
public sealed partial class PatientRoleTests(ServerFixture server)
{
    private const string Password = "e2e-patient-password-1";

    [Fact]
    public async Task Patient_sees_own_plan_and_is_refused_every_other_record_and_the_list()
    {
        var (own, other, otherAssessment) = await LinkPatientAccountAsync("e2e-patient");
        await using var context = await server.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(server.BaseUrl + "/signin");
            await page.GetByLabel("User name").FillAsync("e2e-patient");
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/$"));
            await Assertions.Expect(page.GetByTestId("plan-summary")).ToBeVisibleAsync();
            await page.GotoAsync(server.BaseUrl + "/my-plan");
            await Assertions.Expect(page.GetByTestId("plain-plan")).ToBeVisibleAsync();
            (await page.GetByRole(AriaRole.Link, new() { Name = "Patients" }).CountAsync()).ShouldBe(0);

            await page.GotoAsync(server.BaseUrl + "/patients");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/denied"));
            (await page.Locator("[data-testid=patients]").CountAsync()).ShouldBe(0);

            await page.GotoAsync($"{server.BaseUrl}/patients/{other}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Patient not found");

            await page.GotoAsync($"{server.BaseUrl}/patients/{other}/assessments/{otherAssessment}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Assessment not found");
            (await page.GetByTestId("grade").CountAsync()).ShouldBe(0);

            await page.GotoAsync($"{server.BaseUrl}/patients/{other}/case");
            await Assertions.Expect(page).ToHaveURLAsync(new Regex("/denied"));

            await page.GotoAsync($"{server.BaseUrl}/patients/{own}");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Patient not found");
        }
        catch
        {
            var dir = Path.Combine(ServerFixture.RepoRoot, "artifacts", "e2e");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, nameof(PatientRoleTests) + ".png"), FullPage = true });
            throw;
        }
    }

    /// <summary>Links a new patient account to a demo record that has an assessment; returns that record, another one, and the other's assessment.</summary>
    private async Task<(Guid Own, Guid Other, Guid OtherAssessment)> LinkPatientAccountAsync(string userName)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
        {
            var assessed = await db.Patients.Where(p => p.DeletedAt == null && p.LatestAssessmentId != null)
                .OrderBy(p => p.Id).Take(2).ToListAsync();
            assessed.Count.ShouldBe(2, "the demo data holds assessed patients");
            await new Accounts(db, TimeProvider.System).CreateAsync(userName, Password, Roles.Patient, assessed[0].Id, CancellationToken.None);
            return (assessed[0].Id, assessed[1].Id, assessed[1].LatestAssessmentId!.Value);
        }
    }
}

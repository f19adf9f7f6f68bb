using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using NetPath.Storage;

namespace NetPath.E2E.Tests;

/// <summary>
/// An interactive page reads twice per visit (prerender, then circuit start); the audit trail keeps
/// one event per visit (PageReads), and a new visit is a new event.
/// </summary>
[Collection("browser")]
public sealed class AuditOnceTests(ServerFixture server)
{
    [Fact]
    public Task A_visit_to_an_interactive_page_is_audited_once() => server.WithPageAsync(nameof(A_visit_to_an_interactive_page_is_audited_once), async page =>
    {
        var patient = await FirstPatientAsync();
        await server.SignInAsync(page, ServerFixture.DemoUser, ServerFixture.DemoPassword);

        var reads = await CountAsync("patient.read", patient);
        var lists = await CountAsync("patient.list", null);

        await page.GotoAsync($"{server.BaseUrl}/patients/{patient}/history");
        await Assertions.Expect(page.Locator(".history[data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        (await CountAsync("patient.read", patient)).ShouldBe(reads + 1);

        await page.GotoAsync($"{server.BaseUrl}/patients");
        await Assertions.Expect(page.Locator("form.filters[data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        (await CountAsync("patient.list", null)).ShouldBe(lists + 1);

        // A second visit is a second read.
        await page.GotoAsync($"{server.BaseUrl}/patients/{patient}/history");
        await Assertions.Expect(page.Locator(".history[data-interactive=true]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        (await CountAsync("patient.read", patient)).ShouldBe(reads + 2);
    });

    private async Task<Guid> FirstPatientAsync()
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
            return await db.Patients.Where(p => p.DeletedAt == null && p.LatestAssessmentId != null).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
    }

    private async Task<int> CountAsync(string action, Guid? patient)
    {
        var db = StorageServices.Open(DatabaseLocation.Parse(server.DatabasePath));
        await using (db)
            return await db.AuditEvents.CountAsync(e => e.UserName == ServerFixture.DemoUser && e.Action == action && e.PatientId == patient && e.Outcome == AuditOutcomes.Success);
    }
}

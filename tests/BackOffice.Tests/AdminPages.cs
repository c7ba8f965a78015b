using System.Net;
using AngleSharp.Html.Dom;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests;

public abstract class AdminManagesStaff(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AnAdminAddsAStaffMemberWhoCanThenSignIn()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var email = $"new.{Guid.NewGuid():N}@test.example";
        var page = await admin.GetPageAsync("/Admin/Staff");

        var done = await admin.FollowAsync(await admin.SubmitAsync(page.Form("Add"), new()
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Nina New",
            ["Input.Password"] = BackOfficeApp.Password,
            ["Input.Roles"] = Roles.Manager,
        }));

        done.Text.ShouldContain($"{email} added as Manager.");
        (await RolesOfAsync(email)).ShouldBe([Roles.Manager]);
        (await App.SignInAsync(email)).ShouldNotBeNull();
    }

    [Fact]
    public async Task AnAdminChangesTheRolesOfAStaffMember()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var email = $"role.{Guid.NewGuid():N}@test.example";
        var page = await admin.GetPageAsync("/Admin/Staff");
        page = await admin.FollowAsync(await admin.SubmitAsync(page.Form("Add"), new() { ["Input.Email"] = email, ["Input.Password"] = BackOfficeApp.Password, ["Input.Roles"] = Roles.Support }));
        var id = await IdOfAsync(email);
        var form = page.Document.Forms.Single(f => f.TextContent.Contains("Save roles", StringComparison.Ordinal) && f.InnerHtml.Contains(id, StringComparison.Ordinal));

        await admin.FollowAsync(await admin.SubmitAsync(form, new() { ["Input.Roles"] = Roles.Admin }));

        (await RolesOfAsync(email)).ShouldBe([Roles.Admin]);
    }

    [Fact]
    public async Task AStaffMemberWhoseRolesAreRemovedIsSignedOutOnceTheValidationIntervalHasPassed()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var email = $"gone.{Guid.NewGuid():N}@test.example";
        var page = await admin.GetPageAsync("/Admin/Staff");
        page = await admin.FollowAsync(await admin.SubmitAsync(page.Form("Add"), new() { ["Input.Email"] = email, ["Input.Password"] = BackOfficeApp.Password, ["Input.Roles"] = Roles.Support }));
        var staff = await App.SignInAsync(email);
        (await staff.GetAsync("/Requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var id = await IdOfAsync(email);
        var form = page.Document.Forms.Single(f => f.TextContent.Contains("Save roles", StringComparison.Ordinal) && f.InnerHtml.Contains(id, StringComparison.Ordinal));

        foreach (var role in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == "Input.Roles"))
        {
            role.IsChecked = false;
        }

        (await admin.FollowAsync(await admin.SubmitAsync(form))).Text.ShouldContain($"{email} no longer has back-office access.");
        App.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        // Signed out, not merely refused: the old cookie no longer stands for anybody.
        var response = await staff.GetAsync("/Requests");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task AnUnknownRoleIsRefusedAndNoAccountIsCreated()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var email = $"bad.{Guid.NewGuid():N}@test.example";
        var page = await admin.GetPageAsync("/Admin/Staff");

        var refused = await RefusedAsync(
            await admin.SubmitAsync(page.Form("Add"), new() { ["Input.Email"] = email, ["Input.Password"] = BackOfficeApp.Password, ["Input.Roles"] = "Root" }),
            HttpStatusCode.BadRequest);

        refused.Alert.ShouldContain("Choose roles from the list");
        using var scope = App.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email)).ShouldBeNull();
    }

    private async Task<IList<string>> RolesOfAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    private async Task<string> IdOfAsync(string email)
    {
        using var scope = App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }
}

public abstract class AdminChangesSettings(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task WithInvoiceReversalOffNoCreditNoteIsIssuedAndTheOverdueThresholdMoves()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var settings = await admin.GetPageAsync("/Admin/Settings");
        await admin.FollowAsync(await admin.SubmitAsync(settings.Form(), new()
        {
            ["Input.RevertInvoiceOnCancel"] = "false",
            ["Input.OverdueAfterHours"] = "1",
            ["Input.PointsPerCurrencyUnit"] = "100",
        }));
        try
        {
            var seeded = await App.SeedAsync();
            var client = await StaffAsync();
            (await client.GetPageAsync($"/Requests?q={seeded.Number}")).Document.QuerySelector("tbody tr")!.TextContent.ShouldContain("overdue");
            await AcceptAsync(client, seeded);

            await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit")));

            await using var db = App.CreateContext();
            (await db.CreditNotes.CountAsync(c => c.RequestId == seeded.RequestId)).ShouldBe(0);
        }
        finally
        {
            settings = await admin.GetPageAsync("/Admin/Settings");
            await admin.FollowAsync(await admin.SubmitAsync(settings.Form(), new()
            {
                ["Input.RevertInvoiceOnCancel"] = "true",
                ["Input.OverdueAfterHours"] = "48",
            }));
        }
    }

    [Fact]
    public async Task ASettingOutOfRangeIsRefused()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var settings = await admin.GetPageAsync("/Admin/Settings");

        var refused = await RefusedAsync(await admin.SubmitAsync(settings.Form(), new() { ["Input.OverdueAfterHours"] = "0" }), HttpStatusCode.BadRequest);

        refused.Text.ShouldContain("must be between 1 and 2160");
        await using var db = App.CreateContext();
        (await db.StoreSettings.SingleAsync()).OverdueAfterHours.ShouldBe(48);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AdminManagesStaffOnSqlite(SqliteBackOffice app) : AdminManagesStaff(app);

[Collection(PostgresCollection.Name)]
public sealed class AdminManagesStaffOnPostgres(PostgresBackOffice app) : AdminManagesStaff(app);

[Collection(SqliteCollection.Name)]
public sealed class AdminChangesSettingsOnSqlite(SqliteBackOffice app) : AdminChangesSettings(app);

[Collection(PostgresCollection.Name)]
public sealed class AdminChangesSettingsOnPostgres(PostgresBackOffice app) : AdminChangesSettings(app);

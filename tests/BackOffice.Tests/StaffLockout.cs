using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>Staff accounts are locked by the back-office's own policy (BackOffice:Lockout), counted from back-office sign-ins only.</summary>
[Collection(SqliteCollection.Name)]
public sealed class StaffLockout(SqliteBackOffice app) : IAsyncLifetime
{
    private WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _host = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("BackOffice:Lockout:MaxFailedAccessAttempts", "3");
            builder.UseSetting("BackOffice:Lockout:DefaultLockoutTimeSpan", "00:45:00");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task AStaffAccountIsLockedAfterTheConfiguredNumberOfFailuresForTheConfiguredTime()
    {
        var email = $"locked.{Guid.NewGuid():N}@test.example";
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Lee Locked" };
            (await users.CreateAsync(user, BackOfficeApp.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, Roles.Support)).Succeeded.ShouldBeTrue();
        }

        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var answers = new List<string>();
        foreach (var password in new[] { "wrong-password-1", "wrong-password-2", "wrong-password-3", BackOfficeApp.Password })
        {
            var login = await client.GetPageAsync("/Account/Login");
            var response = await client.SubmitAsync(login.Form(), new() { ["Input.Email"] = email, ["Input.Password"] = password });
            answers.Add((await Html.ReadAsync(response)).Alert);
        }

        answers[0].ShouldBe("Wrong email or password, or not a staff account.");
        answers[1].ShouldBe("Wrong email or password, or not a staff account.");
        answers[2].ShouldBe("This account is locked for 45 minutes after too many failed sign-ins.");
        answers[3].ShouldBe(answers[2]);
    }
}

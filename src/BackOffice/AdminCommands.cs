using CancellationPortal.DemoData;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice;

/// <summary>
/// One-off commands run with the back-office executable instead of starting the web server:
/// <c>migrate</c>, <c>seed-demo</c>, <c>create-admin EMAIL PASSWORD</c> and <c>schema-script sqlite|postgres</c>.
/// </summary>
public static class AdminCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        // A command is the first argument; anything else (--urls http://..., Key=Value) is host configuration.
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        var command = args[0];

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var rest = args[1..];
        switch (command)
        {
            case "migrate":
                var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                await Console.Out.WriteLineAsync(applied.Count == 0 ? "Schema is up to date." : $"Applied: {string.Join(", ", applied)}");
                return true;
            case "seed-demo":
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync();
                await Console.Out.WriteLineAsync(seeded ? "Demo data created." : "Demo data already present; nothing added.");
                return true;
            case "create-admin" when rest.Length == 2:
                await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
                Environment.ExitCode = await CreateAdminAsync(services, rest[0], rest[1]);
                return true;
            case "schema-script" when rest.Length == 1:
                // Prints the schema the EF model expects for a provider: the starting point of a new migration script.
                await Console.Out.WriteLineAsync(SchemaScript.For(rest[0]));
                return true;
            default:
                await Console.Error.WriteLineAsync("Usage: migrate | seed-demo | create-admin EMAIL PASSWORD | schema-script sqlite|postgres");
                Environment.ExitCode = 2;
                return true;
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string email, string password)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.RoleExistsAsync(r).GetAwaiter().GetResult()))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var user = await users.FindByEmailAsync(email);
        var result = user is null
            ? await users.CreateAsync(user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email }, password)
            : IdentityResult.Success;
        if (result.Succeeded && !await users.IsInRoleAsync(user, Roles.Admin))
        {
            result = await users.AddToRoleAsync(user, Roles.Admin);
        }

        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Could not create the admin: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        await Console.Out.WriteLineAsync($"{email} is an Admin.");
        return 0;
    }
}

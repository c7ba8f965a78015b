using CancellationPortal.Domain.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Domain.Identity;

public static class IdentitySetup
{
    /// <summary>The account rules both apps share: one user store, unique emails, lockout after repeated failures.</summary>
    public static void ConfigureAccountRules(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 10;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    public static IdentityBuilder AddStoreIdentity(this IServiceCollection services, Action<IdentityOptions>? configure = null) =>
        services.AddIdentity<ApplicationUser, IdentityRole>(options =>
            {
                ConfigureAccountRules(options);
                configure?.Invoke(options);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();
}

using CancellationPortal.BackOffice;
using CancellationPortal.BackOffice.Api;
using CancellationPortal.DemoData;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Hosting;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Web;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot and library assets from the build output too (run.sh and the browser tests run it from there).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddCancellationDomain(builder.Configuration, "CancellationPortal.BackOffice");
builder.Services.AddPublicUrl(builder.Configuration, "BackOffice", "http://localhost:5090");
// For the seed-demo command only; the demo data and Bogus stay out of the Domain assembly.
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddStoreIdentity(options =>
{
    // Staff accounts move money, so they have their own lockout policy (BackOffice:Lockout), stricter by default.
    // Only back-office sign-ins count toward it: the portal never signs in or counts failures for staff.
    options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
    builder.Configuration.GetSection("BackOffice:Lockout").Bind(options.Lockout);
});
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = ".CancellationPortal.BackOffice";
    options.LoginPath = "/Account/Login";
    options.AccessDeniedPath = "/Account/AccessDenied";
});
// A staff member whose roles were taken away must lose access within a minute, not when the 30-minute default comes round.
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(StaffPolicies.Staff, p => p.RequireRole(Roles.StaffRoles))
    .AddPolicy(StaffPolicies.Admin, p => p.RequireRole(Roles.Admin))
    .AddPolicy(StaffPolicies.Managers, p => p.RequireRole(Roles.Manager, Roles.Admin));
builder.Services.AddIntegrationApi(builder.Configuration);
builder.Services.AddRazorPages(options =>
{
    // Every page needs a staff role; only signing in and the error pages are open.
    options.Conventions.AuthorizeFolder("/", StaffPolicies.Staff);
    foreach (var restricted in StaffPolicies.RestrictedFolders)
    {
        options.Conventions.AuthorizeFolder(restricted.Folder, restricted.Policy);
    }

    options.Conventions.AllowAnonymousToPage("/Account/Login");
    options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
    options.Conventions.AllowAnonymousToPage("/Error");
    options.Conventions.AllowAnonymousToPage("/StatusCode");
    options.Conventions.AnswerUnknownHandlers();
});

var app = builder.Build();
if (await AdminCommands.TryRunAsync(app, args))
{
    return;
}

await app.MigrateDatabaseAsync();

app.UseStoreDefaults();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseStoreTimeZone();
app.MapRazorPages();
app.MapStripeWebhook();
app.MapSendGridWebhook();
app.MapIntegrationApi();

await app.RunAsync();

/// <summary>Entry point, visible to the page tests' WebApplicationFactory.</summary>
public partial class Program;

using Microsoft.AspNetCore.Identity;
using CancellationPortal.Domain.Hosting;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain;
using CancellationPortal.Portal.Accounts;
using CancellationPortal.Portal.Branding;
using CancellationPortal.Portal.Orders;
using CancellationPortal.Web;
using IdentityEmailSender = Microsoft.AspNetCore.Identity.UI.Services.IEmailSender;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot and library assets from the build output too (run.sh and the browser tests run it from there).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddCancellationDomain(builder.Configuration, "CancellationPortal.Portal");
builder.Services.AddPublicUrl(builder.Configuration, "Portal", "http://localhost:5080");
builder.Services.AddStoreIdentity(options => options.SignIn.RequireConfirmedAccount = true)
    .AddUserManager<CustomerUserManager>()
    .AddDefaultUI();
builder.Services.AddScoped<IdentityEmailSender, OutboxAccountEmailSender>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = ".CancellationPortal.Portal";
    options.LoginPath = "/Identity/Account/Login";
});
builder.Services.AddRazorPages(options =>
{
    options.Conventions.AuthorizeFolder("/Account");
    options.Conventions.AnswerUnknownHandlers();
    options.Conventions.GuardIdentityPages();
});

builder.Services.AddOptions<RequestSubmissionLimitOptions>().Bind(builder.Configuration.GetSection(RequestSubmissionLimitOptions.Section));
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<RequestSubmissionLimit>();
builder.Services.AddScoped<StoreBrandReader>();

var app = builder.Build();
await app.MigrateDatabaseAsync();

app.UseStoreDefaults();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point, visible to the page tests' WebApplicationFactory.</summary>
public partial class Program;

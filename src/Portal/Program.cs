using Microsoft.AspNetCore.Identity;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Hosting;
using CancellationPortal.Domain.Identity;

var builder = WebApplication.CreateBuilder(args);

// Serve wwwroot and library assets from the build output too (run.sh and the browser tests run it from there).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddCancellationDomain(builder.Configuration, "CancellationPortal.Portal");
builder.Services.AddStoreIdentity().AddDefaultUI();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = ".CancellationPortal.Portal";
    options.LoginPath = "/Identity/Account/Login";
});
builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Account"));

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

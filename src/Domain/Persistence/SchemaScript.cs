using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Persistence;

public static class SchemaScript
{
    /// <summary>The CREATE script the EF model expects on a provider, without connecting to a database.</summary>
    public static string For(string provider)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (provider.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            options.UseNpgsql("Host=localhost");
        }
        else
        {
            options.UseSqlite("Data Source=:memory:");
        }

        using var db = new AppDbContext(options.Options);
        return db.Database.GenerateCreateScript();
    }
}

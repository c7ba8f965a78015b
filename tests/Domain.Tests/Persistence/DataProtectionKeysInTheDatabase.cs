using System.Xml.Linq;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Keys the store wrote into its DataProtectionKeys table before the keys were kept by the framework's own EF
/// repository are still read, so shoppers and staff signed in before an upgrade stay signed in.
/// </summary>
public abstract class DataProtectionKeysInTheDatabase(Provider provider) : DatabaseTest(provider)
{
    private const string App = "CancellationPortal.Portal";

    [Fact]
    public async Task AKeyWrittenBeforeTheUpgradeStillReadsWhatItProtected()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            string token;
            await using (var before = new ServiceCollection().AddDataProtection().SetApplicationName(App).PersistKeysToFileSystem(folder).Services.BuildServiceProvider())
            {
                token = before.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("signed in");
            }

            // The row as the store's own repository wrote it: the key's friendly name and its XML on one line.
            var key = folder.GetFiles("key-*.xml").Single();
            var name = Path.GetFileNameWithoutExtension(key.Name);
            var xml = XElement.Load(key.FullName).ToString(SaveOptions.DisableFormatting);
            await using (var db = NewContext())
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ({name}, {xml})");
            }

            var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.Settings).Build();
            await using var after = new ServiceCollection().AddLogging().AddCancellationDomain(configuration, App).BuildServiceProvider();

            after.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(token).ShouldBe("signed in");
            await using var check = NewContext();
            (await check.DataProtectionKeys.CountAsync()).ShouldBe(1);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

public sealed class DataProtectionKeysInTheDatabaseOnSqlite() : DataProtectionKeysInTheDatabase(Provider.Sqlite);

public sealed class DataProtectionKeysInTheDatabaseOnPostgres() : DataProtectionKeysInTheDatabase(Provider.Postgres);

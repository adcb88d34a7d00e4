using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff.Users;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Staff.Users;

/// <summary><c>users add</c> and <c>users import</c> through the real command line: exit codes, one-line errors, stored people.</summary>
public sealed class UsersVerbTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(TestDatabase db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await BotCommandLine.Build().Parse([.. args, db.ConfigArg])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Users_add_pre_registers_by_phone_and_updates_the_same_phone()
    {
        using var db = new TestDatabase();
        var (exit, output, error) = await RunAsync(db, "users", "add", "--phone", "0812-3456-7890", "--role", "enumerator", "--region", "1601", "--name", "Siti Aminah");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.StartsWith("added enumerator 'Siti Aminah'", output, StringComparison.Ordinal);

        (exit, output, _) = await RunAsync(db, "users", "add", "--phone", "+62 812 3456 7890", "--role", "Coordinator", "--region", "16.01", "--name", "Siti A.");
        Assert.Equal(0, exit);
        Assert.StartsWith("updated coordinator 'Siti A.'", output, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(db, "users", "add", "--phone", "0813 1111 2222", "--role", "official", "--region", "", "--name", "Pak Menteri")).Exit);

        await using var ctx = db.Open();
        var people = await ctx.People.OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(2, people.Count);
        Assert.Equal(("+6281234567890", PersonRole.Coordinator, "16.01", "Siti A."), (people[0].Phone, people[0].Role, people[0].RegionCode, people[0].Name));
        Assert.Equal((PersonRole.Official, ""), (people[1].Role, people[1].RegionCode));
        Assert.False(await ctx.PersonAddresses.AnyAsync());
    }

    [Theory]
    [InlineData("0812 3456 7890", "boss", "16.01", "Siti", "unknown role 'boss' (one of enumerator, coordinator, official, admin)")]
    [InlineData("0812 3456 7890", "enumerator", "16", "Siti", "an enumerator works in one regency/city (e.g. 16.01), not Provinsi Sumatera Selatan (16)")]
    [InlineData("0812 3456 7890", "coordinator", "16.01.14", "Siti", "a coordinator works in one regency/city (e.g. 16.01), not Kecamatan Baturaja Timur (16.01.14)")]
    [InlineData("0812 3456 7890", "coordinator", "16.99", "Siti", "unknown region code '16.99'")]
    [InlineData("0812 3456 7890", "coordinator", "", "Siti", "region code is missing (e.g. 16.01)")]
    [InlineData("021 555 1234", "enumerator", "16.01", "Siti", "phone: That looks like a landline.")]
    [InlineData("", "enumerator", "16.01", "Siti", "phone is missing")]
    [InlineData("0812 3456 7890", "enumerator", "16.01", " ", "name is missing")]
    [InlineData("0812 3456 7890", "official", "16.01.14.1005", "Siti", "an official follows the country (\"\"), a province or a regency/city, not Kelurahan Sukaraya (16.01.14.1005)")]
    public void Bad_entries_are_refused_with_a_reason(string phone, string role, string region, string name, string expected)
    {
        var (member, error) = StaffRegistry.Check(new StaffEntry(phone, role, region, name), RegionCatalog.Shared);
        Assert.Null(member);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin", "", "")]
    [InlineData("official", "16", "16")]
    [InlineData("official", "1601", "16.01")]
    [InlineData("enumerator", "16.01", "16.01")]
    public void Regions_by_role(string role, string region, string stored)
    {
        var (member, error) = StaffRegistry.Check(new StaffEntry("0812 3456 7890", role, region, "Siti"), RegionCatalog.Shared);
        Assert.Null(error);
        Assert.Equal(stored, member!.Region.Code);
    }

    [Fact]
    public async Task Users_add_refuses_bad_input_with_one_line_and_stores_nothing()
    {
        using var db = new TestDatabase();
        var (exit, output, error) = await RunAsync(db, "users", "add", "--phone", "0812 3456 7890", "--role", "enumerator", "--region", "16", "--name", "Siti");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("error: an enumerator works in one regency/city (e.g. 16.01), not Provinsi Sumatera Selatan (16)\n", error.ReplaceLineEndings("\n"));
        await using var ctx = db.Open();
        Assert.False(await ctx.People.AnyAsync());
    }

    [Fact]
    public async Task Users_import_keeps_valid_rows_and_reports_bad_ones_by_line()
    {
        using var db = new TestDatabase();
        var file = Path.Combine(db.Folder, "staff.csv");
        await File.WriteAllTextAsync(file,
            "phone;role;region_code;name\r\n" +
            "0812 3456 7890;enumerator;16.01;Siti Aminah\r\n" +
            "0812 3456 7891;enumerater;16.01;Budi\r\n" +
            "\r\n" +
            "+62 813 1111 2222;Coordinator;1601;Dewi\r\n" +
            "0812-3456-7890;enumerator;16.02;Siti Lagi\r\n" +
            "0813 9999 0000;official;;Pak Kadis\r\n");
        var (exit, output, error) = await RunAsync(db, "users", "import", file);
        // A partly valid file is a success: the valid rows are kept, the bad ones reported by line.
        Assert.Equal(0, exit);
        Assert.Equal(
            "line 3: unknown role 'enumerater' (one of enumerator, coordinator, official, admin)\n" +
            "line 6: the same phone is already on line 2\n" +
            "imported 3 (3 new, 0 updated), 2 rejected\n",
            output.ReplaceLineEndings("\n"));
        Assert.Equal("", error);

        // Re-running the corrected file only updates.
        await File.WriteAllTextAsync(file, "name,phone,role,region_code\nSiti Aminah,0812 3456 7890,enumerator,16.01\n\"Budi, S.E.\",0812 3456 7891,enumerator,16.01\n");
        (exit, output, error) = await RunAsync(db, "users", "import", file);
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal("imported 2 (1 new, 1 updated), 0 rejected\n", output.ReplaceLineEndings("\n"));

        await using var ctx = db.Open();
        Assert.Equal(4, await ctx.People.CountAsync());
        // Phones are stored encrypted; people are found by their keyed hash.
        var (budi, coordinator) = (ctx.Protection.Hash("+6281234567891"), ctx.Protection.Hash("+6281311112222"));
        Assert.Equal("Budi, S.E.", (await ctx.People.SingleAsync(p => p.PhoneHash == budi)).Name);
        Assert.Equal(PersonRole.Coordinator, (await ctx.People.SingleAsync(p => p.PhoneHash == coordinator)).Role);
    }

    [Fact]
    public async Task Users_import_of_a_missing_file_or_without_the_columns_fails_with_one_line()
    {
        using var db = new TestDatabase();
        var (exit, _, error) = await RunAsync(db, "users", "import", Path.Combine(db.Folder, "nope.csv"));
        Assert.Equal(1, exit);
        Assert.StartsWith("error: file not found:", error, StringComparison.Ordinal);

        var file = Path.Combine(db.Folder, "bad.csv");
        await File.WriteAllTextAsync(file, "phone,name\n0812 3456 7890,Siti\n");
        (exit, _, error) = await RunAsync(db, "users", "import", file);
        Assert.Equal(1, exit);
        Assert.Equal("error: missing column(s) role, region_code (expected phone,role,region_code,name)\n", error.ReplaceLineEndings("\n"));

        // Not one valid row: nothing was imported, which is a failure.
        await File.WriteAllTextAsync(file, "phone,role,region_code,name\n0812 3456 7890,enumerater,16.01,Siti\n");
        (exit, var output, error) = await RunAsync(db, "users", "import", file);
        Assert.Equal(1, exit);
        Assert.Equal("line 2: unknown role 'enumerater' (one of enumerator, coordinator, official, admin)\nimported 0 (0 new, 0 updated), 1 rejected\n",
            output.ReplaceLineEndings("\n"));
        Assert.StartsWith("error: no valid row in ", error, StringComparison.Ordinal);
        Assert.EndsWith("(1 rejected; first: line 2: unknown role 'enumerater' (one of enumerator, coordinator, official, admin))\n", error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Verbs_log_nothing_below_warnings_so_standard_error_holds_only_the_error_line()
    {
        using var db = new TestDatabase();
        using var host = BotHost.Build(HostMode.Tool, [db.ConfigArg]);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PLKumkm.Bot.Storage.DatabaseInitializer");
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }
}

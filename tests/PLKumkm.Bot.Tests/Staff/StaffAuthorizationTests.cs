using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Staff;

/// <summary>Every role-restricted command, tried by every role: allowed ones answer, the others refuse politely.</summary>
public sealed class StaffAuthorizationTests
{
    private const string Entry = "#umkm\nNIK: 1601071205850001\nNama: Siti Aminah\nUsaha: Warung Siti\nDesa: Sukaraya\nKBLI: G";

    /// <summary>How each command's own answer begins.</summary>
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["#umkm"] = "✅ ",
        ["/cepat"] = "*Entri cepat*",
        ["/kinerja"] = "📈 Kinerja Petugas enumerator",
        ["/tim"] = "👥 Tim Kabupaten Ogan Komering Ulu",
        ["/tinjau"] = "✅ Tidak ada data yang perlu ditinjau di Kabupaten Ogan Komering Ulu.",
    };

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        var allowed = new Dictionary<string, string[]>
        {
            ["owner"] = [],
            ["enumerator"] = ["#umkm", "/cepat", "/kinerja"],
            ["coordinator"] = ["#umkm", "/cepat", "/tim", "/tinjau"],
            ["official"] = [],
            ["admin"] = ["#umkm", "/cepat", "/tim", "/tinjau"],
        };
        foreach (var (role, commands) in allowed)
        {
            foreach (var command in new[] { "#umkm", "/cepat", "/kinerja", "/tim", "/tinjau" })
            {
                data.Add(role, command, commands.Contains(command));
            }
        }

        return data;
    }

    [Fact]
    public async Task Each_role_may_use_exactly_its_commands()
    {
        await using var chat = await StaffChat.StartAsync();
        var phones = new Dictionary<string, string>
        {
            ["enumerator"] = "0812 1000 0001", ["coordinator"] = "0812 1000 0002", ["official"] = "0812 1000 0003", ["admin"] = "0812 1000 0004",
        };
        foreach (var (role, phone) in phones)
        {
            await chat.OnboardAsync(role, phone, role, role == "official" ? "16" : "16.01", $"Petugas {role}");
        }

        foreach (var row in Cases())
        {
            var (role, command, allowed) = ((string)row[0], (string)row[1], (bool)row[2]);
            var reply = StaffChat.Text(await chat.SayAsync(role, command == "#umkm" ? Entry : command));
            var refused = reply.StartsWith("Maaf, ", StringComparison.Ordinal) && reply.Contains("/petugas", StringComparison.Ordinal);
            Assert.True(allowed != refused, $"{role} {command}: {reply}");
            if (allowed)
            {
                // Allowed means the command did its work, not merely that it was not refused.
                Assert.True(reply.StartsWith(Expected[command], StringComparison.Ordinal), $"{role} {command}: {reply}");
            }
        }

        // Only the allowed quick entries were stored (enumerator, coordinator, admin: the same business, once).
        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal(RecordSources.Enumerator, record.Sumber);
    }

    [Fact]
    public void The_policy_table_is_what_the_contract_says()
    {
        Person P(PersonRole role, string? region = "16.01") => new() { Role = role, RegionCode = region };
        Assert.True(RolePolicy.Allows(P(PersonRole.Enumerator), StaffAction.QuickEntry));
        Assert.True(RolePolicy.Allows(P(PersonRole.Enumerator), StaffAction.Performance));
        Assert.False(RolePolicy.Allows(P(PersonRole.Enumerator), StaffAction.Team));
        Assert.False(RolePolicy.Allows(P(PersonRole.Enumerator), StaffAction.Review));
        Assert.True(RolePolicy.Allows(P(PersonRole.Coordinator), StaffAction.Review));
        Assert.False(RolePolicy.Allows(P(PersonRole.Coordinator), StaffAction.Performance));
        Assert.True(RolePolicy.Allows(P(PersonRole.Admin, null), StaffAction.Team));
        Assert.False(RolePolicy.Allows(P(PersonRole.Owner), StaffAction.QuickEntry));
        Assert.False(RolePolicy.Allows(P(PersonRole.Official, "16"), StaffAction.QuickEntry));
        // A staff role without a region can do nothing rather than everything.
        Assert.False(RolePolicy.Allows(P(PersonRole.Enumerator, null), StaffAction.QuickEntry));
        Assert.True(RolePolicy.InScope(P(PersonRole.Coordinator), "16.01.14.1005"));
        Assert.False(RolePolicy.InScope(P(PersonRole.Coordinator), "16.02.01.2001"));
        Assert.True(RolePolicy.InScope(P(PersonRole.Admin, null), "91.01.01.2001"));
    }

    [Fact]
    public async Task A_refusal_is_in_English_after_bahasa_en_and_stores_nothing()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.SayAsync("stranger", "/bahasa en");
        var reply = StaffChat.Text(await chat.SayAsync("stranger", Entry));
        Assert.StartsWith("Sorry, quick entry (#umkm) is only for registered enumerators", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        Assert.False(await db.UmkmRecords.AnyAsync());
    }
}

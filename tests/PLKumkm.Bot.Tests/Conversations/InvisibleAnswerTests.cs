using System.Text;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Tests.Records;
using PLKumkm.Bot.Tests.Staff;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>Issue 12: "\u202eAmina\u202c" typed in the chat was stored and exported with its right-to-left override.</summary>
public sealed class InvisibleAnswerTests
{
    [Fact]
    public async Task A_name_with_a_right_to_left_override_is_stored_and_exported_as_Amina()
    {
        await using var chat = await StaffChat.StartAsync();

        var replies = await OwnerRegistration.RunAsync(chat, "owner", "1601074508900001", "Warung\u00AD Ami\u200Dna", name: "\u202eAmina\u202c");

        Assert.DoesNotContain('\u202e', replies);
        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal(("Amina", "Warung Amina"), (record.NamaPemilik, record.NamaUsaha));
        Assert.DoesNotContain('\u202e', await db.RecordVersions.Select(v => v.ChangesJson).SingleAsync());
        using var output = new MemoryStream();
        await new RecordExporter(db, RegionCatalog.Shared).WriteAsync(new ExportRequest(RecordKind.Umkm, "16.01", ExportFormat.Csv, WithNik: false), output, default);
        var csv = Encoding.UTF8.GetString(output.ToArray());
        Assert.Contains(",Amina,", csv, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202e', csv);
    }

    [Fact]
    public async Task Quick_entry_drops_bidi_and_zero_width_characters_from_keys_and_values()
    {
        await using var chat = await StaffChat.StartAsync();
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");

        var reply = StaffChat.Text(await chat.SayAsync("rudi", "#umkm\n\u2066NIK\u2069: 1601074508900001\nNama: \u202eAmina\u202c\nUsaha: Warung\u200B Amina\n" +
            "HP: 0813 9999 0000\nDesa: Sukaraya, Baturaja Timur\nKBLI: G\nOmzet: 3jt/bulan\nPekerja: 2"));

        Assert.StartsWith("✅ Tersimpan", reply, StringComparison.Ordinal);
        await using var db = chat.Db.Open();
        var record = await db.UmkmRecords.SingleAsync();
        Assert.Equal(("Amina", "Warung Amina"), (record.NamaPemilik, record.NamaUsaha));
    }
}

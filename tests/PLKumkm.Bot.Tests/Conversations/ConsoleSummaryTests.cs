using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>
/// On the console the summary says "Ketik nomornya untuk mengubah jawaban (mis. 3)": those numbers must edit
/// those answers (issue 13: "2" asked to cancel everything, "1" submitted), and submit/cancel go by word or key.
/// </summary>
public sealed class ConsoleSummaryTests
{
    private static Task<string> ChatAsync(TestDatabase db, IEnumerable<string> lines) => ConsoleChat.RunAsync(db, lines, "summary");

    [Fact]
    public async Task The_numbers_of_the_summary_edit_those_answers()
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, [.. ConsoleChat.ToSummary, "2", "1601 0745 0890 0001", "1", "Siti Aminah Jaya", "kirim"]);

        var afterSummary = output[output.IndexOf("Ringkasan jawaban Anda", StringComparison.Ordinal)..];
        Assert.DoesNotContain("Yakin ingin membatalkan", afterSummary, StringComparison.Ordinal);
        Assert.Contains("Berapa NIK pemilik usaha?", afterSummary, StringComparison.Ordinal);
        Assert.Contains("Siapa nama lengkap pemilik usaha", afterSummary, StringComparison.Ordinal);
        // Submit and cancel show their own keys, not numbers that collide with the answers'.
        Assert.Contains("[kirim] ✅ Kirim", afterSummary, StringComparison.Ordinal);
        Assert.Contains("[batal] ❌ Batal", afterSummary, StringComparison.Ordinal);

        await using var ctx = db.Open();
        Assert.Equal("Siti Aminah Jaya", (await ctx.UmkmRecords.SingleAsync()).NamaPemilik);
    }

    [Fact]
    public async Task Cancel_by_word_asks_first()
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, [.. ConsoleChat.ToSummary, "batal", "ya"]);

        Assert.Contains("Yakin ingin membatalkan", output, StringComparison.Ordinal);
        Assert.Contains("Pendaftaran dibatalkan", output, StringComparison.Ordinal);
        await using var ctx = db.Open();
        Assert.False(await ctx.UmkmRecords.AnyAsync());
    }

    [Theory]
    [InlineData("Daftarkan UMKM", "nama lengkap pemilik")]
    [InlineData("koperasi", "nama lengkap koperasinya")]
    public async Task The_start_menu_answered_by_typing_its_button(string typed, string firstQuestion)
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, ["/start", typed, "1"]);

        // The consent notice, then (after "1" = agree) the first question of that registration.
        Assert.Contains("Sebelum mulai, mohon baca pemberitahuan singkat ini", output, StringComparison.Ordinal);
        Assert.Contains(firstQuestion, output, StringComparison.Ordinal);
    }
}

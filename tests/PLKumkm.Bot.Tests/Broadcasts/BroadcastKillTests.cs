using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.EndToEnd;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Broadcasts;

/// <summary>
/// Issue 17, item 4, as an operator meets it: the <c>broadcast</c> verb in its own process, killed with SIGKILL half-way
/// while the running bot delivers what it stored to Telegram, then run again to the end — every recipient gets the
/// message exactly once.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class BroadcastKillTests
{
    private const int People = 48;
    private const long FirstChat = 9_170_000;
    private const string Text = "Rapat evaluasi pencacah besok pukul 09.00 di kantor dinas.";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_broadcast_killed_half_way_and_run_again_reaches_everyone_exactly_once()
    {
        using var db = new TestDatabase();
        await ToolHost.CopyTemplateAsync(db);
        await using (var ctx = db.Open())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < People; i++)
            {
                ctx.People.Add(new Person
                {
                    Name = $"Pencacah {i}", Role = PersonRole.Enumerator, RegionCode = "16.01", CreatedAt = now,
                    Addresses = [new PersonAddress { Address = $"telegram:{FirstChat + i}", CreatedAt = now }],
                });
            }

            await ctx.SaveChangesAsync();
        }

        // The running bot delivers what the verb stores: picked up a second after it is stored.
        await using var bot = await TelegramBotSession.StartAsync(db, "--Messaging:RetryAfterSeconds=1", "--Messaging:RetryIntervalSeconds=1");
        var file = Path.Combine(db.Folder, "pesan.txt");
        await File.WriteAllTextAsync(file, Text);

        // 4 a second: 48 people take 12 seconds, time enough to kill it in the middle.
        using (var first = Start(db, file))
        {
            await bot.Fake.WaitUntilAsync(() => Delivered(bot) >= 8, Timeout, () => $"{Delivered(bot)} delivered before the kill");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        int storedBeforeKill;
        await using (var ctx = db.Open())
        {
            storedBeforeKill = await ctx.BroadcastRecipients.CountAsync();
        }

        Assert.InRange(storedBeforeKill, 8, People - 1);

        string report;
        using (var second = Start(db, file))
        {
            var output = second.StandardOutput.ReadToEndAsync();
            var error = second.StandardError.ReadToEndAsync();
            await second.WaitForExitAsync().WaitAsync(Timeout);
            Assert.True(second.ExitCode == 0, await error);
            report = await output;
        }

        await bot.Fake.WaitUntilAsync(() => Delivered(bot) >= People, Timeout, () => $"{Delivered(bot)} of {People} delivered");
        // Two more passes of the bot's outbox: anything stored twice would go out now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        for (var i = 0; i < People; i++)
        {
            Assert.Equal(Text, Assert.Single(bot.Fake.SentTo(FirstChat + i)).PlainText);
        }

        Assert.Contains($": {People - storedBeforeKill} stored now (telegram {People - storedBeforeKill}), {storedBeforeKill} earlier, 0 without a reachable chat",
            report, StringComparison.Ordinal);
        await using var check = db.Open();
        Assert.Equal(People, await check.BroadcastRecipients.CountAsync());
        Assert.Equal(0, await check.Outbox.CountAsync(o => o.SentAt == null));
    }

    private static int Delivered(TelegramBotSession bot) => bot.Fake.AllSent.Count(m => m.PlainText == Text);

    /// <summary>The built bot (<c>dotnet PLKumkm.Bot.dll broadcast …</c>) in a working folder of its own.</summary>
    private static Process Start(TestDatabase db, string file)
    {
        var dll = Path.Combine(BotProcess.RepositoryRoot, "src", "PLKumkm.Bot", "bin", BotProcess.Configuration, "net10.0", "PLKumkm.Bot.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory.CreateDirectory(Path.Combine(db.Folder, "cwd")).FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[dll, "broadcast", "--region", "16.01", "--to", "enumerators", "--text", file,
            "--Broadcasts:TelegramPerSecond=4", db.ConfigArg, $"--DataProtection:KeyFile={Path.GetFullPath(db.KeyPath)}"])
        {
            info.ArgumentList.Add(arg);
        }

        // No channel or database from the machine's environment: the test chooses.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Telegram__", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("WhatsApp__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        return Process.Start(info)!;
    }
}

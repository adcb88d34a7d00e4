using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Channels.Console;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Hosting;

/// <summary><c>chat --phone</c>, multi-line messages, a quiet terminal and Ctrl+C, as an operator uses them.</summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class ConsoleStaffTests
{
    private const string QuickEntry = """
        #umkm
        NIK: 1601 0745 0890 0001
        Nama: Siti Aminah
        Usaha: Warung Siti
        HP: 0812 3456 7890
        Desa: Sukaraya, Baturaja Timur
        KBLI: G
        Omzet: 3jt/bulan
        Pekerja: 2
        """;

    [Fact]
    public async Task A_pre_registered_enumerator_chats_from_the_console_and_a_multi_line_quick_entry_is_saved_with_nothing_else_printed()
    {
        var folder = Directory.CreateTempSubdirectory("plkumkm-cwd-");
        try
        {
            var add = await BotProcess.DotnetRunAsync(folder.FullName, null, null,
                "users", "add", "--phone", "0813 1111 2222", "--role", "enumerator", "--region", "16.01", "--name", "Budi Santoso");
            Assert.True(add.ExitCode == 0, add.Error);

            var chat = await BotProcess.DotnetRunAsync(folder.FullName, QuickEntry + "\n\n/status\n", null, "chat", "--phone", "0813-1111-2222");
            Assert.True(chat.ExitCode == 0, chat.Error);
            Assert.Contains("chat as Budi Santoso (enumerator, region 16.01)", chat.Output);
            Assert.Contains("KUMKM-1601-000001", chat.Output);
            // Library warnings (EF Core's advice on row limits) and the host's lifetime lines stay out of the chat.
            Assert.Equal("", chat.Error);
            Assert.DoesNotContain("warn:", chat.Output);

            var nobody = await BotProcess.DotnetRunAsync(folder.FullName, "", null, "chat", "--phone", "0819 9999 0000");
            Assert.Equal(1, nobody.ExitCode);
            Assert.StartsWith("error: no one is known by that phone number", Assert.Single(nobody.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_line_ending_in_a_backslash_continues_and_a_hash_block_runs_to_an_empty_line()
    {
        var input = new ConsoleInput(new StringReader("halo \\\ndunia\n#umkm\nNIK: 1\nNama: X\n\n/bantuan\n#koperasi"));
        Assert.Equal("halo \ndunia", await input.ReadMessageAsync(CancellationToken.None));
        Assert.Equal("#umkm\nNIK: 1\nNama: X", await input.ReadMessageAsync(CancellationToken.None));
        Assert.Equal("/bantuan", await input.ReadMessageAsync(CancellationToken.None));
        Assert.Equal("#koperasi", await input.ReadMessageAsync(CancellationToken.None));
        Assert.Null(await input.ReadMessageAsync(CancellationToken.None));
        Assert.Null(await input.ReadMessageAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Stopping_does_not_wait_for_the_next_line_and_what_was_answered_is_kept()
    {
        using var db = new TestDatabase();
        var output = new StringWriter();
        using var keyboard = new Keyboard("/start\n1\n1\nSiti Aminah\n");
        var terminal = new ConsoleTerminal(keyboard, TextWriter.Synchronized(output));
        using var host = BotHost.Build(HostMode.Chat, [db.ConfigArg, "--ConsoleChat:UserId=ctrlc"], b => b.Services.AddSingleton(terminal));
        await host.StartAsync();
        await keyboard.Drained.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!output.ToString().Contains("16 angka di KTP", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // Ctrl+C: the host stops while the terminal waits for a line nobody types.
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await host.StopAsync();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {stopping.Elapsed}");

        await using var ctx = db.Open();
        var session = await ctx.Sessions.SingleAsync();
        Assert.Contains("Siti Aminah", session.StateJson);
    }

    /// <summary>Types its lines, then blocks like a terminal nobody types into.</summary>
    private sealed class Keyboard(string typed) : TextReader
    {
        private readonly StringReader _typed = new(typed);
        private readonly ManualResetEventSlim _never = new();

        public TaskCompletionSource Drained { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override string? ReadLine()
        {
            if (_typed.ReadLine() is { } line)
            {
                return line;
            }

            Drained.TrySetResult();
            _never.Wait();
            return null;
        }

        protected override void Dispose(bool disposing)
        {
            _never.Set();
            base.Dispose(disposing);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PLKumkm.Bot.Channels.Console;
using PLKumkm.Bot.Hosting;

namespace PLKumkm.Bot.Tests.Hosting;

/// <summary>The console chat as a person types into it: lines in, everything the bot printed out.</summary>
internal static class ConsoleChat
{
    /// <summary>A whole UMKM registration up to its summary, as typed.</summary>
    public static readonly string[] ToSummary =
    [
        "/start", "1", "1", "Siti Aminah", "1601 0745 0890 0001", "2", "0812-3456-7890", "Warung Bu Siti",
        "jualan sembako", "G", "2019", "1", "1", "tidak",
        "sumatera selatan", "ogan komering ulu", "baturaja timur", "sukaraya", "Jl. Merdeka 1", "/lewati", "/lewati",
        "2", "1", "1", "bulan", "3jt", "10jt", "/lewati", "offline", "1", "8", "tidak",
    ];

    /// <summary>The same registration, submitted.</summary>
    public static readonly string[] Registration = [.. ToSummary, "kirim"];

    public static async Task<string> RunAsync(TestDatabase db, IEnumerable<string> lines, string user = "local")
    {
        var output = new StringWriter();
        var terminal = new ConsoleTerminal(new StringReader(string.Join('\n', lines) + "\n"), output);
        using var host = BotHost.Build(HostMode.Chat, [db.ConfigArg, $"--ConsoleChat:UserId={user}", $"--ConsoleChat:OutputFolder={db.Folder}"],
            b => b.Services.AddSingleton(terminal));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.RunAsync(timeout.Token);
        return output.ToString();
    }
}

using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.Console;

/// <summary>
/// The console chat: one message in (a line, or several, see <see cref="ConsoleInput"/>), the bot's replies out.
/// Works with a terminal or piped input (a script); at the end of input, or at Ctrl+C, the program stops.
/// </summary>
internal sealed partial class ConsoleChatService(
    ConsoleTerminal terminal,
    IServiceScopeFactory scopes,
    IOptions<ConsoleChatOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    public const string PhotoPrefix = "/foto ";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (database, other services) finish before the first prompt.
        await Task.Yield();
        var user = options.Value.UserId;
        await terminal.Output.WriteLineAsync(
            "PL-KUMKM Bot — obrolan konsol. Ketik /start untuk mendaftarkan usaha, /bantuan untuk bantuan, Ctrl+D atau Ctrl+C untuk keluar.");
        await terminal.Output.FlushAsync(stoppingToken);
        var sequence = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await terminal.Messages.ReadMessageAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                break;
            }

            var content = Translate(line);
            var message = new InboundMessage(ConsoleSender.ChannelName, user,
                $"console:{user}:{clock.GetUtcNow().UtcTicks}:{++sequence}", clock.GetUtcNow(), content, options.Value.Name);
            try
            {
                // Not the stopping token: a message already typed is processed and saved even when Ctrl+C follows it.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IInboundProcessor>().ProcessAsync(message, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
                await terminal.Output.WriteLineAsync("Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi.");
            }
        }

        lifetime.StopApplication();
    }

    /// <summary>A number answers the numbered options last shown, a key its option; "/foto PATH" stands in for sending a picture.</summary>
    private InboundContent Translate(string line)
    {
        var trimmed = line.Trim();
        var options = terminal.LastOptions;
        var numbered = options.Where(o => o.Key is null).ToList();
        if (int.TryParse(trimmed, out var n) && n >= 1 && n <= numbered.Count)
        {
            return new ChoiceInput(numbered[n - 1].Value);
        }

        if (options.FirstOrDefault(o => string.Equals(o.Key, trimmed, StringComparison.OrdinalIgnoreCase)) is { } keyed)
        {
            return new ChoiceInput(keyed.Value);
        }

        if (trimmed.StartsWith(PhotoPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return new PhotoInput(trimmed[PhotoPrefix.Length..].Trim());
        }

        return new TextInput(line);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Console message failed")]
    private partial void LogFailed(Exception exception);
}

using PLKumkm.Bot.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace PLKumkm.Bot.LoadTest.Targets;

/// <summary>
/// The baseline: the same Telegram.Bot client and long polling, chats in parallel like the real bot, but no logic
/// and no storage: every update is answered with one message echoing it, then the batch is acknowledged.
/// </summary>
internal sealed class EchoBot : IAsyncDisposable
{
    /// <summary>The hidden mode that runs the echo bot as its own process: <c>echo-bot TOKEN BASE-URL</c>, until SIGTERM.</summary>
    public const string Mode = "echo-bot";

    private const int MaxChatsInParallel = MessagingOptions.DefaultChatsInParallel;
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private Task _loop = Task.CompletedTask;

    public static EchoBot Start(string token, string baseUrl)
    {
        var echo = new EchoBot();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = 0 }, echo._http);
        echo._loop = Task.Run(() => PollAsync(bot, echo._stop.Token));
        return echo;
    }

    private static async Task PollAsync(ITelegramBotClient bot, CancellationToken ct)
    {
        int? offset = null;
        UpdateType[] allowed = [UpdateType.Message, UpdateType.CallbackQuery];
        while (!ct.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, 5, allowed, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (updates.Length == 0)
            {
                continue;
            }

            var chats = updates.GroupBy(u => u.Message?.Chat.Id ?? u.CallbackQuery?.Message?.Chat.Id ?? u.CallbackQuery?.From.Id ?? 0);
            await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = MaxChatsInParallel, CancellationToken = ct },
                async (chat, token) =>
                {
                    foreach (var update in chat)
                    {
                        var text = update.Message?.Text ?? update.CallbackQuery?.Data ?? update.Type.ToString();
                        await bot.SendMessage(chat.Key, "echo: " + text, cancellationToken: token).ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
            offset = updates.Max(u => u.Id) + 1;
        }
    }

    public static async Task<int> RunAsProcessAsync(string token, string baseUrl)
    {
        using var stop = new CancellationTokenSource();
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
        await using var echo = Start(token, baseUrl);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM: stop polling.
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _stop.Dispose();
        _http.Dispose();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace PLKumkm.Bot.Channels.Telegram;

/// <summary>
/// One polled batch of Telegram updates through the pipeline: in one unit of work when the processor can (group
/// commit), else chat by chat (chats in parallel, one chat strictly in order). A failed update is logged by its ids
/// and its chat gets an apology; the rest of the batch goes on.
/// </summary>
internal sealed class TelegramBatchHandler(
    ITelegramBotClient bot,
    TelegramSender sender,
    TelegramBotIdentity identity,
    IServiceScopeFactory scopes,
    IOptions<MessagingOptions> limits,
    TimeProvider time,
    ILogger<TelegramBatchHandler> logger)
{
    public const string Apology = "Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.";

    /// <summary>Processes the batch; returns once its effects are committed, with the delivery of its replies.</summary>
    public async Task<Task> ProcessAsync(Update[] updates, CancellationToken ct)
    {
        var receivedAt = time.GetUtcNow();
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (scope.ServiceProvider.GetService<IInboundProcessor>() is IInboundBatchProcessor batch)
            {
                return await ProcessTogetherAsync(batch, updates, receivedAt, ct).ConfigureAwait(false);
            }
        }

        await ProcessPerChatAsync(updates, receivedAt, ct).ConfigureAwait(false);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The whole batch in one unit of work (group commit): the processor applies it in order, so each chat's
    /// updates stay in order, commits once and queues the replies for delivery after the commit.
    /// </summary>
    private async Task<Task> ProcessTogetherAsync(IInboundBatchProcessor processor, Update[] updates, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var spinners = updates.Where(u => u.CallbackQuery is not null)
            .Select(u => AnswerCallbackAsync(u.CallbackQuery!.Id, u.Id, ct)).ToList();
        var messages = new List<InboundMessage>(updates.Length);
        var updateOf = new Dictionary<InboundMessage, Update>(ReferenceEqualityComparer.Instance);
        foreach (var update in updates)
        {
            try
            {
                if (TelegramUpdateTranslator.Translate(update, receivedAt, identity.Username) is { } inbound)
                {
                    messages.Add(inbound);
                    updateOf[inbound] = update;
                }
                else
                {
                    logger.LogDebug("Telegram update {UpdateId} of type {UpdateType} ignored", update.Id, update.Type);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                await FailedAsync(update, ex, ct).ConfigureAwait(false);
            }
        }

        var delivered = Task.CompletedTask;
        if (messages.Count > 0)
        {
            var result = await processor.CommitBatchAsync(messages, ct).ConfigureAwait(false);
            delivered = result.Delivered;
            if (result.Failures.Count > 0)
            {
                // The apology goes straight out: after the replies the chat was already due, not before them.
                await delivered.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                foreach (var failure in result.Failures)
                {
                    await FailedAsync(updateOf[failure.Message], failure.Exception, ct).ConfigureAwait(false);
                }
            }
        }

        await Task.WhenAll(spinners).ConfigureAwait(false);
        return delivered;
    }

    private Task ProcessPerChatAsync(Update[] updates, DateTimeOffset receivedAt, CancellationToken ct)
    {
        // GroupBy keeps the original order inside each group, which is the per-chat order.
        var chats = updates.GroupBy(u => TelegramUpdateTranslator.ChatOf(u) ?? 0L).ToList();
        if (chats.Count == 1)
        {
            return ProcessChatAsync(chats[0], receivedAt, ct);
        }

        return Parallel.ForEachAsync(chats, limits.Value.ForChats(ct),
            async (chat, token) => await ProcessChatAsync(chat, receivedAt, token).ConfigureAwait(false));
    }

    private async Task ProcessChatAsync(IEnumerable<Update> updates, DateTimeOffset receivedAt, CancellationToken ct)
    {
        foreach (var update in updates)
        {
            await ProcessUpdateAsync(update, receivedAt, ct).ConfigureAwait(false);
        }
    }

    private async Task ProcessUpdateAsync(Update update, DateTimeOffset receivedAt, CancellationToken ct)
    {
        if (update.CallbackQuery is { } callback)
        {
            await AnswerCallbackAsync(callback.Id, update.Id, ct).ConfigureAwait(false);
        }

        try
        {
            var inbound = TelegramUpdateTranslator.Translate(update, receivedAt, identity.Username);
            if (inbound is null)
            {
                logger.LogDebug("Telegram update {UpdateId} of type {UpdateType} ignored", update.Id, update.Type);
                return;
            }

            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var processor = scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
                await processor.ProcessAsync(inbound, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            await FailedAsync(update, ex, ct).ConfigureAwait(false);
        }
    }

    private async Task FailedAsync(Update update, Exception ex, CancellationToken ct)
    {
        // Only ids: the update's text, phone numbers and NIKs must never reach the logs.
        var chatId = TelegramUpdateTranslator.ChatOf(update);
        logger.LogError(ex, "Processing Telegram update {UpdateId} for chat {ChatId} failed", update.Id, chatId);
        if (chatId is { } id)
        {
            await ApologizeAsync(TelegramUpdateTranslator.ChatIdText(id), update.Id, ct).ConfigureAwait(false);
        }
    }

    private Task AnswerCallbackAsync(string callbackQueryId, int updateId, CancellationToken ct) =>
        TelegramCallbacks.AnswerAsync(bot, logger, callbackQueryId, updateId, ct);

    private async Task ApologizeAsync(string chatId, int updateId, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(chatId, OutboundMessage.Plain(Apology), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Telegram apology for update {UpdateId} could not be sent ({Failure})",
                updateId, TelegramRetryPolicy.Describe(ex));
        }
    }
}

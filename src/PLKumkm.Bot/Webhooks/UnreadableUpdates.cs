using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Webhooks;

/// <summary>
/// Keeps an authenticated update that cannot be read (a union member the client library does not know yet, bytes that
/// are not UTF-8) in <c>webhook_inbox</c>, already given up on, so an operator can see it while the sender gets its
/// acknowledgement: refusing it would only make the platform resend it, or drop it, and the person would never be
/// answered. The caller logs it, once, without its content.
/// </summary>
internal sealed class UnreadableUpdates(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock)
{
    public const string ErrorPrefix = "unreadable: ";

    public async Task KeepAsync(string channel, string payload, string failure, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
        var now = clock.GetUtcNow();
        db.WebhookInbox.Add(new WebhookInboxItem
        {
            Channel = channel,
            Payload = payload,
            ReceivedAt = now,
            ProcessedAt = now,
            Attempts = 1,
            LastError = ErrorPrefix + failure,
        });
        using (await gate.EnterAsync(ct))
        {
            await db.SaveChangesAsync(ct);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// The pipeline every channel feeds: dedup by update key, find the person, let the first willing
/// handler answer, and commit the effects together with the replies (outbox) before delivering them.
/// </summary>
internal sealed partial class InboundProcessor(
    BotDbContext db,
    IEnumerable<IMessageHandler> handlers,
    WriteGate gate,
    OutboxDelivery delivery,
    TypingIndicator typing,
    TimeProvider clock,
    ILogger<InboundProcessor> logger) : IInboundProcessor
{
    private readonly IMessageHandler[] _handlers = handlers.OrderBy(h => h.Order).ToArray();

    public async Task ProcessAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        List<OutboxMessage> outbox;
        using var typingTimer = typing.StartFor(message);
        using (await gate.EnterAsync(cancellationToken))
        {
            if (await db.InboundUpdates.AnyAsync(u => u.UpdateKey == message.UpdateKey, cancellationToken))
            {
                LogDuplicate(message.Channel, message.UpdateKey);
                return;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var person = await FindOrCreatePersonAsync(message, now, cancellationToken);
            var context = new UpdateContext(message, person, db) { Content = Normalize(message) };
            foreach (var handler in _handlers)
            {
                if (await handler.TryHandleAsync(context, cancellationToken))
                {
                    break;
                }
            }

            db.InboundUpdates.Add(new InboundUpdate { UpdateKey = message.UpdateKey, ProcessedAt = now });
            outbox = context.Replies.Select(r => new OutboxMessage
            {
                Address = message.Address,
                PayloadJson = OutboxPayload.Serialize(r),
                CreatedAt = now,
            }).ToList();
            db.Outbox.AddRange(outbox);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        typingTimer.Dispose();
        await delivery.DeliverAsync(outbox, cancellationToken);
    }

    private async Task<Person> FindOrCreatePersonAsync(InboundMessage message, DateTimeOffset now, CancellationToken ct)
    {
        var address = message.Address;
        var person = await db.PersonAddresses.Where(a => a.Address == address).Select(a => a.Person).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            // A channel that proves the sender's phone joins the person already known by it.
            person = message.SenderPhone is { } phone ? await PersonPhones.FindAsync(db, phone, ct) : null;
            if (person is null)
            {
                person = new Person { Name = message.SenderName, Phone = message.SenderPhone, CreatedAt = now };
                db.People.Add(person);
            }
            else
            {
                person.Name ??= message.SenderName;
            }

            person.Addresses.Add(new PersonAddress { Address = address, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }

        person.LastSeenAt = now;
        PersonPhones.RememberOwnContact(person, message.Content);
        return person;
    }

    /// <summary>Channel details the handlers should not care about.</summary>
    private static InboundContent Normalize(InboundMessage message) => message.Content switch
    {
        // A button carrying a command (e.g. "/start") behaves as if it had been typed.
        ChoiceInput { Value: ['/', ..] } choice => new TextInput(choice.Value),
        // Photos are kept as channel-qualified references so they can be fetched later.
        PhotoInput photo => photo with { FileRef = $"{message.Channel}:{photo.FileRef}" },
        var content => content,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped {Channel} update {UpdateKey}: already processed")]
    private partial void LogDuplicate(string channel, string updateKey);
}

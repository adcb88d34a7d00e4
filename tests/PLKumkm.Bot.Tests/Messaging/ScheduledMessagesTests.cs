using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>
/// A broadcast looks its audience's chats up many at once (<see cref="ScheduledMessages.AddressesOfAsync"/>): each
/// person's newest chat that is not unreachable, over several query chunks, as one person's lookup gives it.
/// </summary>
public sealed class ScheduledMessagesTests
{
    [Fact]
    public async Task Batched_lookup_gives_each_person_their_newest_reachable_chat_across_chunks()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        var t0 = new DateTimeOffset(2022, 9, 12, 3, 0, 0, TimeSpan.Zero);
        var people = Enumerable.Range(0, ScheduledMessages.LookupChunk + 5).Select(_ => new Person { CreatedAt = t0 }).ToList();
        db.People.AddRange(people);
        await db.SaveChangesAsync();
        for (var i = 0; i < people.Count; i++)
        {
            db.PersonAddresses.Add(new PersonAddress { Address = $"telegram:{1000 + i}", PersonId = people[i].Id, CreatedAt = t0 });
        }

        // The last person of the second chunk: a newer WhatsApp chat wins. The first: a newer chat that is unreachable
        // does not. The second: only an unreachable chat, so no chat at all.
        var last = people[^1].Id;
        db.PersonAddresses.Add(new PersonAddress { Address = "whatsapp:6281234567890", PersonId = last, CreatedAt = t0.AddDays(1) });
        db.PersonAddresses.Add(new PersonAddress { Address = "whatsapp:6281200000001", PersonId = people[0].Id, CreatedAt = t0.AddDays(1), UnreachableSince = t0.AddDays(2) });
        await db.SaveChangesAsync();
        await db.PersonAddresses.Where(a => a.PersonId == people[1].Id).ExecuteUpdateAsync(a => a.SetProperty(x => x.UnreachableSince, t0));

        var scheduled = new ScheduledMessages(db, new WriteGate(), null!);
        var ids = people.Select(p => p.Id).ToList();
        var batched = await scheduled.AddressesOfAsync(ids, default);

        Assert.Equal(people.Count - 1, batched.Count);
        Assert.Equal("whatsapp:6281234567890", batched[last]);
        Assert.Equal("telegram:1000", batched[people[0].Id]);
        Assert.False(batched.ContainsKey(people[1].Id));
        // One person's lookup is the same rule (the digest's and the reminders').
        Assert.Equal("whatsapp:6281234567890", await scheduled.AddressOfAsync(last, default));
        Assert.Null(await scheduled.AddressOfAsync(people[1].Id, default));
    }
}

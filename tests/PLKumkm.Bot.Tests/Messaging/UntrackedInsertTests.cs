using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>
/// The pipeline writes each update's dedup key and replies with one reused INSERT per context instead of EF's change
/// tracking (<see cref="Bot.Storage.HotInsert{T}"/>): the rows must be stored exactly as EF stores them (encrypted
/// address and payload, times), get their generated ids, and vanish with a savepoint rolled back.
/// </summary>
public sealed class UntrackedInsertTests
{
    private static readonly DateTimeOffset T0 = new(2022, 9, 12, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public async Task Rows_are_stored_as_EF_stores_them_with_their_ids_and_nothing_is_tracked()
    {
        using var database = new TestDatabase();
        await using (var setup = database.Open())
        {
            await setup.Database.MigrateAsync();
            // One row the usual way: the reused insert's ids must follow it.
            setup.Outbox.Add(new OutboxMessage { Address = "telegram:1", PayloadJson = "{}", CreatedAt = T0 });
            await setup.SaveChangesAsync();
        }

        var rows = Enumerable.Range(0, 3).Select(i => new OutboxMessage
        {
            Address = "whatsapp:6281234567890",
            PayloadJson = $$"""{"text":"Halo {{i}}"}""",
            CreatedAt = T0.AddSeconds(i),
            Subject = i == 1 ? "reminder:7" : null,
            ClaimedBy = "instance-a",
            ClaimedUntil = T0.AddSeconds(15),
        }).ToList();
        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var row in rows)
            {
                await db.InsertUntrackedAsync(row, default);
            }

            await db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = "key-hash", ProcessedAt = T0 }, default);
            Assert.Empty(db.ChangeTracker.Entries());
            await transaction.CommitAsync();
        }

        await using var read = database.Open();
        var stored = await read.Outbox.AsNoTracking().Where(o => o.Id > 1).OrderBy(o => o.Id).ToListAsync();
        Assert.Equal(rows.Select(r => r.Id), stored.Select(s => s.Id));
        Assert.Equal([2L, 3L, 4L], rows.Select(r => r.Id));
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Address, stored[i].Address);
            Assert.Equal(rows[i].PayloadJson, stored[i].PayloadJson);
            Assert.Equal(rows[i].CreatedAt, stored[i].CreatedAt);
            Assert.Equal(rows[i].Subject, stored[i].Subject);
            Assert.Equal(rows[i].ClaimedUntil, stored[i].ClaimedUntil);
            Assert.Null(stored[i].SentAt);
        }

        // Deterministic encryption of the address: a lookup by address finds them, as it finds EF's rows.
        Assert.Equal(3, await read.Outbox.CountAsync(o => o.Address == "whatsapp:6281234567890"));
        var update = Assert.Single(await read.InboundUpdates.AsNoTracking().ToListAsync());
        Assert.Equal(("key-hash", T0), (update.UpdateKey, update.ProcessedAt));
        Assert.DoesNotContain("6281234567890", await RawTextAsync(read, "SELECT \"Address\" || ' ' || \"PayloadJson\" FROM outbox"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_inserted_inside_a_savepoint_that_is_rolled_back_is_gone()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = "kept", ProcessedAt = T0 }, default);
            await transaction.CreateSavepointAsync("one_update");
            await db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = "failed", ProcessedAt = T0 }, default);
            await transaction.RollbackToSavepointAsync("one_update");
            await transaction.CommitAsync();
        }

        // The same context's reused command, in a new transaction.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = "next", ProcessedAt = T0 }, default);
            await transaction.CommitAsync();
        }

        Assert.Equal(["kept", "next"], await db.InboundUpdates.Select(u => u.UpdateKey).OrderBy(k => k).ToListAsync());
    }

    [Fact]
    public async Task After_its_connection_was_closed_and_taken_by_another_context_the_reused_insert_writes_in_its_own_transaction()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        foreach (var key in new[] { "first", "second" })
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = key, ProcessedAt = T0 }, default);
            await transaction.CommitAsync();
        }

        // EF closed the connection with each transaction; the pool hands the native one to the next context.
        await using var other = database.Open();
        await other.Database.OpenConnectionAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = "rolled back", ProcessedAt = T0 }, default);
            await transaction.RollbackAsync();
        }

        await other.Database.CloseConnectionAsync();
        Assert.Equal(["first", "second"], await db.InboundUpdates.Select(u => u.UpdateKey).OrderBy(k => k).ToListAsync());
    }

    [Fact]
    public async Task Outside_a_transaction_it_refuses_rather_than_commit_a_row_alone()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.InsertUntrackedAsync(new InboundUpdate { UpdateKey = "alone", ProcessedAt = T0 }, default));
        Assert.Equal(0, await db.InboundUpdates.CountAsync());
    }

    [Fact]
    public async Task Rows_that_need_what_SaveChanges_adds_are_refused()
    {
        using var database = new TestDatabase();
        await using var db = database.Open();
        await db.Database.MigrateAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        // A person's phone has a lookup hash, a record its progress counts: both are SaveChanges' to keep.
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertUntrackedAsync(new Person { CreatedAt = T0 }, default));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertUntrackedAsync(new UmkmRecord { RegistrationNumber = "X" }, default));
    }

    private static async Task<string> RawTextAsync(Bot.Storage.BotDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }

        return string.Join("\n", texts);
    }
}

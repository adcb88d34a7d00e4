using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Messaging;

/// <summary>
/// A questionnaire step's session row is written by one reused UPDATE of the step's columns
/// (<see cref="Bot.Storage.HotUpdate{T}"/>) instead of EF's save: stored as EF stores it (the state encrypted),
/// only those columns, the entry left as after a save, and any other change left to EF.
/// </summary>
public sealed class HotSessionUpdateTests
{
    private static readonly DateTimeOffset T0 = new(2022, 9, 12, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public async Task A_step_is_stored_as_EF_stores_it_and_leaves_the_entry_unchanged()
    {
        using var database = new TestDatabase();
        var id = await StoreSessionAsync(database);

        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var session = await db.Sessions.SingleAsync(s => s.Id == id);
            session.StateJson = """{"answers":{"nik":"1671010101010001"}}""";
            session.Stage = "Reviewing";
            session.CurrentQuestionId = null;
            session.UpdatedAt = T0.AddMinutes(3);
            session.IsActive = false;
            session.EndedAt = T0.AddMinutes(3);
            session.RegistrationNumber = "UMKM-1601-000001";

            Assert.True(await db.TryUpdateHotAsync(db.Entry(session), SessionStore.StepColumns, default));
            Assert.Equal(EntityState.Unchanged, db.Entry(session).State);
            Assert.Equal(0, await db.SaveChangesAsync());
            // A later change of the same row is seen against what was just written.
            session.Stage = "Submitted";
            Assert.Equal(["Stage"], db.Entry(session).Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await using var read = database.Open();
        var stored = await read.Sessions.AsNoTracking().SingleAsync(s => s.Id == id);
        Assert.Equal(("""{"answers":{"nik":"1671010101010001"}}""", "Submitted", null, false), (stored.StateJson, stored.Stage, stored.CurrentQuestionId, stored.IsActive));
        Assert.Equal((T0.AddMinutes(3), T0.AddMinutes(3), "UMKM-1601-000001"), (stored.UpdatedAt, stored.EndedAt, stored.RegistrationNumber));
        // The reminder's columns are not the step's: untouched.
        Assert.Equal((1, T0.AddMinutes(1)), (stored.RemindersSent, stored.RemindedAt));
        // The state is encrypted at rest like every save's: the NIK is not in the file's column.
        var raw = await read.Database.SqlQuery<string>($"SELECT \"StateJson\" AS \"Value\" FROM sessions WHERE \"Id\" = {id}").SingleAsync();
        Assert.DoesNotContain("1671010101010001", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_with_any_other_change_is_left_to_EF_and_a_row_gone_is_refused()
    {
        using var database = new TestDatabase();
        var id = await StoreSessionAsync(database);

        await using var db = database.Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var session = await db.Sessions.SingleAsync(s => s.Id == id);
        Assert.False(await db.TryUpdateHotAsync(db.Entry(session), SessionStore.StepColumns, default));
        session.Stage = "Asking";
        session.RemindersSent = 0;
        Assert.False(await db.TryUpdateHotAsync(db.Entry(session), SessionStore.StepColumns, default));
        Assert.Equal(EntityState.Modified, db.Entry(session).State);

        await transaction.RollbackAsync();

        await using var other = database.Open();
        await using var second = await other.Database.BeginTransactionAsync();
        var gone = await other.Sessions.SingleAsync(s => s.Id == id);
        await other.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync();
        gone.Stage = "Reviewing";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => other.TryUpdateHotAsync(other.Entry(gone), SessionStore.StepColumns, default));
    }

    private static async Task<long> StoreSessionAsync(TestDatabase database)
    {
        await using var setup = database.Open();
        await setup.Database.MigrateAsync();
        var row = new ConversationSession
        {
            PersonId = 7, QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = "Asking", CurrentQuestionId = "nama_usaha",
            StateJson = "{}", IsActive = true, StartedAt = T0, UpdatedAt = T0, RemindersSent = 1, RemindedAt = T0.AddMinutes(1),
        };
        setup.Sessions.Add(row);
        await setup.SaveChangesAsync();
        return row.Id;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Owners;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Media;

/// <summary>A stored photo may be shared by records (the same bytes): its file goes when the last reference does.</summary>
public sealed class MediaCleanupTests
{
    private static async Task<MediaReference> StoreAsync(MediaStore store, string seed) =>
        (await store.SaveAsync((s, ct) => s.WriteAsync(FakeMedia.Jpeg(seed), ct).AsTask(), default)).Reference;

    private static MediaStore StoreOf(RecordsTestDatabase test) => new(test.File.MediaFolder, 1024 * 1024);

    [Fact]
    public async Task Erasure_releases_the_records_photo_and_the_photo_in_the_persons_open_form()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        var store = StoreOf(test);
        var recorded = await StoreAsync(store, "record");
        var unsent = await StoreAsync(store, "form");
        long personId;
        await using (var ctx = test.Open())
        {
            var person = new Person { Name = "Sari", CreatedAt = test.Clock.GetUtcNow() };
            ctx.People.Add(person);
            await ctx.SaveChangesAsync();
            personId = person.Id;
            await test.Writer(ctx).SaveUmkmAsync(RecordsTestDatabase.Umkm(a => a["foto"] = recorded.ToString()), RecordsTestDatabase.Owner(personId), default);
            ctx.Sessions.Add(new ConversationSession
            {
                PersonId = personId, QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = "Asking", IsActive = true,
                StateJson = $$"""{"questionnaireId":"umkm","questionnaireVersion":1,"stage":"Asking","answers":{"foto":"{{unsent}}"},"startedAt":"2026-11-27T03:00:00+00:00"}""",
            });
            await ctx.SaveChangesAsync();
            Assert.Equal("image/jpeg", (await ctx.UmkmRecords.SingleAsync()).FotoType);
        }

        await using (var ctx = test.Open())
        {
            var person = await ctx.People.SingleAsync(p => p.Id == personId);
            await PersonalDataEraser.EraseAsync(ctx, person, null, test.Clock.GetUtcNow(), default);
            await ctx.SaveChangesAsync();
            Assert.Equal(new[] { recorded.ToString(), unsent.ToString() }.Order(), ctx.ReleasedMedia.Order());

            var cleanup = new MediaCleanup(store, NullLogger<MediaCleanup>.Instance);
            Assert.Equal(2, await cleanup.DeleteReleasedAsync(ctx, [.. ctx.ReleasedMedia], DateTimeOffset.UtcNow.AddMinutes(1), default));
        }

        Assert.False(store.Exists(recorded));
        Assert.False(store.Exists(unsent));
        await using (var ctx = test.Open())
        {
            var record = await ctx.UmkmRecords.SingleAsync();
            Assert.Null(record.Foto);
            Assert.Null(record.FotoType);
        }
    }

    [Fact]
    public async Task A_file_another_record_or_an_open_form_still_refers_to_is_kept()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        var store = StoreOf(test);
        var shared = await StoreAsync(store, "shared");
        var inForm = await StoreAsync(store, "in-form");
        var alone = await StoreAsync(store, "alone");
        await using var ctx = test.Open();
        await test.Writer(ctx).SaveUmkmAsync(RecordsTestDatabase.Umkm(a => a["foto"] = shared.ToString()), RecordsTestDatabase.Owner(7), default);
        ctx.People.Add(new Person { Id = 8, CreatedAt = test.Clock.GetUtcNow() });
        ctx.Sessions.Add(new ConversationSession
        {
            PersonId = 8, QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = "Asking", IsActive = true,
            StateJson = $$"""{"questionnaireId":"umkm","questionnaireVersion":1,"stage":"Asking","answers":{"foto":"{{inForm}}"},"startedAt":"2026-11-27T03:00:00+00:00"}""",
        });
        await ctx.SaveChangesAsync();

        var cleanup = new MediaCleanup(store, NullLogger<MediaCleanup>.Instance);
        var deleted = await cleanup.DeleteReleasedAsync(ctx, [shared.ToString(), inForm.ToString(), alone.ToString(), "telegram:PHOTO-1"],
            DateTimeOffset.UtcNow.AddMinutes(1), default);

        Assert.Equal(1, deleted);
        Assert.True(store.Exists(shared));
        Assert.True(store.Exists(inForm));
        Assert.False(store.Exists(alone));
    }

    [Fact]
    public async Task A_file_seen_again_while_the_erasure_ran_is_left_to_the_sweep_which_deletes_it_once_old_and_unreferenced()
    {
        using var test = await RecordsTestDatabase.CreateAsync();
        var store = StoreOf(test);
        var photo = await StoreAsync(store, "racing");
        await using var ctx = test.Open();
        var cleanup = new MediaCleanup(store, NullLogger<MediaCleanup>.Instance);

        // Written after the erasure's batch began: another update may be about to refer to it.
        Assert.Equal(0, await cleanup.DeleteReleasedAsync(ctx, [photo.ToString()], DateTimeOffset.UtcNow.AddMinutes(-5), default));
        Assert.True(store.Exists(photo));

        File.SetLastWriteTimeUtc(store.PathOf(photo), DateTime.UtcNow.AddHours(-2));
        Assert.Equal(0, await cleanup.SweepAsync(ctx, TimeSpan.FromHours(3), default));
        Assert.Equal(1, await cleanup.SweepAsync(ctx, TimeSpan.FromHours(1), default));
        Assert.False(store.Exists(photo));
    }
}

using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Tests.Fakes;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// Issue 15 items 1–3 over the real host and the fakes: an unreadable update in a polled batch, corrections by editing,
/// and reactions and deleted messages that change nothing and get no reply.
/// </summary>
public sealed class EditsAndReactionsEndToEndTests
{
    private const long Chat = 778001;

    [Fact]
    public async Task Telegram_polling_keeps_an_unreadable_update_answers_the_next_and_edits_correct_the_latest_answer()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);
        await bot.PressAsync(Chat, "/daftar");

        // A reaction of a type the client library does not know, in the same batch as the next message.
        var unknown = 0;
        var consent = await bot.AwaitAsync(Chat, () =>
        {
            unknown = bot.Fake.Enqueue(id => FakeBotUpdates.Update(id, "message_reaction", FakeBotUpdates.Reaction(1, Chat, "👍")
                .Also(r => r["new_reaction"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "shiny" }))));
            return bot.Fake.EnqueueCallback(Chat, "_consent=ya");
        });
        Assert.Contains("nama lengkap pemilik", TelegramBotSession.Text(consent));
        await using (var ctx = db.Open())
        {
            var kept = await ctx.WebhookInbox.SingleAsync(i => i.Channel == "telegram");
            Assert.StartsWith("unreadable: ", kept.LastError, StringComparison.Ordinal);
            Assert.Contains($"\"update_id\":{unknown}", kept.Payload, StringComparison.Ordinal);
        }

        var name = 0;
        Assert.Contains("NIK", TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => name = bot.Fake.EnqueueText(Chat, "Siti Aminh"))));
        var corrected = TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueEdit(Chat, name, "Siti Aminah")));
        Assert.Contains("Jawaban diperbarui: Nama pemilik → Siti Aminah", corrected);
        Assert.Contains("NIK", corrected);

        var nik = 0;
        await bot.AwaitAsync(Chat, () => nik = bot.Fake.EnqueueText(Chat, "1601 0745 0890 0001"));
        var refused = TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueEdit(Chat, nik, "12345")));
        Assert.Contains("Jawaban sebelumnya tetap: NIK → 1601********0001", refused);
        Assert.Equal(EditTooOld, TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueEdit(Chat, name, "Budi"))));

        // A reaction of a known type, and its removal: no reply, nothing changed.
        Assert.Empty(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueReaction(Chat, nik, "👍")));
        Assert.Empty(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueReaction(Chat, nik, null)));

        var answers = await AnswersAsync(db);
        Assert.Equal("Siti Aminah", answers["nama_pemilik"]);
        Assert.Equal("1601074508900001", answers["nik"]);
        Assert.Contains(bot.Fake.RequestsFor("getUpdates"), r => r.GetString("allowed_updates")!.Contains("edited_message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatsApp_edits_correct_the_latest_answer_and_reactions_and_deleted_messages_get_no_reply()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await bot.SayAsync("/daftar");
        await bot.PressAsync("_consent=ya");

        var name = W.Text(WhatsAppBotSession.User, "Siti Aminh");
        Assert.Contains("NIK", WhatsAppBotSession.Text(await bot.SendAsync(name)));
        var nameId = name["id"]!.GetValue<string>();
        var corrected = WhatsAppBotSession.Text(await bot.SendAsync(W.Edit(WhatsAppBotSession.User, nameId, "Siti Aminah")));
        Assert.Contains("Jawaban diperbarui: Nama pemilik → Siti Aminah", corrected);
        Assert.DoesNotContain("belum bisa membaca", corrected);

        var nik = W.Text(WhatsAppBotSession.User, "1601 0745 0890 0001");
        await bot.SendAsync(nik);
        var nikId = nik["id"]!.GetValue<string>();
        Assert.Contains("Jawaban sebelumnya tetap", WhatsAppBotSession.Text(await bot.SendAsync(W.Edit(WhatsAppBotSession.User, nikId, "999"))));
        Assert.Equal(EditTooOld, WhatsAppBotSession.Text(await bot.SendAsync(W.Edit(WhatsAppBotSession.User, nameId, "Budi"))));

        // Mid-questionnaire: a reaction, its removal (empty emoji, or none at all) and deleting the answer: silence.
        foreach (var quiet in new[]
                 {
                     W.Reaction(WhatsAppBotSession.User, "wamid.bot-message", "👍"),
                     W.Reaction(WhatsAppBotSession.User, "wamid.bot-message", ""),
                     W.Reaction(WhatsAppBotSession.User, "wamid.bot-message", null),
                     W.Revoke(WhatsAppBotSession.User, nikId),
                 })
        {
            Assert.Empty(await bot.SendAsync(quiet));
        }

        var answers = await AnswersAsync(db);
        Assert.Equal("Siti Aminah", answers["nama_pemilik"]);
        // Deleting the chat message does not take the answer back.
        Assert.Equal("1601074508900001", answers["nik"]);
        Assert.Contains("Jenis kelamin", WhatsAppBotSession.Text(await bot.SayAsync("/bantuan")));
    }

    [Fact]
    public async Task An_edit_with_no_questionnaire_open_changes_nothing_and_says_so()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        var progress = W.Text(WhatsAppBotSession.User, "progress OKU");
        await bot.SendAsync(progress);

        var said = WhatsAppBotSession.Text(await bot.SendAsync(W.Edit(WhatsAppBotSession.User, progress["id"]!.GetValue<string>(), "progress OKI")));

        Assert.Equal(SubmissionTexts.EditChangesNothing("id"), said);
    }

    private static string EditTooOld => PLKumkm.Bot.Conversations.Engine.EngineTexts.EditTooOld.Id;

    private static async Task<IReadOnlyDictionary<string, string>> AnswersAsync(TestDatabase db)
    {
        await using var ctx = db.Open();
        var row = await ctx.Sessions.OrderByDescending(s => s.Id).FirstAsync();
        return SessionStore.Read(row).Answers;
    }
}

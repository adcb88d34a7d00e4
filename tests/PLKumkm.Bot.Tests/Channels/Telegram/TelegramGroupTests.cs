using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Tests.EndToEnd;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

/// <summary>
/// A Telegram group is a public place (the real client against the fake Bot API): the bot answers progress and its
/// help there, sends everything personal to a private chat with a deep link, ignores commands meant for other bots,
/// and never starts a questionnaire, asks or stores anything personal, or makes one person of the group.
/// </summary>
public sealed class TelegramGroupTests
{
    private const long Group = -1001234567890;
    private const long Member = 424201;
    private const long OtherMember = 424202;

    private static Task<IReadOnlyList<SentMessage>> SayInGroupAsync(TelegramBotSession bot, string text, long from = Member) =>
        bot.AwaitAsync(Group, () => bot.Fake.EnqueueText(Group, text, from));

    [Fact]
    public async Task Start_in_a_group_gives_the_group_help_with_a_link_to_a_private_chat_and_starts_nothing()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);

        var reply = Assert.Single(await SayInGroupAsync(bot, "/start@plkumkm_test_bot"));

        Assert.Equal(GroupChatHandler.Help.Id.Trim(), reply.PlainText?.Trim());
        var button = Assert.Single(Assert.Single(reply.Markup!.InlineKeyboard));
        Assert.Equal("https://t.me/plkumkm_test_bot?start=daftar", button.Url);
        await using var ctx = db.Open();
        Assert.Empty(await ctx.Sessions.ToListAsync());
        Assert.Empty(await ctx.People.ToListAsync());
    }

    [Fact]
    public async Task A_photo_sent_in_a_group_is_not_downloaded_or_stored()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);

        await bot.AwaitAsync(Group, () => bot.Fake.EnqueuePhoto(Group, fileId: "GROUP-PHOTO"));

        Assert.Empty(bot.Fake.RequestsFor("getFile"));
        Assert.Empty(bot.Fake.FileDownloads);
        Assert.False(Directory.Exists(db.MediaFolder));
    }

    [Fact]
    public async Task A_command_for_another_bot_is_ignored()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);

        Assert.Empty(await SayInGroupAsync(bot, "/start@OtherBot"));
        Assert.Empty(await SayInGroupAsync(bot, "/progress@OtherBot OKU"));
    }

    [Fact]
    public async Task Progress_is_answered_in_a_group_and_personal_matters_are_sent_to_a_private_chat()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);

        Assert.Contains("Ogan Komering Ulu", TelegramBotSession.Text(await SayInGroupAsync(bot, "progress OKU")), StringComparison.Ordinal);
        Assert.Contains("Ogan Komering Ulu", TelegramBotSession.Text(await SayInGroupAsync(bot, "/progress@plkumkm_test_bot OKU")), StringComparison.Ordinal);

        foreach (var personal in new[] { "/daftar", "/petugas", "/status", "#umkm", "hapus data saya", "/tinjau", "/ekspor" })
        {
            var reply = Assert.Single(await SayInGroupAsync(bot, personal));
            Assert.Equal(GroupChatHandler.PrivateOnly.Id, reply.PlainText);
        }

        var contact = await bot.AwaitAsync(Group, () => bot.Fake.EnqueueMessage(id => FakeBotUpdates.Contact(id, Group, "+6281234567890", Member, Member)));
        Assert.Equal(GroupChatHandler.PrivateOnly.Id, Assert.Single(contact).PlainText);

        // Members talking among themselves (a NIK, a name) get no answer, and nothing is kept of them.
        Assert.Empty(await SayInGroupAsync(bot, "1601074508900001"));
        Assert.Empty(await SayInGroupAsync(bot, "Siti Aminah", OtherMember));

        await using var ctx = db.Open();
        Assert.Empty(await ctx.Sessions.ToListAsync());
        Assert.Empty(await ctx.People.ToListAsync());
        Assert.Empty(await ctx.Consents.ToListAsync());
    }

    [Fact]
    public async Task The_deep_link_opens_the_registration_in_the_private_chat()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);

        var reply = TelegramBotSession.Text(await bot.SayAsync(Member, "/start daftar"));

        Assert.Contains("Selamat datang di pendaftaran PL-KUMKM", reply, StringComparison.Ordinal);
        await using var ctx = db.Open();
        Assert.Equal(["telegram:" + Member], await ctx.PersonAddresses.Select(a => a.Address).ToListAsync());
    }
}

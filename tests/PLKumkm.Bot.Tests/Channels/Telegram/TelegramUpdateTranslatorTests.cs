using System.Text.Json;
using System.Text.Json.Nodes;
using PLKumkm.Bot.Channels.Telegram;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

public sealed class TelegramUpdateTranslatorTests
{
    private const long ChatId = 4242;
    private static readonly DateTimeOffset ReceivedAt = new(2022, 9, 12, 5, 30, 0, TimeSpan.Zero);

    [Fact]
    public void TextBecomesTextInputWithChannelFields()
    {
        var inbound = Translate(FakeBotUpdates.Update(501, "message", FakeBotUpdates.Text(7, ChatId, "progress OKU")));

        Assert.NotNull(inbound);
        Assert.Equal("telegram", inbound.Channel);
        Assert.Equal("4242", inbound.ChatId);
        Assert.Equal("telegram:501", inbound.UpdateKey);
        Assert.Equal(FakeBotUpdates.DefaultDate, inbound.SentAt);
        Assert.Equal("Tester", inbound.SenderName);
        Assert.Equal(new TextInput("progress OKU"), inbound.Content);
        Assert.Equal("telegram:4242", inbound.Address);
    }

    [Fact]
    public void A_private_chat_is_the_senders_and_a_group_is_shared_even_without_chat_type()
    {
        Assert.False(Translate(FakeBotUpdates.Update(1, "message", FakeBotUpdates.Text(1, ChatId, "hai")))!.IsGroup);
        Assert.True(Translate(FakeBotUpdates.Update(2, "message", FakeBotUpdates.Text(2, -100555, "hai", fromId: ChatId)))!.IsGroup);

        var untyped = FakeBotUpdates.Text(3, -100555, "hai", fromId: ChatId);
        untyped["chat"]!.AsObject().Remove("type");
        Assert.True(Translate(FakeBotUpdates.Update(3, "message", untyped))!.IsGroup);

        var typedPrivate = FakeBotUpdates.Text(4, ChatId, "hai");
        typedPrivate["chat"]!.AsObject().Remove("type");
        Assert.False(Translate(FakeBotUpdates.Update(4, "message", typedPrivate))!.IsGroup);
    }

    [Theory]
    [InlineData("/start@plkumkm_bot", "/start")]
    [InlineData("/START@PLKUMKM_BOT", "/START")]
    [InlineData("/progress@plkumkm_bot OKU", "/progress OKU")]
    [InlineData("/start@OtherBot", null)]
    [InlineData("/progress@other_bot OKU", null)]
    [InlineData("email saya a@b.id", "email saya a@b.id")]
    public void A_command_for_another_bot_is_not_ours(string sent, string? expected)
    {
        var update = JsonSerializer.Deserialize<Update>(FakeBotUpdates.Update(1, "message", FakeBotUpdates.Text(1, -100555, sent, fromId: ChatId)).ToJsonString(), JsonBotAPI.Options)!;

        var inbound = TelegramUpdateTranslator.Translate(update, ReceivedAt, "plkumkm_bot");

        Assert.Equal(expected, (inbound?.Content as TextInput)?.Text);
    }

    [Theory]
    [InlineData("/start@plkumkm_bot", "/start")]
    [InlineData("/bahasa@plkumkm_bot en", "/bahasa en")]
    [InlineData("/bantuan", "/bantuan")]
    [InlineData("email saya a@b.id", "email saya a@b.id")]
    public void CommandsLoseTheBotMention(string sent, string expected)
    {
        var inbound = Translate(FakeBotUpdates.Update(1, "message", FakeBotUpdates.Text(1, ChatId, sent)));

        Assert.Equal(new TextInput(expected), inbound!.Content);
    }

    [Fact]
    public void CallbackBecomesChoiceFromTheButtonsChat()
    {
        var callback = FakeBotUpdates.CallbackQuery("cbq-9", ChatId, "kbli:C", botMessageId: 33, botUserId: 123456);
        var inbound = Translate(FakeBotUpdates.Update(9, "callback_query", callback));

        Assert.NotNull(inbound);
        Assert.Equal("4242", inbound.ChatId);
        Assert.Equal("telegram:9", inbound.UpdateKey);
        Assert.Equal(new ChoiceInput("kbli:C"), inbound.Content);
        // A callback has no date of its own; the bot message's date would be the question's, not the answer's.
        Assert.Equal(ReceivedAt, inbound.SentAt);
    }

    [Fact]
    public void OwnContactIsTheSendersOwn()
    {
        var inbound = Translate(FakeBotUpdates.Update(2, "message", FakeBotUpdates.Contact(2, ChatId, "+6281234567890", contactUserId: ChatId)));

        Assert.Equal(new ContactInput("+6281234567890", IsSendersOwn: true), inbound!.Content);
    }

    [Theory]
    [InlineData(999L, false)]   // someone else's card
    [InlineData(null, false)]   // a contact without a Telegram account
    [InlineData(ChatId, true)]  // own number, but forwarded from another chat
    public void OtherContactsAreNotTheSendersOwn(long? contactUserId, bool forwarded)
    {
        var message = FakeBotUpdates.Contact(3, ChatId, "081234567890", contactUserId, forwarded: forwarded);
        var inbound = Translate(FakeBotUpdates.Update(3, "message", message));

        Assert.Equal(new ContactInput("081234567890", IsSendersOwn: false), inbound!.Content);
    }

    [Fact]
    public void LocationBecomesLocationInput()
    {
        var inbound = Translate(FakeBotUpdates.Update(4, "message", FakeBotUpdates.Location(4, ChatId, -4.0216, 104.1694)));

        Assert.Equal(new LocationInput(-4.0216, 104.1694), inbound!.Content);
    }

    [Fact]
    public void VenueIsReadAsItsLocation()
    {
        var message = FakeBotUpdates.Location(5, ChatId, -3.3, 104.5);
        message["venue"] = new JsonObject
        {
            ["location"] = new JsonObject { ["latitude"] = -3.3, ["longitude"] = 104.5 },
            ["title"] = "Pasar Baturaja",
            ["address"] = "Jl. Dr. M. Hatta",
        };

        Assert.Equal(new LocationInput(-3.3, 104.5), Translate(FakeBotUpdates.Update(5, "message", message))!.Content);
    }

    [Fact]
    public void PhotoTakesTheLargestSizeAndCaption()
    {
        var inbound = Translate(FakeBotUpdates.Update(6, "message", FakeBotUpdates.Photo(6, ChatId, "AgAC-big", "Warung Bu Sri")));

        Assert.Equal(new PhotoInput("AgAC-big", "Warung Bu Sri"), inbound!.Content);
    }

    [Fact]
    public void A_photo_sent_as_a_file_is_a_photo_and_another_document_is_not()
    {
        var image = Translate(FakeBotUpdates.Update(7, "message", FakeBotUpdates.Document(7, ChatId, "BQAC-png", "image/png", "warung.png", 2_000_000)));
        Assert.Equal(new PhotoInput("BQAC-png"), image!.Content);

        var pdf = Translate(FakeBotUpdates.Update(8, "message", FakeBotUpdates.Document(8, ChatId, "BQAC-pdf", "application/pdf", "nib.pdf", 2_000)));
        Assert.Equal(new UnsupportedInput("document"), pdf!.Content);
    }

    [Theory]
    [InlineData("sticker")]
    [InlineData("voice")]
    [InlineData("audio")]
    [InlineData("video")]
    [InlineData("video_note")]
    [InlineData("document")]
    [InlineData("animation")]
    [InlineData("poll")]
    [InlineData("dice")]
    public void OtherContentIsUnsupportedWithItsKind(string kind)
    {
        var message = FakeBotUpdates.Message(8, ChatId);
        foreach (var (key, value) in Content(kind))
        {
            message[key] = value;
        }

        var inbound = Translate(FakeBotUpdates.Update(8, "message", message));

        Assert.Equal(new UnsupportedInput(kind), inbound!.Content);
    }

    [Theory]
    [InlineData("channel_post")]
    [InlineData("edited_channel_post")]
    public void ChannelPostsAreIgnored(string kind)
    {
        var message = FakeBotUpdates.Text(10, ChatId, "halo");
        message["edit_date"] = FakeBotUpdates.DefaultDate.ToUnixTimeSeconds() + 60;

        Assert.Null(Translate(FakeBotUpdates.Update(10, kind, message)));
    }

    [Fact]
    public void A_message_carries_its_id_and_an_edit_names_the_message_it_changes()
    {
        var sent = Translate(FakeBotUpdates.Update(30, "message", FakeBotUpdates.Text(7, ChatId, "Warung Bu Sity")))!;
        Assert.Equal("7", sent.MessageId);
        Assert.Null(sent.EditsMessageId);

        var edit = Translate(FakeBotUpdates.Update(31, "edited_message", FakeBotUpdates.EditedText(7, ChatId, "Warung Bu Siti")))!;
        Assert.Equal(new TextInput("Warung Bu Siti"), edit.Content);
        Assert.Equal("7", edit.EditsMessageId);
        Assert.Equal("telegram:31", edit.UpdateKey);
        Assert.Equal("4242", edit.ChatId);
    }

    [Fact]
    public void A_button_under_an_inline_mode_message_answers_in_the_pressers_private_chat()
    {
        var inbound = Translate(FakeBotUpdates.Update(34, "callback_query", FakeBotUpdates.InlineCallbackQuery("cbq-in", ChatId, "kbli=G")))!;

        Assert.Equal(new ChoiceInput("kbli=G"), inbound.Content);
        Assert.Equal("4242", inbound.ChatId);
        Assert.False(inbound.IsGroup);
        Assert.Null(inbound.MessageId);
    }

    [Fact]
    public void A_live_location_moving_on_is_no_edit_of_an_answer()
    {
        var moved = FakeBotUpdates.Location(8, ChatId, -4.02, 104.17);
        moved["edit_date"] = FakeBotUpdates.DefaultDate.ToUnixTimeSeconds() + 60;

        Assert.Null(Translate(FakeBotUpdates.Update(32, "edited_message", moved)));
    }

    [Fact]
    public void A_reaction_of_a_known_type_is_ignored()
    {
        var reaction = FakeBotUpdates.Reaction(7, ChatId, "👍");

        Assert.Null(Translate(FakeBotUpdates.Update(33, "message_reaction", reaction)));
    }

    [Fact]
    public void OtherUpdateTypesAreIgnored()
    {
        var memberUpdate = new JsonObject
        {
            ["chat"] = FakeBotUpdates.Chat(ChatId),
            ["from"] = FakeBotUpdates.User(ChatId),
            ["date"] = 1_662_951_600,
            ["old_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = FakeBotUpdates.User(123456, isBot: true) },
            ["new_chat_member"] = new JsonObject { ["status"] = "kicked", ["user"] = FakeBotUpdates.User(123456, isBot: true), ["until_date"] = 0 },
        };

        Assert.Null(Translate(FakeBotUpdates.Update(11, "my_chat_member", memberUpdate)));
    }

    [Fact]
    public void ServiceMessagesAreIgnored()
    {
        var message = FakeBotUpdates.Message(12, -100123);
        message["new_chat_members"] = new JsonArray(FakeBotUpdates.User(555));

        Assert.Null(Translate(FakeBotUpdates.Update(12, "message", message)));
    }

    private static InboundMessage? Translate(JsonObject update) =>
        TelegramUpdateTranslator.Translate(JsonSerializer.Deserialize<Update>(update.ToJsonString(), JsonBotAPI.Options)!, ReceivedAt);

    private static IEnumerable<(string, JsonNode)> Content(string kind)
    {
        JsonObject File(string id) => new() { ["file_id"] = id, ["file_unique_id"] = "u" + id };
        switch (kind)
        {
            case "sticker":
                var sticker = File("st");
                sticker["type"] = "regular";
                sticker["width"] = 512;
                sticker["height"] = 512;
                sticker["is_animated"] = false;
                sticker["is_video"] = false;
                yield return ("sticker", sticker);
                break;
            case "voice" or "audio":
                yield return (kind, File(kind).Also(f => f["duration"] = 4));
                break;
            case "video":
                yield return ("video", File("v").Also(f => { f["width"] = 640; f["height"] = 480; f["duration"] = 5; }));
                break;
            case "video_note":
                yield return ("video_note", File("vn").Also(f => { f["length"] = 240; f["duration"] = 5; }));
                break;
            case "document":
                yield return ("document", File("d").Also(f => f["file_name"] = "ktp.pdf"));
                break;
            case "animation":
                // Telegram sends a GIF as both animation and document.
                yield return ("animation", File("a").Also(f => { f["width"] = 320; f["height"] = 240; f["duration"] = 2; }));
                yield return ("document", File("a"));
                break;
            case "poll":
                yield return ("poll", new JsonObject
                {
                    ["id"] = "p1",
                    ["question"] = "Setuju?",
                    ["options"] = new JsonArray(new JsonObject { ["text"] = "Ya", ["voter_count"] = 0 }),
                    ["total_voter_count"] = 0,
                    ["is_closed"] = false,
                    ["is_anonymous"] = true,
                    ["type"] = "regular",
                    ["allows_multiple_answers"] = false,
                });
                break;
            case "dice":
                yield return ("dice", new JsonObject { ["emoji"] = "🎲", ["value"] = 4 });
                break;
        }
    }
}

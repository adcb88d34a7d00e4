using System.Text.Json.Nodes;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// Bot API update JSON in the shapes Telegram sends, written independently of Telegram.Bot's types so
/// that tests exercise the real wire contract. Used by <see cref="FakeBotApi"/> and by unit tests that
/// deserialize an <c>Update</c> themselves.
/// </summary>
public static class FakeBotUpdates
{
    public const string DefaultFirstName = "Tester";

    /// <summary>A fixed, recognisable send time for updates (2022-09-12 10:00 WIB).</summary>
    public static readonly DateTimeOffset DefaultDate = new(2022, 9, 12, 3, 0, 0, TimeSpan.Zero);

    public static JsonObject Update(int updateId, string kind, JsonNode payload) =>
        new() { ["update_id"] = updateId, [kind] = payload };

    public static JsonObject User(long id, string firstName = DefaultFirstName, bool isBot = false) =>
        new() { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = firstName, ["language_code"] = "id" };

    public static JsonObject Chat(long chatId, string firstName = DefaultFirstName) => chatId < 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Group" }
        : new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = firstName };

    /// <summary>A message from a person; add the content fields (text, contact, photo…) to the result.</summary>
    public static JsonObject Message(int messageId, long chatId, long? fromId = null, DateTimeOffset? date = null) => new()
    {
        ["message_id"] = messageId,
        ["from"] = User(fromId ?? chatId),
        ["chat"] = Chat(chatId),
        ["date"] = (date ?? DefaultDate).ToUnixTimeSeconds(),
    };

    public static JsonObject Text(int messageId, long chatId, string text, long? fromId = null)
    {
        var message = Message(messageId, chatId, fromId);
        message["text"] = text;
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }

        return message;
    }

    /// <summary>Message <paramref name="messageId"/> as it reads after the person edited it (an <c>edited_message</c>).</summary>
    public static JsonObject EditedText(int messageId, long chatId, string text)
    {
        var message = Text(messageId, chatId, text);
        message["edit_date"] = DefaultDate.ToUnixTimeSeconds() + 60;
        return message;
    }

    /// <summary>A <c>message_reaction</c>: the person set <paramref name="emoji"/> on message <paramref name="messageId"/>
    /// (null: took their reaction away).</summary>
    public static JsonObject Reaction(int messageId, long chatId, string? emoji) => new()
    {
        ["chat"] = Chat(chatId),
        ["message_id"] = messageId,
        ["user"] = User(chatId),
        ["date"] = DefaultDate.ToUnixTimeSeconds() + 120,
        ["old_reaction"] = emoji is null ? new JsonArray(new JsonObject { ["type"] = "emoji", ["emoji"] = "👍" }) : new JsonArray(),
        ["new_reaction"] = emoji is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "emoji", ["emoji"] = emoji }),
    };

    /// <summary>A button press under a message sent in inline mode: no message, only an inline_message_id.</summary>
    public static JsonObject InlineCallbackQuery(string id, long userId, string data) => new()
    {
        ["id"] = id,
        ["from"] = User(userId),
        ["inline_message_id"] = $"inline-{id}",
        ["chat_instance"] = $"ci-{userId}",
        ["data"] = data,
    };

    public static JsonObject Contact(int messageId, long chatId, string phone, long? contactUserId, long? fromId = null, bool forwarded = false)
    {
        var message = Message(messageId, chatId, fromId);
        var contact = new JsonObject { ["phone_number"] = phone, ["first_name"] = DefaultFirstName };
        if (contactUserId is { } userId)
        {
            contact["user_id"] = userId;
        }

        message["contact"] = contact;
        if (forwarded)
        {
            message["forward_origin"] = new JsonObject
            {
                ["type"] = "user",
                ["date"] = DefaultDate.ToUnixTimeSeconds() - 3600,
                ["sender_user"] = User(contactUserId ?? 777),
            };
        }

        return message;
    }

    public static JsonObject Location(int messageId, long chatId, double latitude, double longitude)
    {
        var message = Message(messageId, chatId);
        message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        return message;
    }

    /// <summary>A photo in three sizes, smallest first as Telegram sends them; the largest has <paramref name="largestFileId"/>.</summary>
    public static JsonObject Photo(int messageId, long chatId, string largestFileId, string? caption = null)
    {
        var message = Message(messageId, chatId);
        message["photo"] = new JsonArray(
            PhotoSize(largestFileId + "-s", 90, 68, 1_200),
            PhotoSize(largestFileId + "-m", 320, 240, 18_000),
            PhotoSize(largestFileId, 1280, 960, 120_000));
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return message;
    }

    /// <summary>A file sent "as a document" (a photo sent uncompressed arrives so, with an image type).</summary>
    public static JsonObject Document(int messageId, long chatId, string fileId, string mimeType, string fileName, int fileSize)
    {
        var message = Message(messageId, chatId);
        message["document"] = new JsonObject
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = "u" + fileId,
            ["file_name"] = fileName,
            ["mime_type"] = mimeType,
            ["file_size"] = fileSize,
        };
        return message;
    }

    public static JsonObject Sticker(int messageId, long chatId)
    {
        var message = Message(messageId, chatId);
        message["sticker"] = new JsonObject
        {
            ["file_id"] = $"sticker-{messageId}",
            ["file_unique_id"] = $"u-sticker-{messageId}",
            ["type"] = "regular",
            ["width"] = 512,
            ["height"] = 512,
            ["is_animated"] = false,
            ["is_video"] = false,
            ["emoji"] = "👍",
        };
        return message;
    }

    public static JsonObject Voice(int messageId, long chatId)
    {
        var message = Message(messageId, chatId);
        message["voice"] = new JsonObject
        {
            ["file_id"] = $"voice-{messageId}", ["file_unique_id"] = $"u-voice-{messageId}", ["duration"] = 3,
        };
        return message;
    }

    /// <summary>A callback query from pressing an inline button under the bot's message <paramref name="botMessageId"/>.</summary>
    public static JsonObject CallbackQuery(string id, long chatId, string data, int botMessageId, long botUserId)
    {
        var botMessage = Message(botMessageId, chatId);
        botMessage["from"] = User(botUserId, "PL-KUMKM", isBot: true);
        botMessage["text"] = "…";
        return new JsonObject
        {
            ["id"] = id,
            ["from"] = User(chatId),
            ["message"] = botMessage,
            ["chat_instance"] = $"ci-{chatId}",
            ["data"] = data,
        };
    }

    private static JsonObject PhotoSize(string fileId, int width, int height, int size) => new()
    {
        ["file_id"] = fileId, ["file_unique_id"] = "u-" + fileId, ["width"] = width, ["height"] = height, ["file_size"] = size,
    };
}

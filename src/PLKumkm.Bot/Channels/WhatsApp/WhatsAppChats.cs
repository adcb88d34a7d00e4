namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// A WhatsApp chat id: a person's number (<c>wa_id</c>, digits only); for someone WhatsApp shows only by a username,
/// their business-scoped user id (<c>ID.1502576394655843</c>: a country code, a dot, digits), replied to with
/// <c>recipient</c> instead of <c>to</c>; or a group as <c>g.&lt;group_id&gt;</c>, so a group never shares an address
/// with a person and replies to it are sent with <c>recipient_type: group</c>.
/// </summary>
internal static class WhatsAppChats
{
    private const string GroupPrefix = "g.";

    public static string Group(string groupId) => GroupPrefix + groupId;

    public static bool IsGroup(string chatId) => chatId.StartsWith(GroupPrefix, StringComparison.Ordinal);

    /// <summary>A business-scoped user id rather than a phone number (or a group).</summary>
    public static bool IsUserId(string chatId) => !IsGroup(chatId) && chatId.Length > 0 && !chatId.All(char.IsAsciiDigit);

    /// <summary>The sender's number as E.164 when the chat id is one; a user id proves no number.</summary>
    public static string? Phone(string chatId) => chatId.Length > 0 && chatId.All(char.IsAsciiDigit) ? "+" + chatId : null;

    /// <summary>The Cloud API's <c>to</c> (or <c>recipient</c>, for a user id) for the chat.</summary>
    public static string Recipient(string chatId) => IsGroup(chatId) ? chatId[GroupPrefix.Length..] : chatId;
}

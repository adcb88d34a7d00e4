namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// A WhatsApp chat id: a person's number (<c>wa_id</c>), or a group as <c>g.&lt;group_id&gt;</c>, so a group never
/// shares an address with a person and replies to it are sent with <c>recipient_type: group</c>.
/// </summary>
internal static class WhatsAppChats
{
    private const string GroupPrefix = "g.";

    public static string Group(string groupId) => GroupPrefix + groupId;

    public static bool IsGroup(string chatId) => chatId.StartsWith(GroupPrefix, StringComparison.Ordinal);

    /// <summary>The Cloud API's <c>to</c> for the chat.</summary>
    public static string Recipient(string chatId) => IsGroup(chatId) ? chatId[GroupPrefix.Length..] : chatId;
}

using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>
/// A group or channel is a public place: there the bot gives only public figures (progress, peringkat, grafik, answered
/// before this: the command table says which) and its help. Whatever is meant for the bot and is personal (registering,
/// staff sign-in, quick entry, a shared contact or location) gets one line and a way to a private chat; nothing is asked, shown or stored. Chatter
/// between members is none of the bot's business and gets no answer.
/// </summary>
internal sealed class GroupChatHandler : IMessageHandler
{
    /// <summary>The group's help: the commands the table answers in groups.</summary>
    public static UserText Help => CommandHelp.Group;

    public static readonly UserText PrivateOnly = new(
        "Maaf, di grup saya hanya menjawab progress, peringkat, grafik dan /bantuan. Untuk pendaftaran, data pribadi dan urusan petugas, chat saya secara pribadi.",
        "Sorry, in a group I only answer progress, peringkat, grafik and /bantuan. For registration, personal data and staff matters, chat with me privately.");

    public Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (!context.Message.IsGroup)
        {
            return Task.FromResult(false);
        }

        var reply = Answer(context);
        if (reply is not null)
        {
            context.Reply(new OutboundMessage(reply.In(context.Language)) { Request = ReplyRequest.PrivateChat });
        }

        // Handled either way: nothing after this may act on a group message.
        return Task.FromResult(true);
    }

    private static UserText? Answer(UpdateContext context)
    {
        switch (context.Content)
        {
            case ContactInput or LocationInput:
                return PrivateOnly;
            case TextInput { Text: var text }:
                if (context.Command is { } command)
                {
                    return command is { Entry.InGroups: InGroups.ShowsGroupHelp, Arguments.Length: 0 } ? Help : PrivateOnly;
                }

                var trimmed = text.TrimStart();
                return trimmed.StartsWith('#') || trimmed.StartsWith("hapus data", StringComparison.OrdinalIgnoreCase) ? PrivateOnly : null;
            default:
                return null;
        }
    }
}

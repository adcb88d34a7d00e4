using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>When nothing else applies, and <c>/bantuan</c>: a short, friendly word on what the bot can do, for the person's role.</summary>
internal sealed class FallbackHandler : IMessageHandler
{
    // A bare yes or no reaching this point answers no open question: say so, so nobody believes it did something.
    private static readonly HashSet<string> YesOrNo = new(StringComparer.Ordinal)
    {
        "ya", "iya", "y", "yes", "ok", "oke", "setuju", "tidak", "no", "batal", "tidak jadi", "ya hapus data saya", "yes delete my data",
    };

    public static readonly UserText NothingWaiting = new(
        "Tidak ada yang sedang menunggu jawaban ya/tidak dari Anda, jadi tidak ada yang berubah.",
        "Nothing is waiting for a yes or no from you, so nothing has changed.");

    public Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (context.Text is { } text && YesOrNo.Contains(Engine.TextNormalizer.Fold(text)))
        {
            context.Reply(NothingWaiting);
        }

        context.Reply(new OutboundMessage(CommandHelp.For(context.Person.Role).In(context.Language))
        {
            Options = [new ReplyOption(context.Language == Languages.English ? "📝 Register my business" : "📝 Daftarkan usaha", "/start")],
        });
        return Task.FromResult(true);
    }
}

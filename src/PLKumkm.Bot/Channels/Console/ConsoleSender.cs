using System.Text;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.Console;

/// <summary>Prints replies: text, numbered options, hints for contact/location, and the path of any picture.</summary>
internal sealed class ConsoleSender(ConsoleTerminal terminal, IOptions<ConsoleChatOptions> options) : IChannelSender
{
    public const string ChannelName = "console";

    private static readonly UserText ContactHint = new("(ketik nomor HP Anda)", "(type your mobile number)");
    private static readonly UserText LocationHint = new(
        "(ketik koordinat, mis. -4.1234, 104.1612)", "(type the coordinates, e.g. -4.1234, 104.1612)");
    private static readonly UserText Picture = new("gambar", "picture");
    private static readonly UserText FileLabel = new("berkas", "file");

    public string Channel => ChannelName;

    public async Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine(LightMarkup.ToPlain(message.Text));
        // Options with a key are typed by that word; the others are numbered in order.
        var number = 0;
        foreach (var option in message.Options)
        {
            text.Append("  [").Append(option.Key ?? (++number).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("] ").AppendLine(option.Label);
        }

        var language = message.ShownLanguage;
        if (message.Request == ReplyRequest.Contact)
        {
            text.Append("  ").AppendLine(ContactHint.In(language));
        }
        else if (message.Request == ReplyRequest.Location)
        {
            text.Append("  ").AppendLine(LocationHint.In(language));
        }

        if (message.Attachment is { } attachment)
        {
            var folder = Path.GetFullPath(options.Value.OutputFolder);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, Path.GetFileName(attachment.FileName));
            await File.WriteAllBytesAsync(path, attachment.Content, cancellationToken);
            text.Append("  [").Append((attachment.IsImage ? Picture : FileLabel).In(language)).Append("] ").AppendLine(path);
        }

        terminal.LastOptions = message.Options;
        await terminal.Output.WriteAsync(text.ToString());
        await terminal.Output.FlushAsync(cancellationToken);
    }

    public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;
}

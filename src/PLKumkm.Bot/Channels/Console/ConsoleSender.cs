using System.Text;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Channels.Console;

/// <summary>Prints replies: text, numbered options, hints for contact/location, and the path of any picture.</summary>
internal sealed class ConsoleSender(ConsoleTerminal terminal, IOptions<ConsoleChatOptions> options) : IChannelSender
{
    public const string ChannelName = "console";

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

        if (message.Request == ReplyRequest.Contact)
        {
            text.AppendLine("  (ketik nomor HP Anda)");
        }
        else if (message.Request == ReplyRequest.Location)
        {
            text.AppendLine("  (ketik koordinat, mis. -4.1234, 104.1612)");
        }

        if (message.Attachment is { } attachment)
        {
            var folder = Path.GetFullPath(options.Value.OutputFolder);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, Path.GetFileName(attachment.FileName));
            await File.WriteAllBytesAsync(path, attachment.Content, cancellationToken);
            text.Append("  [").Append(attachment.IsImage ? "gambar" : "berkas").Append("] ").AppendLine(path);
        }

        terminal.LastOptions = message.Options;
        await terminal.Output.WriteAsync(text.ToString());
        await terminal.Output.FlushAsync(cancellationToken);
    }

    public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;
}

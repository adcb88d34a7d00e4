using System.Globalization;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Progress;

/// <summary>
/// <c>progress WORDS... [--as-of YYYY-MM-DD]</c>: prints exactly what the bot answers to
/// <c>progress WORDS</c> (as the console shows it). WORDS may start with <c>peringkat</c> or
/// <c>grafik</c>; a chart is written to a PNG file whose path is printed.
/// </summary>
internal static class ProgressQuery
{
    public static async Task RunAsync(IServiceProvider services, IReadOnlyList<string> words, string? asOf, string? outPath, string language,
        TextWriter output, CancellationToken ct)
    {
        var text = string.Join(' ', words).Trim();
        if (ProgressRequest.Parse(text) is null)
        {
            text = "progress " + text;
        }

        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new VerbException($"--as-of wants a date as YYYY-MM-DD, not '{asOf}'");
            }

            text += " per " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var request = ProgressRequest.Parse(text)!;
        var answer = await services.GetRequiredService<ProgressAnswerer>().AnswerAsync(request, Languages.Normalize(language), ct);
        var message = answer.Message;
        if (answer.Outcome != ProgressOutcome.Answered)
        {
            var choices = message.Options.Select(o => $"{o.Label} ({o.Value})");
            throw new VerbException(string.Join(" ", message.Options.Count == 0 ? [message.Text] : choices.Prepend(message.Text)).ReplaceLineEndings(" "));
        }

        await output.WriteLineAsync(LightMarkup.ToPlain(message.Text));
        if (message.Attachment is { } picture)
        {
            var path = Path.GetFullPath(outPath ?? picture.FileName);
            await File.WriteAllBytesAsync(path, picture.Content, ct);
            await output.WriteLineAsync(path);
        }
    }
}

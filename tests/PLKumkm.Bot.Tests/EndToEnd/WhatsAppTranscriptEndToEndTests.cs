using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Conversations;
using PLKumkm.Bot.Tests.Fakes;
using static PLKumkm.Bot.Tests.EndToEnd.WhatsAppBotSession;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// The happy-path transcript (also replayed through the engine and used by the console and Telegram tests)
/// played over WhatsApp webhooks: the replies say what the transcript expects, and the stored record holds
/// exactly the transcript's values, so every channel ends with the same record.
/// </summary>
public sealed class WhatsAppTranscriptEndToEndTests
{
    private const string File = "umkm-happy-path.transcript";

    [Fact]
    public async Task The_happy_path_transcript_over_WhatsApp_stores_the_transcripts_record()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "conversations", File);
        var transcript = Transcript.Parse(File, await System.IO.File.ReadAllTextAsync(path));
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);

        var submitted = false;
        foreach (var step in transcript.Steps)
        {
            var replies = await bot.SendAsync(ToWhatsApp(bot, step.Input));
            var said = Normalize(Render(replies));
            submitted |= said.Contains("KUMKM-", StringComparison.Ordinal);
            // Every message the engine says in the transcript arrives whole over WhatsApp (buttons render differently).
            foreach (var expected in Transcript.MessageTexts(step.Golden))
            {
                Assert.True(said.Contains(Normalize(expected), StringComparison.Ordinal),
                    $"{File}:{step.Line}: expected «{expected}» over WhatsApp, but the bot said:\n{Render(replies)}");
            }

            foreach (var absent in step.Absent)
            {
                Assert.DoesNotContain(Normalize(absent), said);
            }

            if (step.Stored.Count > 0)
            {
                Assert.True(submitted, $"{File}:{step.Line}: nothing was submitted");
                await using var ctx = db.Open();
                var record = await ctx.UmkmRecords.SingleAsync();
                foreach (var (field, given, line) in step.Stored)
                {
                    // The transcript names the photo by the id the person sent; the record holds the downloaded file's hash.
                    var value = field == "foto" && given is not null ? FakeMedia.JpegReference(bot.Fake.MediaBytes(given)) : given;
                    var stored = Stored(record, field);
                    Assert.True(value == stored, $"{File}:{line}: field '{field}' expected «{value ?? "(absent)"}» but stored «{stored ?? "(absent)"}»");
                }
            }
        }

        Assert.True(submitted);
    }

    /// <summary>What a WhatsApp user does for each transcript input: type, tap the offered button or list row, or send a widget.</summary>
    private static JsonObject ToWhatsApp(WhatsAppBotSession bot, InboundContent input) => input switch
    {
        // A transcript opens with /start and goes straight into its questionnaire; in the chat that is /daftar
        // (/start first offers UMKM or koperasi).
        TextInput { Text: "/start" } => FakeWhatsAppWebhooks.Text(User, "/daftar"),
        TextInput t => FakeWhatsAppWebhooks.Text(User, t.Text),
        ChoiceInput c => bot.Fake.SentTo(User).LastOrDefault(m => m.OptionIds.Contains(c.Value)) is { } offered
            && offered.Rows.Any(r => r.Id == c.Value)
                ? FakeWhatsAppWebhooks.ListReply(User, c.Value)
                : FakeWhatsAppWebhooks.ButtonReply(User, c.Value),
        ContactInput c => FakeWhatsAppWebhooks.Contacts(User, c.PhoneNumber, c.IsSendersOwn ? User : "6289900000000"),
        LocationInput l => FakeWhatsAppWebhooks.Location(User, l.Latitude, l.Longitude),
        PhotoInput p => FakeWhatsAppWebhooks.Image(User, p.FileRef),
        UnsupportedInput u => FakeWhatsAppWebhooks.Other(User, u.Kind),
        _ => throw new InvalidOperationException(input.GetType().Name),
    };

    /// <summary>Replies as the transcripts write them: text, then "[label] value" per option.</summary>
    private static string Render(IReadOnlyList<SentWhatsApp> replies) => string.Join("\n", replies.Select(m =>
        string.Join("\n", new[] { m.Text ?? "" }
            .Concat(m.Buttons.Select(b => $"[{b.Title}] {b.Id}"))
            .Concat(m.Rows.Select(r => $"[{r.Title}] {r.Id}")))));

    /// <summary>The stored value of a field id, written as in the transcripts.</summary>
    /// <summary>The questions the questionnaire asks but does not store (e.g. punya_nib): never in a record.</summary>
    private static readonly HashSet<string> NotStored = QuestionnaireLoader
        .LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations"))
        .SelectMany(q => q.Questions).Where(q => !q.Store).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);

    private static string? Stored(UmkmRecord record, string field)
    {
        switch (field)
        {
            case "lokasi":
                return record.Lat is { } lat && record.Lon is { } lon ? FormattableString.Invariant($"{lat},{lon}") : null;
        }

        var name = string.Concat(field.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        var property = typeof(UmkmRecord).GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        if (property is null)
        {
            // Only a question the questionnaire keeps out of the record may be missing from it; anything else is a
            // misspelt field id in the transcript, which must not pass as "absent".
            return NotStored.Contains(field) ? null : throw new InvalidOperationException($"'{field}' is neither a record field nor a question that is not stored");
        }

        return property.GetValue(record) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

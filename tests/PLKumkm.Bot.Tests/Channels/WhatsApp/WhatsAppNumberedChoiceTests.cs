using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Channels.WhatsApp;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// More than ten options cannot be buttons or a list on WhatsApp, so they are numbered lines; the engine
/// reads a typed number as the option with that number, so the two must count the same way.
/// </summary>
public sealed class WhatsAppNumberedChoiceTests
{
    private static readonly string Yaml =
        "id: umkm\nversion: 1\nkind: umkm\ntitle: t\nconsent: {notice_version: v, text: t}\nquestions:\n"
        + "  - id: bentuk\n    type: choice\n    label: Bentuk\n    prompt: Apa bentuk usahanya?\n    options:\n"
        + string.Concat(Enumerable.Range(1, 12).Select(i => $"      - {{ value: b{i}, label: Bentuk nomor {i} }}\n"))
        + "  - id: kode_desa\n    type: region\n    label: Desa\n    prompt: Di mana?\n";

    [Fact]
    public void A_typed_number_picks_the_option_shown_with_that_number()
    {
        var catalog = new QuestionnaireCatalog([QuestionnaireLoader.Load(Yaml, "test.yaml")]);
        var engine = new ConversationEngine(catalog, RegionCatalog.Shared, RegionAliases.LoadEmbedded(), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var started = engine.Start("umkm", Languages.Indonesian, consentAlreadyGiven: true);
        var question = Assert.Single(started.Messages, m => m.Options.Count == 12);

        var text = Assert.IsType<WhatsAppJsonPart>(Assert.Single(WhatsAppRenderer.Render("62811", question))).Body["text"]!["body"]!.GetValue<string>();
        var line = text.Split('\n').Single(l => l.StartsWith("11. ", StringComparison.Ordinal));
        Assert.Equal("11. Bentuk nomor 11", line);

        var answered = engine.Handle(started.Session, new TextInput("11"));
        Assert.Equal("b11", answered.Session.Answers["bentuk"]);
        Assert.Equal(12.ToString(CultureInfo.InvariantCulture), text.Split('\n')[^1].Split('.')[0]);
    }
}

using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;
using PLKumkm.Bot.Progress;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Progress;

/// <summary>What people type reaches the right region through the real handler and resolver.</summary>
public sealed class ProgressHandlerTests(ProgressHandlerTests.Host fixture) : IClassFixture<ProgressHandlerTests.Host>
{
    private readonly ToolHost _tool = fixture.Tool;

    [Theory]
    [InlineData("progress OKU")]
    [InlineData("progres oku")]
    [InlineData("capaian Kab. Ogan Komering Ulu")]
    [InlineData("Capaian kabupaten ogan komering ulu")]
    [InlineData("/progress 16.01")]
    [InlineData("/progress@PlKumkmBot 1601")]
    [InlineData("PROGRESS Ogan Komering Uluu")]
    public async Task Every_way_of_naming_OKU_answers_for_OKU(string text)
    {
        var reply = Assert.Single(await SayAsync(text));
        Assert.StartsWith("*Progres Kabupaten Ogan Komering Ulu*\n", reply.Text);
    }

    [Theory]
    [InlineData("progress OKU Timur", "Ogan Komering Ulu Timur")]
    [InlineData("progress OKUT", "Ogan Komering Ulu Timur")]
    [InlineData("progress oku timur", "Ogan Komering Ulu Timur")]
    [InlineData("progress OKU Selatan", "Ogan Komering Ulu Selatan")]
    [InlineData("progress OKUS", "Ogan Komering Ulu Selatan")]
    [InlineData("capaian Ogan Komering Ulu Selatan", "Ogan Komering Ulu Selatan")]
    public async Task OKU_Timur_and_OKU_Selatan_are_never_OKU(string text, string name)
    {
        var reply = Assert.Single(await SayAsync(text));
        Assert.StartsWith($"*Progres Kabupaten {name}*\n", reply.Text);
    }

    [Fact]
    public async Task An_ambiguous_name_offers_the_candidates_as_commands()
    {
        var reply = Assert.Single(await SayAsync("progress Ogan per 12/9/2022"));
        Assert.Contains("Yang mana?", reply.Text);
        Assert.Contains(new ReplyOption("Kabupaten Ogan Komering Ulu", "/progress 16.01 per 2022-09-12"), reply.Options);
        Assert.Contains(new ReplyOption("Kabupaten Ogan Ilir", "/progress 16.10 per 2022-09-12"), reply.Options);
        Assert.All(reply.Options, o => Assert.True(System.Text.Encoding.UTF8.GetByteCount(o.Value) <= 64));

        // Pressing one is typing its command.
        var picked = Assert.Single(await SayAsync(reply.Options[0].Value));
        Assert.StartsWith("*Progres Kabupaten Ogan Komering Ulu*\nPer 12 September 2022", picked.Text);
    }

    [Fact]
    public async Task Unknown_regions_and_bad_dates_get_a_helpful_answer()
    {
        Assert.Contains("Contoh: progress OKU, progress 16.01, progress Sumsel", Assert.Single(await SayAsync("progress Narnia")).Text);
        Assert.Contains("Contoh: progress OKU", Assert.Single(await SayAsync("progress")).Text);
        Assert.Contains("Tanggal 31 tidak ada di bulan Februari 2022", Assert.Single(await SayAsync("progress OKU per 31/2/2022")).Text);
        Assert.Contains("belum tiba", Assert.Single(await SayAsync("progress OKU per 1 Januari 2099")).Text);
    }

    [Fact]
    public async Task Province_country_ranking_and_chart_are_answered()
    {
        Assert.StartsWith("*Progres Provinsi Sumatera Selatan*", Assert.Single(await SayAsync("progress Sumsel")).Text);
        Assert.StartsWith("*Progres Indonesia*", Assert.Single(await SayAsync("progress Indonesia")).Text);
        Assert.StartsWith("*Peringkat kabupaten/kota di Sumatera Selatan*", Assert.Single(await SayAsync("peringkat Sumsel")).Text);

        await _tool.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<BotDbContext>();
            db.Targets.Add(new CampaignTarget { RegionCode = "16.02", Target = 100, Enumerators = 2, Start = new DateOnly(2022, 4, 1), End = new DateOnly(2022, 10, 31) });
            return await db.SaveChangesAsync();
        });
        var chart = Assert.Single(await SayAsync("grafik sumsel"));
        Assert.Equal(("grafik-16.png", "image/png"), (chart.Attachment!.FileName, chart.Attachment.MediaType));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Attachment.Content.Take(4));
        Assert.Contains("Capaian pendataan Sumatera Selatan", chart.Text);
    }

    [Theory]
    [InlineData("halo")]
    [InlineData("progressive")]
    [InlineData("/start")]
    [InlineData("Warung progress")]
    public async Task Other_messages_are_left_to_other_handlers(string text) => Assert.Null(await TryAsync(text));

    [Fact]
    public async Task In_a_questionnaire_only_real_progress_questions_are_taken()
    {
        var person = await _tool.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<BotDbContext>();
            var p = new Person { Name = "Siti", CreatedAt = DateTimeOffset.UtcNow };
            db.People.Add(p);
            await db.SaveChangesAsync();
            db.Sessions.Add(new ConversationSession { PersonId = p.Id, QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = "Asking", IsActive = true });
            await db.SaveChangesAsync();
            return p;
        });

        // "Grafik Printing" is a business name, not a region: the questionnaire gets it.
        Assert.Null(await TryAsync("Grafik Printing", person));
        var reply = Assert.Single(await SayAsync("progress OKU", person));
        Assert.StartsWith("*Progres Kabupaten Ogan Komering Ulu*", reply.Text);
        Assert.EndsWith("(Pendaftaran Anda tetap tersimpan: lanjutkan dengan menjawab pertanyaan terakhir.)", reply.Text);
        Assert.NotNull(await TryAsync("/progress", person));
    }

    [Fact]
    public async Task English_speakers_get_English()
    {
        var reply = Assert.Single(await SayAsync("progress OKU", new Person { Language = "en" }));
        Assert.StartsWith("*Progress of Kabupaten Ogan Komering Ulu*", reply.Text);
        Assert.Contains("No target has been set for this region yet.", reply.Text);
    }

    private async Task<List<OutboundMessage>> SayAsync(string text, Person? person = null) =>
        await TryAsync(text, person) ?? throw new Xunit.Sdk.XunitException($"'{text}' was not taken as a progress question");

    /// <summary>The replies of the progress handler, or null when it leaves the message to others.</summary>
    private Task<List<OutboundMessage>?> TryAsync(string text, Person? person = null) =>
        _tool.InScopeAsync(async s =>
        {
            var handler = s.GetRequiredService<ProgressHandler>();
            var message = new InboundMessage("test", "1", Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, new TextInput(text));
            var db = s.GetRequiredService<BotDbContext>();
            person ??= new Person();
            // What the router hands a handler: the matched command and the open questionnaire.
            var context = new UpdateContext(message, person, db)
            {
                Command = ChatCommands.Table.Match(text),
                Session = await SessionStore.FindActiveAsync(db, person.Id, CancellationToken.None),
            };
            return await handler.TryHandleAsync(context, CancellationToken.None) ? context.Replies : null;
        });

    /// <summary>One database for the class: the tests only read, except for a target on OKI that no other test looks at.</summary>
    public sealed class Host : IAsyncLifetime
    {
        internal ToolHost Tool { get; private set; } = null!;

        public async Task InitializeAsync() => Tool = await ToolHost.StartAsync();

        public async Task DisposeAsync() => await Tool.DisposeAsync();
    }
}

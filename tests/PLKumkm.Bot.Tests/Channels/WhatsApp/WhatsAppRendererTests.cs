using System.Text.Json.Nodes;
using PLKumkm.Bot.Channels.WhatsApp;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Tests.Channels.WhatsApp;

public sealed class WhatsAppRendererTests
{
    private const string To = "6281234567890";

    private static List<JsonObject> Bodies(OutboundMessage message) =>
        WhatsAppRenderer.Render(To, message).Select(p => Assert.IsType<WhatsAppJsonPart>(p).Body).ToList();

    private static OutboundMessage WithOptions(string text, int count, Func<int, string>? label = null) =>
        new(text) { Options = Enumerable.Range(1, count).Select(i => new ReplyOption(label?.Invoke(i) ?? $"Pilihan {i}", $"q=v{i}")).ToList() };

    private static string Str(JsonNode? node) => node!.GetValue<string>();

    [Fact]
    public void Plain_text_is_one_text_message_with_bold_kept_as_WhatsApp_markup()
    {
        var body = Assert.Single(Bodies(OutboundMessage.Plain("Nomor registrasi: *KUMKM-1601-000001*")));
        Assert.Equal("whatsapp", Str(body["messaging_product"]));
        Assert.Equal(To, Str(body["to"]));
        Assert.Equal("text", Str(body["type"]));
        Assert.Equal("Nomor registrasi: *KUMKM-1601-000001*", Str(body["text"]!["body"]));
        Assert.False(body["text"]!["preview_url"]!.GetValue<bool>());
    }

    [Fact]
    public void Text_over_4096_is_split_at_line_breaks()
    {
        var text = string.Join("\n", Enumerable.Range(1, 300).Select(i => $"Baris nomor {i} dari ringkasan yang panjang"));
        var bodies = Bodies(OutboundMessage.Plain(text));
        Assert.True(bodies.Count >= 3);
        Assert.All(bodies, b => Assert.InRange(Str(b["text"]!["body"]).Length, 1, WhatsAppLimits.TextBody));
        Assert.Equal(text, string.Join("\n", bodies.Select(b => Str(b["text"]!["body"]))));
    }

    [Fact]
    public void Three_options_are_reply_buttons_with_titles_of_at_most_20()
    {
        var message = new OutboundMessage("Jenis kelamin pemilik?")
        {
            Options = [new("Laki-laki", "jk=L"), new("Perempuan", "jk=P"), new("Menetap (toko/kios/rumah) dan lain-lain", "t=menetap")],
        };
        var body = Assert.Single(Bodies(message));
        var interactive = body["interactive"]!;
        Assert.Equal("button", Str(interactive["type"]));
        Assert.Equal("Jenis kelamin pemilik?", Str(interactive["body"]!["text"]));
        var buttons = interactive["action"]!["buttons"]!.AsArray().Select(b => b!["reply"]!).ToList();
        Assert.Equal(["jk=L", "jk=P", "t=menetap"], buttons.Select(b => Str(b["id"])));
        Assert.Equal(["Laki-laki", "Perempuan", "Menetap (toko/kios…"], buttons.Select(b => Str(b["title"])));
        Assert.All(buttons, b => Assert.InRange(Str(b["title"]).Length, 1, WhatsAppLimits.ButtonTitle));
    }

    [Fact]
    public void Button_titles_that_shorten_to_the_same_text_are_numbered_to_stay_unique()
    {
        var message = new OutboundMessage("Pilih")
        {
            Options = [new("Kabupaten Ogan Komering Ulu", "16.01"), new("Kabupaten Ogan Komering Ulu Selatan", "16.08")],
        };
        var titles = Assert.Single(Bodies(message))["interactive"]!["action"]!["buttons"]!.AsArray()
            .Select(b => Str(b!["reply"]!["title"])).ToList();
        Assert.Equal(2, titles.Distinct().Count());
        Assert.All(titles, t => Assert.True(t.Length <= 20, t));
        Assert.StartsWith("1. ", titles[0]);
    }

    [Fact]
    public void A_long_text_before_buttons_goes_first_as_text_and_the_question_stays_with_the_buttons()
    {
        var summary = string.Join("\n", Enumerable.Range(1, 40).Select(i => $"{i}. Kolom nomor {i}: jawaban yang cukup panjang"));
        var message = new OutboundMessage(summary + "\n\nKirim sekarang?") { Options = [new("Kirim", "r=kirim"), new("Batal", "r=batal")] };
        var bodies = Bodies(message);

        Assert.Equal("text", Str(bodies[0]["type"]));
        var interactive = bodies[^1]["interactive"]!;
        var bodyText = Str(interactive["body"]!["text"]);
        Assert.InRange(bodyText.Length, 1, WhatsAppLimits.ButtonBody);
        Assert.EndsWith("Kirim sekarang?", bodyText);
        var all = string.Join("\n", bodies.Take(bodies.Count - 1).Select(b => Str(b["text"]!["body"])).Append(bodyText));
        Assert.Equal(summary + "\nKirim sekarang?", all.Replace("\n\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_single_line_longer_than_the_body_limit_is_sent_whole_and_the_buttons_follow_it()
    {
        var line = string.Concat(Enumerable.Repeat("kata ", 300)).Trim();
        var bodies = Bodies(new OutboundMessage(line) { Options = [new("Ya", "y"), new("Tidak", "n")] });
        Assert.Equal(line, Str(bodies[0]["text"]!["body"]));
        Assert.Equal(WhatsAppRenderer.PointDown, Str(bodies[1]["interactive"]!["body"]!["text"]));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    public void Four_to_ten_options_are_a_list_with_one_row_each(int count)
    {
        var body = Assert.Single(Bodies(WithOptions("Termasuk sektor apa?", count)));
        var interactive = body["interactive"]!;
        Assert.Equal("list", Str(interactive["type"]));
        Assert.Equal(WhatsAppRenderer.ListButtonLabel, Str(interactive["action"]!["button"]));
        Assert.True(WhatsAppRenderer.ListButtonLabel.Length <= WhatsAppLimits.ListButtonLabel);
        var rows = interactive["action"]!["sections"]!.AsArray().Single()!["rows"]!.AsArray();
        Assert.Equal(count, rows.Count);
        Assert.Equal("q=v1", Str(rows[0]!["id"]));
        Assert.Equal("Pilihan 1", Str(rows[0]!["title"]));
    }

    [Fact]
    public void A_long_list_label_is_shortened_in_the_title_and_continued_in_the_description()
    {
        const string label = "Kelurahan Sukaraya, Kec. Baturaja Timur, Kab. Ogan Komering Ulu, Sumatera Selatan";
        var message = WithOptions("Yang mana?", 5, i => i == 1 ? label : $"Desa {i}");
        var row = Assert.Single(Bodies(message))["interactive"]!["action"]!["sections"]![0]!["rows"]![0]!;
        var title = Str(row["title"]);
        var description = Str(row["description"]);

        Assert.Equal("Kelurahan Sukaraya, Kec…", title);
        Assert.True(title.Length <= WhatsAppLimits.ListRowTitle);
        Assert.True(description.Length <= WhatsAppLimits.ListRowDescription);
        Assert.Equal("Baturaja Timur, Kab. Ogan Komering Ulu, Sumatera Selatan", description);
    }

    [Fact]
    public void More_than_ten_options_become_numbered_lines_in_the_text()
    {
        var bodies = Bodies(WithOptions("Pilih kecamatan:", 12));
        var text = Str(Assert.Single(bodies)["text"]!["body"]);
        Assert.StartsWith("Pilih kecamatan:\n\n1. Pilihan 1\n2. Pilihan 2\n", text);
        Assert.EndsWith("\n12. Pilihan 12", text);
    }

    [Fact]
    public void Share_contact_and_location_requests_become_hints_in_the_text()
    {
        var contact = Str(Assert.Single(Bodies(new OutboundMessage("Berapa nomor HP?") { Request = ReplyRequest.Contact }))["text"]!["body"]);
        Assert.Equal("Berapa nomor HP?\n\n" + WhatsAppRenderer.ContactHint.Id, contact);

        var location = Str(Assert.Single(Bodies(new OutboundMessage("Titik lokasi?") { Request = ReplyRequest.Location }))["text"]!["body"]);
        Assert.Contains("📎", location);
        Assert.Contains("koordinat", location);
    }

    [Fact]
    public void A_picture_with_a_short_text_is_one_image_with_a_caption()
    {
        var png = new Attachment("grafik.png", "image/png", [1, 2, 3]);
        var part = Assert.IsType<WhatsAppMediaPart>(Assert.Single(WhatsAppRenderer.Render(To, new OutboundMessage("Peringkat Sumsel") { Attachment = png })));
        Assert.Equal("Peringkat Sumsel", part.Caption);

        var body = WhatsAppRenderer.Media(To, part, "media-9");
        Assert.Equal("image", Str(body["type"]));
        Assert.Equal("media-9", Str(body["image"]!["id"]));
        Assert.Equal("Peringkat Sumsel", Str(body["image"]!["caption"]));
    }

    [Fact]
    public void A_document_keeps_its_file_name_and_a_long_text_follows_it()
    {
        var csv = new Attachment("ekspor.csv", "text/csv", [1]);
        var parts = WhatsAppRenderer.Render(To, new OutboundMessage(new string('x', 1500)) { Attachment = csv });
        var media = Assert.IsType<WhatsAppMediaPart>(parts[0]);
        Assert.Null(media.Caption);
        Assert.Equal("ekspor.csv", Str(WhatsAppRenderer.Media(To, media, "m")["document"]!["filename"]));
        Assert.Equal("text", Str(Assert.IsType<WhatsAppJsonPart>(parts[1]).Body["type"]));
    }

    [Fact]
    public void An_empty_message_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => WhatsAppRenderer.Render(To, OutboundMessage.Plain(" ")));

    [Fact]
    public void A_group_chat_is_answered_as_a_group()
    {
        var body = Assert.IsType<WhatsAppJsonPart>(Assert.Single(WhatsAppRenderer.Render("g.Y2FwaV9ncm91cA", new OutboundMessage("Halo")))).Body;

        Assert.Equal("group", (string?)body["recipient_type"]);
        Assert.Equal("Y2FwaV9ncm91cA", (string?)body["to"]);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Tests.Media;
using static PLKumkm.Bot.Tests.EndToEnd.WhatsAppBotSession;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// Issue 15 item 6 over the fakes: a photo is downloaded at once into <c>media/</c> beside the database; one that cannot
/// be downloaded, is too large or is no photo is refused politely, the question asked again, nothing given lost.
/// </summary>
public sealed class MediaEndToEndTests
{
    private const long Chat = 777015;
    private const string PhotoPrompt = "Kirim satu foto tempat usaha";
    private const string NextQuestion = "Berapa orang yang bekerja";

    [Fact]
    public async Task A_WhatsApp_photo_whose_media_is_gone_gets_a_polite_retry_and_the_question_stays()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await ToPhotoQuestionAsync(bot);

        bot.Fake.ForgetMedia("MEDIA-GONE");
        var retry = Text(await bot.SendAsync(FakeWhatsAppWebhooks.Image(User, "MEDIA-GONE")));
        Assert.Contains("fotonya tidak berhasil kami terima", retry, StringComparison.Ordinal);
        Assert.Contains(PhotoPrompt, retry, StringComparison.Ordinal);
        Assert.DoesNotContain(NextQuestion, retry, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", retry, StringComparison.Ordinal);
        Assert.Empty(MediaFiles.All(db));

        // One Warning, with neither the token nor the media's URL or id.
        var warnings = bot.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("photo", StringComparison.Ordinal)).ToList();
        var warning = Assert.Single(warnings);
        Assert.Contains("whatsapp", warning.Message, StringComparison.Ordinal);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains(bot.Fake.AccessToken, StringComparison.Ordinal)
            || e.Message.Contains("MEDIA-GONE", StringComparison.Ordinal) || e.Message.Contains("media-download", StringComparison.Ordinal));

        // Sent again (another photo this time), it is kept, and every answer given before is still there.
        Assert.Contains(NextQuestion, Text(await bot.SendAsync(FakeWhatsAppWebhooks.Image(User, "MEDIA-OK"))), StringComparison.Ordinal);
        var reference = FakeMedia.JpegReference(bot.Fake.MediaBytes("MEDIA-OK"));
        Assert.True(File.Exists(MediaFiles.PathIn(db, reference)));
        Assert.Contains("Warung Bu Siti", await SummaryAsync(bot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_WhatsApp_photo_larger_than_Media_MaxBytes_is_refused_before_its_bytes_are_downloaded()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db, "--Media:MaxBytes=1048576");
        await ToPhotoQuestionAsync(bot);

        var big = new byte[1_500_000];
        FakeMedia.Jpeg("big").CopyTo(big, 0);
        bot.Fake.AddMedia("MEDIA-BIG", big);
        var refused = Text(await bot.SendAsync(FakeWhatsAppWebhooks.Image(User, "MEDIA-BIG")));
        Assert.Contains("Fotonya terlalu besar (paling besar 1 MB)", refused, StringComparison.Ordinal);
        Assert.Contains(PhotoPrompt, refused, StringComparison.Ordinal);
        Assert.Empty(bot.Fake.MediaDownloads);
        Assert.Empty(MediaFiles.All(db));
    }

    [Fact]
    public async Task A_WhatsApp_image_that_is_no_JPEG_PNG_or_WebP_is_refused_in_the_persons_language()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await bot.SayAsync("/bahasa en");
        await ToPhotoQuestionAsync(bot, "Send one photo of the business");

        bot.Fake.AddMedia("MEDIA-GIF", "GIF89a fake animation"u8.ToArray(), "image/gif");
        var refused = Text(await bot.SendAsync(FakeWhatsAppWebhooks.Image(User, "MEDIA-GIF")));
        Assert.Contains("not a photo we can keep (JPEG, PNG or WebP)", refused, StringComparison.Ordinal);
        Assert.Contains("Send one photo of the business", refused, StringComparison.Ordinal);
        Assert.Empty(MediaFiles.All(db));
    }

    [Fact]
    public async Task The_same_WhatsApp_webhook_delivered_twice_downloads_the_photo_once()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await ToPhotoQuestionAsync(bot);

        var image = FakeWhatsAppWebhooks.Image(User, "MEDIA-TWICE");
        var body = FakeWhatsAppWebhooks.Body(image, "Siti");
        for (var i = 0; i < 2; i++)
        {
            using var response = await bot.PostAsync(body);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            await bot.WaitDrainedAsync();
        }

        Assert.Equal(["MEDIA-TWICE"], bot.Fake.MediaDownloads);
    }

    [Fact]
    public async Task A_Telegram_photo_is_downloaded_with_getFile_and_an_unknown_file_id_gets_a_polite_retry()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);
        await ToPhotoQuestionAsync(bot);

        bot.Fake.ForgetFile("TG-GONE");
        var retry = TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueuePhoto(Chat, fileId: "TG-GONE")));
        Assert.Contains("fotonya tidak berhasil kami terima", retry, StringComparison.Ordinal);
        Assert.Contains(PhotoPrompt, retry, StringComparison.Ordinal);
        Assert.Empty(bot.Fake.FileDownloads);

        // The largest size of the photo is the one downloaded, through /file/bot<token>/<file_path>.
        Assert.Contains(NextQuestion, TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueuePhoto(Chat, fileId: "TG-OK"))),
            StringComparison.Ordinal);
        Assert.Equal(["TG-OK"], bot.Fake.FileDownloads);
        var reference = FakeMedia.JpegReference(bot.Fake.FileBytes("TG-OK"));
        Assert.Equal(bot.Fake.FileBytes("TG-OK"), await File.ReadAllBytesAsync(MediaFiles.PathIn(db, reference)));
        await using var ctx = db.Open();
        var session = await ctx.Sessions.SingleAsync(s => s.IsActive);
        Assert.Equal(reference, Bot.Conversations.Handling.SessionStore.Read(session).Answers["foto"]);
    }

    [Fact]
    public async Task A_Telegram_file_larger_than_Media_MaxBytes_is_refused_by_its_getFile_size_before_downloading()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db, "--Media:MaxBytes=1048576");
        await ToPhotoQuestionAsync(bot);

        var big = new byte[1_500_000];
        FakeMedia.Png("big").CopyTo(big, 0);
        bot.Fake.AddFile("TG-BIG", big, "image/png");
        var refused = TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueDocument(Chat, "TG-BIG", "image/png", "big.png", big.Length)));
        Assert.Contains("Fotonya terlalu besar (paling besar 1 MB)", refused, StringComparison.Ordinal);
        Assert.Contains(PhotoPrompt, refused, StringComparison.Ordinal);
        Assert.Single(bot.Fake.RequestsFor("getFile"));
        Assert.Empty(bot.Fake.FileDownloads);
        Assert.Empty(MediaFiles.All(db));
    }

    [Fact]
    public async Task A_console_photo_path_that_does_not_exist_gets_the_polite_retry()
    {
        using var db = new TestDatabase();
        var lines = Hosting.ConsoleChat.ToSummary.ToList();
        var photoQuestion = lines.IndexOf("Jl. Merdeka 1") + 2;
        var output = await Hosting.ConsoleChat.RunAsync(db, [.. lines[..photoQuestion], "/foto " + Path.Combine(db.Folder, "no-such.jpg")], "owner");
        Assert.Contains("fotonya tidak berhasil kami terima", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FileNotFoundException", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_photo_cannot_be_cleaned_up_after_an_erasure_the_erasure_still_stands_and_is_confirmed()
    {
        using var db = new TestDatabase();
        var picture = Path.Combine(db.Folder, "warung.jpg");
        await File.WriteAllBytesAsync(picture, FakeMedia.Jpeg("cleanup fails"));
        var lines = Hosting.ConsoleChat.Registration.ToList();
        lines[lines.IndexOf("Jl. Merdeka 1") + 2] = "/foto " + picture;
        await Hosting.ConsoleChat.RunAsync(db, lines, "owner");

        // Someone else's open form whose stored answers were damaged: the reference check fails on it.
        await using (var ctx = db.Open())
        {
            var other = new Bot.Storage.Entities.Person { CreatedAt = DateTimeOffset.UtcNow };
            ctx.People.Add(other);
            await ctx.SaveChangesAsync();
            ctx.Sessions.Add(new Bot.Storage.Entities.ConversationSession
            {
                PersonId = other.Id, QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = "Asking", IsActive = true,
                StartedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
            await ctx.SaveChangesAsync();
            var sealedState = await ctx.Database.SqlQueryRaw<string>("SELECT \"StateJson\" AS \"Value\" FROM sessions WHERE \"PersonId\" = {0}", other.Id).SingleAsync();
            Assert.StartsWith("e1.", sealedState, StringComparison.Ordinal);
            var damaged = sealedState[..^8] + (sealedState[^8..].StartsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA") + sealedState[^4..];
            await ctx.Database.ExecuteSqlRawAsync("UPDATE sessions SET \"StateJson\" = {0} WHERE \"PersonId\" = {1}", damaged, other.Id);
        }

        var output = await Hosting.ConsoleChat.RunAsync(db, ["hapus data saya", "ya"], "owner");

        Assert.Contains("sudah dihapus sekarang juga", output, StringComparison.Ordinal);
        await using (var ctx = db.Open())
        {
            Assert.Null((await ctx.UmkmRecords.SingleAsync()).Foto);
        }
    }

    [Fact]
    public async Task A_Telegram_photo_sent_as_a_PNG_document_is_kept_as_a_PNG()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);
        await ToPhotoQuestionAsync(bot);

        var png = FakeMedia.Png("uncompressed");
        bot.Fake.AddFile("TG-DOC", png, "image/png");
        var next = TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueDocument(Chat, "TG-DOC", "image/png", "warung.png", png.Length)));
        Assert.Contains(NextQuestion, next, StringComparison.Ordinal);
        var reference = $"sha256:{FakeMedia.Sha256Hex(png)}.png";
        Assert.Equal(png, await File.ReadAllBytesAsync(MediaFiles.PathIn(db, reference)));
    }

    /// <summary>The UMKM questionnaire up to its photo question, over WhatsApp.</summary>
    private static async Task ToPhotoQuestionAsync(WhatsAppBotSession bot, string prompt = PhotoPrompt)
    {
        await bot.SayAsync("/daftar");
        await bot.PressAsync("_consent=ya");
        await bot.SayAsync("Siti Aminah");
        await bot.SayAsync("1601 0745 0890 0001");
        await bot.PressAsync("jenis_kelamin=P");
        await bot.PressAsync("hp=own");
        await bot.SayAsync("Warung Bu Siti");
        await bot.SayAsync("jualan sembako");
        await bot.PressAsync("kbli=47112");
        await bot.SayAsync("2019");
        await bot.PressAsync("tempat=menetap");
        await bot.SayAsync("perorangan");
        await bot.PressAsync("punya_nib=tidak");
        await bot.SayAsync("sumatera selatan");
        await bot.SayAsync("ogan komering ulu");
        await bot.SayAsync("baturaja timur");
        await bot.SayAsync("sukaraya");
        await bot.SayAsync("Jl. Dr. Moh. Hatta No. 12");
        var photo = Text(await bot.SendAsync(FakeWhatsAppWebhooks.Location(User, -4.1291, 104.1668)));
        Assert.Contains(prompt, photo, StringComparison.Ordinal);
    }

    /// <summary>The same over Telegram.</summary>
    private static async Task ToPhotoQuestionAsync(TelegramBotSession bot)
    {
        await bot.SayAsync(Chat, "/daftar");
        await bot.PressAsync(Chat, "_consent=ya");
        await bot.SayAsync(Chat, "Siti Aminah");
        await bot.SayAsync(Chat, "1601 0745 0890 0001");
        await bot.PressAsync(Chat, "jenis_kelamin=P");
        await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueContact(Chat, "+62 812 3456 7890", Chat));
        await bot.SayAsync(Chat, "Warung Bu Siti");
        await bot.SayAsync(Chat, "jualan sembako");
        await bot.PressAsync(Chat, "kbli=47112");
        await bot.SayAsync(Chat, "2019");
        await bot.PressAsync(Chat, "tempat=menetap");
        await bot.PressAsync(Chat, "bentuk=perseorangan");
        await bot.PressAsync(Chat, "punya_nib=tidak");
        await bot.SayAsync(Chat, "Sumsel");
        await bot.SayAsync(Chat, "ogan");
        await bot.PressAsync(Chat, "16.01");
        await bot.SayAsync(Chat, "Baturaja Timur");
        await bot.SayAsync(Chat, "Sukaraya");
        await bot.SayAsync(Chat, "Jl. Dr. Moh. Hatta No. 12");
        var photo = TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueLocation(Chat, -4.1291, 104.1668)));
        Assert.Contains(PhotoPrompt, photo, StringComparison.Ordinal);
    }

    /// <summary>Answers the rest with the same values as the registration tests; the summary that comes back.</summary>
    private static async Task<string> SummaryAsync(WhatsAppBotSession bot)
    {
        await bot.SayAsync("3");
        await bot.SayAsync("2");
        await bot.SayAsync("2");
        await bot.PressAsync("omzet_periode=bulan");
        await bot.SayAsync("3jt");
        await bot.SayAsync("15 juta");
        await bot.SayAsync("/lewati");
        await bot.PressAsync("cara_jual=offline");
        await bot.PressAsync("sumber_modal=sendiri");
        await bot.PressAsync("_multi=done");
        return Text(await bot.SayAsync("tidak"));
    }
}

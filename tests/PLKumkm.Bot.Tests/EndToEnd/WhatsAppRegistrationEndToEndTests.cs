using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Tests.Media;
using static PLKumkm.Bot.Tests.EndToEnd.WhatsAppBotSession;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>A business owner registers over WhatsApp, as in issue 6's "done when": signed webhooks in, replies from the fake Graph API.</summary>
public sealed class WhatsAppRegistrationEndToEndTests
{
    [Fact]
    public async Task The_phone_question_offers_the_senders_own_number_as_one_tap_in_the_persons_language()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await bot.SayAsync("/bahasa en");
        await bot.SayAsync("/daftar");
        await bot.PressAsync("_consent=ya");
        await bot.SayAsync("Siti Aminah");
        await bot.SayAsync("1601 0745 0890 0001");

        var phone = await bot.PressAsync("jenis_kelamin=P");
        var own = Assert.Single(phone.SelectMany(m => m.Buttons));
        Assert.Equal("hp=own", own.Id);
        Assert.Contains("+" + User, own.Title, StringComparison.Ordinal);
        Assert.Contains("send a contact through 📎 › Contact", Text(phone), StringComparison.Ordinal);
        Assert.DoesNotContain("Ketik nomor HP", Text(phone), StringComparison.Ordinal);

        Assert.Contains("business called", Text(await bot.PressAsync("hp=own")));
        await using var ctx = db.Open();
        var session = Bot.Conversations.Handling.SessionStore.Read(await ctx.Sessions.SingleAsync());
        Assert.Equal("+" + User, session.Answers["hp"]);
    }

    [Fact]
    public async Task Owner_registers_end_to_end_over_signed_webhooks_and_a_replayed_message_changes_nothing()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);

        // A first "halo" is answered with a button to start registering.
        var hello = await bot.SayAsync("Halo");
        Assert.Contains(hello.SelectMany(m => m.OptionIds), id => id == "/start");

        // /start offers UMKM or koperasi; "Daftarkan UMKM" carries /daftar.
        var choice = await bot.PressAsync("/start");
        Assert.Contains(choice.SelectMany(m => m.OptionIds), id => id == "/koperasi");
        var consent = await bot.PressAsync("/daftar");
        Assert.Contains("UU 27/2022", Text(consent));
        Assert.Equal("button", consent.Last().InteractiveType);

        Assert.Contains("nama lengkap pemilik", Text(await bot.PressAsync("_consent=ya")));
        Assert.Contains("NIK", Text(await bot.SayAsync("Siti Aminah")));
        var sex = await bot.SayAsync("1601 0745 0890 0001");
        Assert.Contains(sex.SelectMany(m => m.Buttons), b => b.Id == "jenis_kelamin=P" && b.Title == "Perempuan");

        // WhatsApp has no share-contact button: the question says how to send the number instead.
        var phone = await bot.PressAsync("jenis_kelamin=P");
        Assert.Contains("📎", Text(phone));

        // A sticker in the middle is answered politely and changes nothing.
        Assert.Contains("stiker", Text(await bot.SendAsync(FakeWhatsAppWebhooks.Other(User, "sticker"))));

        Assert.Contains("nama usahanya", Text(await bot.SendAsync(FakeWhatsAppWebhooks.Contacts(User, "+62 812-3456-7890", User))));
        var nameMessage = FakeWhatsAppWebhooks.Text(User, "Warung Bu Siti");
        var nameBody = FakeWhatsAppWebhooks.Body(nameMessage, "Siti");
        var nameWamid = nameMessage["id"]!.GetValue<string>();
        using (var first = await bot.PostAsync(nameBody))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        }

        await bot.WaitDrainedAsync();
        Assert.Contains("kegiatan utama", bot.Fake.SentTo(User)[^1].Text);

        // Meta delivers the same message again (at-least-once): acknowledged, but no second effect and no reply.
        var sentBefore = bot.Fake.SentTo(User).Count;
        using (var replay = await bot.PostAsync(nameBody))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, replay.StatusCode);
        }

        await bot.WaitDrainedAsync();
        Assert.Equal(sentBefore, bot.Fake.SentTo(User).Count);

        // Three KBLI codes found for the activity and "none of these": a list.
        var sector = await bot.SayAsync("jualan sembako");
        Assert.Equal("list", sector.Last().InteractiveType);
        await bot.PressAsync("kbli=47112");
        var place = await bot.SayAsync("2019");
        Assert.Equal(3, place.Last().Buttons.Count);
        await bot.PressAsync("tempat=menetap");
        await bot.SayAsync("perorangan");
        Assert.Contains("Ketik nama desa/kelurahan, kecamatan, kabupaten/kota atau provinsinya", Text(await bot.PressAsync("punya_nib=tidak")));
        await bot.SayAsync("sumatera selatan");
        await bot.SayAsync("ogan komering ulu");
        Assert.Contains("Kecamatan Baturaja Timur", Text(await bot.SayAsync("baturaja timur")));
        Assert.Contains("Alamat lengkap", Text(await bot.SayAsync("sukaraya")));
        var location = await bot.SayAsync("Jl. Dr. Moh. Hatta No. 12");
        Assert.Contains("📎", Text(location));
        await bot.SendAsync(FakeWhatsAppWebhooks.Location(User, -4.1291, 104.1668));
        await bot.SendAsync(FakeWhatsAppWebhooks.Image(User, "MEDIA-IMG-1", caption: "warung"));
        await bot.SayAsync("3");
        await bot.SayAsync("2");
        await bot.SayAsync("2");
        await bot.PressAsync("omzet_periode=bulan");
        Assert.Contains("Rp36.000.000 per tahun", Text(await bot.SayAsync("3jt")));
        await bot.SayAsync("15 juta");
        await bot.SayAsync("/lewati");
        await bot.PressAsync("cara_jual=offline");
        await bot.PressAsync("sumber_modal=sendiri");
        await bot.PressAsync("_multi=done");
        var summary = await bot.SayAsync("tidak");
        Assert.Contains("1601********0001", Text(summary));
        Assert.DoesNotContain("1601074508900001", Text(summary));

        var done = Text(await bot.PressAsync("_review=kirim"));
        Assert.Contains("KUMKM-1601-000001", done);

        // Every message the bot sent was valid for the Cloud API (the fake refuses anything over a limit).
        Assert.All(bot.Fake.Requests, r => Assert.True(r.Succeeded, $"{r.Path} answered {r.StatusCode} ({r.ErrorCode})"));

        await using var ctx = db.Open();
        var record = await ctx.UmkmRecords.SingleAsync();
        Assert.Equal("KUMKM-1601-000001", record.RegistrationNumber);
        Assert.Equal("Siti Aminah", record.NamaPemilik);
        Assert.Equal("1601074508900001", record.Nik);
        Assert.Equal("P", record.JenisKelamin);
        Assert.Equal("+6281234567890", record.Hp);
        Assert.Equal("Warung Bu Siti", record.NamaUsaha);
        Assert.Equal("jualan sembako", record.Kegiatan);
        Assert.Equal("47112", record.Kbli);
        Assert.Equal("G", record.KbliSection);
        Assert.Equal(2019, record.TahunMulai);
        Assert.Equal("menetap", record.Tempat);
        Assert.Equal("16.01.14.1005", record.KodeDesa);
        Assert.Equal(-4.1291, record.Lat);
        Assert.Equal(104.1668, record.Lon);
        // The photo was downloaded at once (the media id would be gone after 30 days): the record holds its hash.
        var photo = bot.Fake.MediaBytes("MEDIA-IMG-1");
        Assert.Equal(FakeMedia.JpegReference(photo), record.Foto);
        Assert.Equal("image/jpeg", record.FotoType);
        Assert.Equal(photo, await File.ReadAllBytesAsync(MediaFiles.PathIn(db, record.Foto!)));
        Assert.Equal(["MEDIA-IMG-1"], bot.Fake.MediaDownloads);
        Assert.Equal(36_000_000, record.OmzetTahunan);
        Assert.Equal(15_000_000, record.Modal);
        Assert.Equal("offline", record.CaraJual);
        Assert.Equal("sendiri", record.SumberModal);
        Assert.Equal("mikro", record.Skala);
        Assert.Equal(RecordStatus.Active, record.Status);
        Assert.Equal(1, await ctx.UmkmRecords.CountAsync(r => r.NamaUsaha == "Warung Bu Siti"));
        // Kept as a keyed hash: a wamid encodes the sender's number.
        var nameKey = ctx.Protection.Hash("whatsapp:" + nameWamid);
        Assert.Equal(1, await ctx.InboundUpdates.CountAsync(u => u.UpdateKey == nameKey));

        // The WhatsApp sender is one person, known by the phone WhatsApp proves.
        var person = await ctx.People.Include(p => p.Addresses).SingleAsync();
        Assert.Equal("+6281234567890", person.Phone);
        Assert.Equal("whatsapp:" + User, Assert.Single(person.Addresses).Address);
        Assert.Equal(person.Id, record.OwnerPersonId);

        // Processed bodies keep no personal data; nothing is left in the queue or the outbox.
        Assert.True(await ctx.WebhookInbox.AllAsync(i => i.ProcessedAt != null && i.Payload == ""));
        Assert.True(await ctx.Outbox.AllAsync(o => o.SentAt != null));

        // Logs name no one: no phone number, NIK, message text, token or secret.
        Assert.Contains(bot.Logs.Entries, e => e.Category.StartsWith("PLKumkm", StringComparison.Ordinal));
        string[] secrets = [User, "812-3456-7890", "1601074508900001", "Siti Aminah", "Warung Bu Siti", "Hatta",
            bot.Fake.AccessToken, FakeWhatsAppWebhooks.AppSecret, FakeWhatsAppWebhooks.VerifyToken];
        Assert.All(bot.Logs.Entries, e => Assert.DoesNotContain(secrets, s => e.ToString().Contains(s, StringComparison.Ordinal)));
    }
}

using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.Fakes;
using PLKumkm.Bot.Tests.Media;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>A business owner registers over Telegram, as in the foundation issue's "done when".</summary>
public sealed class TelegramRegistrationEndToEndTests
{
    private const long Chat = 777001;

    [Fact]
    public async Task Owner_registers_end_to_end_with_corrections_a_restart_and_a_redelivered_update()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);

        // /start offers the two registrations; the button's command value arrives as if typed.
        var choice = await bot.SayAsync(Chat, "/start");
        Assert.Contains(choice.SelectMany(m => m.InlineButtons), b => b.CallbackData == "/daftar");
        Assert.Contains(choice.SelectMany(m => m.InlineButtons), b => b.CallbackData == "/koperasi");
        var consent = await bot.PressAsync(Chat, "/daftar");
        Assert.Contains("UU 27/2022", TelegramBotSession.Text(consent));
        Assert.Contains(consent.SelectMany(m => m.InlineButtons), b => b.CallbackData == "_consent=ya");

        Assert.Contains("nama lengkap pemilik", TelegramBotSession.Text(await bot.PressAsync(Chat, "_consent=ya")));
        Assert.Contains("NIK", TelegramBotSession.Text(await bot.SayAsync(Chat, "Siti <b>Aminah</b>")));

        var badNik = TelegramBotSession.Text(await bot.SayAsync(Chat, "1601 0745 0890"));
        Assert.Contains("NIK", badNik);
        Assert.DoesNotContain("Jenis kelamin", badNik);

        var sex = await bot.SayAsync(Chat, "1601.0745.0890.0001");
        Assert.Contains(sex.SelectMany(m => m.InlineButtons), b => b.CallbackData == "jenis_kelamin=P");

        var phone = await bot.PressAsync(Chat, "jenis_kelamin=P");
        Assert.Contains(phone.SelectMany(m => m.KeyboardButtons), b => b.RequestContact);

        // A sticker in the middle is answered politely and changes nothing.
        var sticker = TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueSticker(Chat)));
        Assert.Contains("stiker", sticker);

        Assert.Contains("nama usahanya", TelegramBotSession.Text(await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueContact(Chat, "+62 812 3456 7890", Chat))));
        var nameUpdate = 0;
        var kegiatan = await bot.AwaitAsync(Chat, () => nameUpdate = bot.Fake.EnqueueText(Chat, "Warung Bu Siti"));
        Assert.Contains("kegiatan utama", TelegramBotSession.Text(kegiatan));

        // The same update delivered again (Telegram after a crash) has no second effect and no reply.
        var before = bot.Fake.SentTo(Chat).Count;
        bot.Fake.Redeliver(nameUpdate);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.PendingUpdateCount == 0, TimeSpan.FromSeconds(10));
        await bot.SayAsync(Chat, "jualan sembako");
        Assert.Equal(before + 1, bot.Fake.SentTo(Chat).Count);

        await bot.PressAsync(Chat, "kbli=G");
        await bot.SayAsync(Chat, "2019");
        await bot.PressAsync(Chat, "tempat=menetap");
        await bot.PressAsync(Chat, "bentuk=perseorangan");
        Assert.Contains("Ketik nama desa/kelurahan, kecamatan, kabupaten/kota atau provinsinya", TelegramBotSession.Text(await bot.PressAsync(Chat, "punya_nib=tidak")));
        await bot.SayAsync(Chat, "Sumsel");
        var ogan = await bot.SayAsync(Chat, "ogan");
        Assert.Contains(ogan.SelectMany(m => m.InlineButtons), b => b.CallbackData == "16.01");
        await bot.PressAsync(Chat, "16.01");

        // The server restarts in the middle of the questionnaire: the next answer lands on the same question.
        await bot.StopHostAsync();
        await bot.StartHostAsync();
        Assert.Contains("Kecamatan Baturaja Timur", TelegramBotSession.Text(await bot.SayAsync(Chat, "Baturaja Timur")));
        Assert.Contains("Alamat lengkap", TelegramBotSession.Text(await bot.SayAsync(Chat, "Sukaraya")));
        var location = await bot.SayAsync(Chat, "Jl. Dr. Moh. Hatta No. 12");
        Assert.Contains(location.SelectMany(m => m.KeyboardButtons), b => b.RequestLocation);
        await bot.AwaitAsync(Chat, () => bot.Fake.EnqueueLocation(Chat, -4.1291, 104.1668));
        await bot.AwaitAsync(Chat, () => bot.Fake.EnqueuePhoto(Chat, fileId: "PHOTO-1"));
        await bot.SayAsync(Chat, "3");
        // More paid workers than workers is refused, and the question is asked again.
        var tooMany = TelegramBotSession.Text(await bot.SayAsync(Chat, "5"));
        Assert.Contains("dibayar", tooMany);
        Assert.DoesNotContain("perempuan", tooMany);
        await bot.SayAsync(Chat, "2");
        await bot.SayAsync(Chat, "2");
        await bot.PressAsync(Chat, "omzet_periode=bulan");
        Assert.Contains("Rp36.000.000 per tahun", TelegramBotSession.Text(await bot.SayAsync(Chat, "3jt")));
        await bot.SayAsync(Chat, "15 juta");
        await bot.SayAsync(Chat, "/lewati");
        await bot.PressAsync(Chat, "cara_jual=offline");
        await bot.PressAsync(Chat, "sumber_modal=sendiri");
        await bot.PressAsync(Chat, "_multi=done");
        var summary = TelegramBotSession.Text(await bot.PressAsync(Chat, "anggota_kop=tidak"));
        Assert.Contains("1601********0001", summary);
        Assert.DoesNotContain("1601074508900001", summary);

        // Correct the business name from the summary, then submit.
        Assert.Contains("Jawaban saat ini: Warung Bu Siti", TelegramBotSession.Text(await bot.SayAsync(Chat, "5")));
        Assert.Contains("Warung Siti Jaya", TelegramBotSession.Text(await bot.SayAsync(Chat, "Warung Siti Jaya")));
        var done = TelegramBotSession.Text(await bot.PressAsync(Chat, "_review=kirim"));
        Assert.Contains("KUMKM-1601-000001", done);

        await using var ctx = db.Open();
        var record = await ctx.UmkmRecords.SingleAsync();
        Assert.Equal("KUMKM-1601-000001", record.RegistrationNumber);
        Assert.Equal("Siti <b>Aminah</b>", record.NamaPemilik);
        Assert.Equal("1601074508900001", record.Nik);
        Assert.Equal("P", record.JenisKelamin);
        Assert.Equal("+6281234567890", record.Hp);
        Assert.Equal("Warung Siti Jaya", record.NamaUsaha);
        Assert.Equal("jualan sembako", record.Kegiatan);
        Assert.Equal("G", record.Kbli);
        Assert.Equal(2019, record.TahunMulai);
        Assert.Equal("menetap", record.Tempat);
        Assert.Null(record.Nib);
        Assert.Equal("16.01.14.1005", record.KodeDesa);
        Assert.Equal("Jl. Dr. Moh. Hatta No. 12", record.Alamat);
        Assert.Equal(-4.1291, record.Lat);
        Assert.Equal(104.1668, record.Lon);
        // Downloaded at once (a file id works only for this bot's token): the record holds the file's hash.
        var photo = bot.Fake.FileBytes("PHOTO-1");
        Assert.Equal(FakeMedia.JpegReference(photo), record.Foto);
        Assert.Equal("image/jpeg", record.FotoType);
        Assert.Equal(photo, await File.ReadAllBytesAsync(MediaFiles.PathIn(db, record.Foto!)));
        Assert.Equal(3, record.TkTotal);
        Assert.Equal(2, record.TkDibayar);
        Assert.Equal(2, record.TkPerempuan);
        Assert.Equal(36_000_000, record.OmzetTahunan);
        Assert.Equal(15_000_000, record.Modal);
        Assert.Null(record.Aset);
        Assert.Equal("offline", record.CaraJual);
        Assert.Equal("sendiri", record.SumberModal);
        Assert.Equal("tidak", record.AnggotaKop);
        Assert.Equal("mikro", record.Skala);
        var nameKey = ctx.Protection.Hash($"telegram:{nameUpdate}");
        Assert.Equal(1, await ctx.InboundUpdates.CountAsync(u => u.UpdateKey == nameKey));
        Assert.Equal(RecordStatus.Active, record.Status);
    }
}

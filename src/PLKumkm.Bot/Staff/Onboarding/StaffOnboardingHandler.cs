using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.Onboarding;

/// <summary>
/// Staff are recognised by the phone number an admin registered (<c>users add</c>): they share their
/// own contact (<c>/petugas</c> offers the button) and this chat is attached to their pre-registered
/// person. Only a number the channel proves counts: on Telegram a contact whose user_id is the sender, on
/// WhatsApp the sender's own number (a contact card there proves nothing). A forwarded card or someone else's
/// number grants nothing, and a proven number is never replaced by one that is not. A contact shared as the answer to an
/// open phone question belongs to the questionnaire (the command table lets it have it first), not here.
/// </summary>
internal sealed class StaffOnboardingHandler(RegionCatalog regions) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (context.Message.PhoneWithheld && context.Person.Role == PersonRole.Owner)
        {
            // WhatsApp shows this sender only by a username: nothing proves their number, and a card proves nothing.
            context.Reply(OnboardingTexts.NumberWithheld);
            return true;
        }

        if (context.Content is ContactInput contact)
        {
            if (context.Message.SenderPhone is not null)
            {
                // WhatsApp: a contact card is text anyone can write; the sender's own number is what counts.
                context.Reply(OnboardingTexts.CardNotNeeded);
                return true;
            }

            if (!contact.IsSendersOwn)
            {
                context.Reply(new OutboundMessage(OnboardingTexts.NotOwn.In(context.Language)) { Request = ReplyRequest.Contact });
                return true;
            }

            await OnboardAsync(context, contact.PhoneNumber, cancellationToken);
            return true;
        }

        if (context.Person.Role != PersonRole.Owner)
        {
            Welcome(context, context.Person);
            return true;
        }

        // On WhatsApp the channel itself proves the sender's number.
        if (context.Message.SenderPhone is { } own)
        {
            await OnboardAsync(context, own, cancellationToken);
            return true;
        }

        context.Reply(new OutboundMessage(OnboardingTexts.ShareYourNumber.In(context.Language)) { Request = ReplyRequest.Contact });
        return true;
    }

    private async Task OnboardAsync(UpdateContext context, string sharedNumber, CancellationToken ct)
    {
        var parsed = PhoneParser.Parse(sharedNumber);
        if (!parsed.Ok)
        {
            context.Reply(parsed.Error!);
            return;
        }

        var phone = parsed.Value!;
        var current = context.Person;
        if (current.Role != PersonRole.Owner)
        {
            // Already recognised in this chat; a different number does not make them someone else.
            Welcome(context, current);
            return;
        }

        var phoneHash = context.Db.Protection.Hash(phone);
        var staff = await context.Db.People
            .Where(p => p.PhoneHash == phoneHash && p.Role != PersonRole.Owner && p.Id != current.Id)
            .OrderBy(p => p.Id)
            .FirstOrDefaultAsync(ct);
        if (staff is null)
        {
            current.Phone = phone;
            context.Reply(OnboardingTexts.PhoneSaved);
            return;
        }

        await PersonMerger.MergeAsync(context.Db, current, staff, ct);
        await PersonPhones.AnnounceNewAddressAsync(context, staff, ct);
        Welcome(context, staff);
    }

    private void Welcome(UpdateContext context, Person staff)
    {
        var language = staff.Language;
        var region = regions.Find(staff.RegionCode ?? RegionCodes.Country);
        var text = OnboardingTexts.Welcome(staff.Name ?? "", RolePolicy.Name(staff.Role), region?.FullName ?? staff.RegionCode ?? "", staff.Role);
        context.Reply(new OutboundMessage(text.In(language)) { Options = RolePolicy.Shortcuts(staff, language) });
    }
}

internal static class OnboardingTexts
{
    public static readonly UserText ShareYourNumber = new(
        "Untuk masuk sebagai petugas PL-KUMKM, tekan tombol *Bagikan nomor HP* di bawah. Nomornya harus nomor yang didaftarkan admin untuk Anda.",
        "To sign in as PL-KUMKM census staff, press *Share phone number* below. It must be the number the admin registered for you.");

    public static readonly UserText NotOwn = new(
        "Maaf, yang bisa dipakai hanya nomor HP Anda sendiri, dibagikan lewat tombol *Bagikan nomor HP*. Kontak orang lain atau kontak yang diteruskan tidak bisa dipakai.",
        "Sorry, only your own number counts, shared with the *Share phone number* button. Someone else's contact or a forwarded one cannot be used.");

    public static readonly UserText CardNotNeeded = new(
        "Terima kasih. Kartu kontak tidak dipakai untuk masuk: di WhatsApp, nomor yang mengirim pesan ini yang dipakai. Petugas cukup ketik /petugas dari nomor yang didaftarkan admin.",
        "Thank you. A contact card is not used to sign in: on WhatsApp, the number sending this message is what counts. Staff just type /petugas from the number the admin registered.");

    public static readonly UserText NumberWithheld = new(
        "Maaf, WhatsApp tidak menunjukkan nomor HP Anda kepada kami (Anda memakai nama pengguna WhatsApp), jadi Anda belum bisa masuk sebagai petugas dari sini. Tampilkan nomor Anda untuk chat ini di pengaturan nama pengguna WhatsApp, atau masuk lewat Telegram dengan tombol *Bagikan nomor HP*. Untuk mendaftarkan usaha Anda, ketik /start.",
        "Sorry, WhatsApp does not show us your phone number (you use a WhatsApp username), so you cannot sign in as staff from here yet. Show your number to this chat in WhatsApp's username settings, or sign in on Telegram with the *Share phone number* button. To register your business, type /start.");

    public static readonly UserText PhoneSaved = new(
        "Terima kasih, nomor HP Anda sudah tersimpan. Nomor ini belum terdaftar sebagai petugas PL-KUMKM: jika Anda petugas, minta admin mendaftarkannya, lalu bagikan nomor lagi. Untuk mendaftarkan usaha Anda, ketik /start.",
        "Thank you, your number is saved. It is not registered as PL-KUMKM census staff: if you are staff, ask the admin to register it, then share it again. To register your business, type /start.");

    public static UserText Welcome(string name, UserText role, string region, PersonRole kind)
    {
        var greeting = new UserText(
            string.Create(CultureInfo.InvariantCulture, $"Halo {name}, Anda terdaftar sebagai {role.Id} di {region}."),
            string.Create(CultureInfo.InvariantCulture, $"Hello {name}, you are registered as {role.En} in {region}."));
        return greeting.Append(kind switch
        {
            PersonRole.Enumerator => new UserText(
                """
                Yang bisa Anda lakukan:
                • Kirim satu pesan per usaha, diawali #umkm (ketik /cepat untuk formatnya)
                • /kinerja — capaian Anda hari ini, minggu ini, dan sisa target
                • /start — kuesioner lengkap bersama pemilik usaha
                """,
                """
                What you can do:
                • Send one message per business, starting with #umkm (type /cepat for the format)
                • /kinerja — your count today, this week, and what is left of the target
                • /start — the full questionnaire together with the owner
                """),
            PersonRole.Coordinator => new UserText(
                """
                Yang bisa Anda lakukan:
                • /tim — enumerator di wilayah Anda dan capaiannya
                • /tinjau — data yang ditandai untuk ditinjau
                • #umkm atau /cepat — entri cepat satu pesan per usaha
                """,
                """
                What you can do:
                • /tim — the enumerators of your region and their counts
                • /tinjau — records flagged for review
                • #umkm or /cepat — quick entry, one message per business
                """),
            PersonRole.Admin => new UserText(
                "Yang bisa Anda lakukan: /tim, /tinjau, #umkm (/cepat), dan progress <wilayah>.",
                "What you can do: /tim, /tinjau, #umkm (/cepat), and progress <region>."),
            _ => new UserText(
                "Tanyakan capaian kapan saja, mis. \"progress OKU\".",
                "Ask for progress at any time, e.g. \"progress OKU\"."),
        }, "\n\n");
    }
}

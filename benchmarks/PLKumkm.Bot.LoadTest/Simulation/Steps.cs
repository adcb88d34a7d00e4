using System.Globalization;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.LoadTest.Simulation;

/// <summary>One thing a simulated person does in Telegram; <see cref="Send"/> enqueues it at the fake and returns the update id.</summary>
internal abstract record Step
{
    /// <summary>Text every reply to this step must contain somewhere (e.g. the registration number prefix), or null.</summary>
    public string? Expect { get; init; }

    public abstract int Send(FakeBotApi fake, long chat);

    /// <summary>The same step as the channel-neutral content the bot's pipeline sees.</summary>
    public abstract InboundContent Content { get; }
}

internal sealed record Say(string Text) : Step
{
    public override int Send(FakeBotApi fake, long chat) => fake.EnqueueText(chat, Text);

    public override InboundContent Content => new TextInput(Text);
}

internal sealed record Press(string Data) : Step
{
    public override int Send(FakeBotApi fake, long chat) => fake.EnqueueCallback(chat, Data);

    public override InboundContent Content => new ChoiceInput(Data);
}

internal sealed record ShareContact(string Phone) : Step
{
    public override int Send(FakeBotApi fake, long chat) => fake.EnqueueContact(chat, Phone, contactUserId: chat);

    public override InboundContent Content => new ContactInput(Phone, IsSendersOwn: true);
}

internal sealed record ShareLocation(double Latitude, double Longitude) : Step
{
    public override int Send(FakeBotApi fake, long chat) => fake.EnqueueLocation(chat, Latitude, Longitude);

    public override InboundContent Content => new LocationInput(Latitude, Longitude);
}

internal sealed record SendPhoto(string FileId) : Step
{
    public override int Send(FakeBotApi fake, long chat) => fake.EnqueuePhoto(chat, fileId: FileId);

    public override InboundContent Content => new PhotoInput(FileId);
}

/// <summary>
/// The conversations simulated users have. Owners follow conversations/umkm-happy-path.transcript with their own
/// NIK, phone and business name, so every registration is a different business.
/// </summary>
internal static class Scripts
{
    public const string RegistrationPrefix = "KUMKM-";

    public static string BusinessName(long user, int registration) =>
        string.Create(CultureInfo.InvariantCulture, $"Warung Bu Siti {user} {registration}");

    /// <summary>A valid NIK (Ogan Komering Ulu, a woman born in August 1990) unique for users below 279,972.</summary>
    public static string Nik(long user)
    {
        var day = 41 + (int)(user / 9999 % 28);
        var serial = 1 + (int)(user % 9999);
        return string.Create(CultureInfo.InvariantCulture, $"160107{day:D2}0890{serial:D4}");
    }

    /// <summary>An NIB of this registration's own (a shared one gets the record flagged for review).</summary>
    public static string Nib(long user, int registration) =>
        string.Create(CultureInfo.InvariantCulture, $"9{user * 100 + registration % 100:D12}");

    public static string Phone(long user) =>
        string.Create(CultureInfo.InvariantCulture, $"+62812{10_000_000 + user % 89_999_999:D8}");

    /// <summary>One registration; the consent step only the first time (later registrations skip the notice).</summary>
    public static IReadOnlyList<Step> Owner(long user, int registration)
    {
        // /daftar goes straight to the UMKM registration (/start first asks business or cooperative).
        var steps = new List<Step> { new Say("/daftar") };
        if (registration == 0)
        {
            steps.Add(new Press("_consent=ya"));
        }

        steps.AddRange(
        [
            new Say("Siti Aminah"),
            new Say(Nik(user)),
            new Press("jenis_kelamin=P"),
            new ShareContact(Phone(user)),
            new Say(BusinessName(user, registration)),
            new Say("menjual sembako dan gorengan"),
            new Press("kbli=G"),
            new Say("2019"),
            new Say("1"),
            new Say("perorangan"),
            new Say("ya"),
            new Say(Nib(user, registration)),
            new Say("sumatera selatan"),
            new Say("ogan komering ulu"),
            new Say("baturaja timur"),
            new Say("sukaraya"),
            new Say("Jl. Dr. Moh. Hatta No. 12, RT 03"),
            new ShareLocation(-4.1291, 104.1668),
            new SendPhoto("AgACAgUAAxkBAAIB"),
            new Say("3 orang"),
            new Say("2"),
            new Say("2"),
            new Press("omzet_periode=bulan"),
            new Say("3jt"),
            new Say("15 juta"),
            new Say("/lewati"),
            new Press("cara_jual=keduanya"),
            new Say("1, 5"),
            new Press("sumber_modal=sendiri"),
            new Press("sumber_modal=kur"),
            new Press("_multi=done"),
            new Say("tidak"),
            new Press("_review=kirim") { Expect = RegistrationPrefix },
        ]);
        return steps;
    }

    /// <summary>The step index right after the NIK answer of a first registration (where seeded sessions stand).</summary>
    public static int AfterNikIndex => 4;

    public const string Saved = "Tersimpan";

    /// <summary>Region enumerators are registered for (Ogan Komering Ulu), which holds the village of every entry.</summary>
    public const string EnumeratorRegion = "16.01";

    public static string EntryBusinessName(long user, int entry) =>
        string.Create(CultureInfo.InvariantCulture, $"Toko Pak Budi {user} {entry}");

    /// <summary>The NIK of an enumerator's entry: a different owner per entry.</summary>
    public static string EntryNik(long user, int entry) => Nik(user * 31 + entry);

    /// <summary>The business's own phone in an enumerator's entry (one number shared by owners of different NIKs gets flagged).</summary>
    public static string EntryPhone(long user, int entry) => Phone(user * 31 + entry);

    /// <summary>An enumerator: the first time they link their chat by sharing their own number, then one quick entry per record.</summary>
    public static IReadOnlyList<Step> Enumerator(long user, int entry)
    {
        var quick = new Say(string.Join('\n',
            "#umkm",
            $"NIK: {EntryNik(user, entry)}",
            "Nama: Budi Santoso",
            $"Usaha: {EntryBusinessName(user, entry)}",
            $"HP: {EntryPhone(user, entry)}",
            "Desa: Sukaraya, Baturaja Timur",
            "KBLI: G",
            "Omzet: 3jt/bulan",
            "Pekerja: 2")) { Expect = Saved };
        return entry == 0 ? [new ShareContact(Phone(user)), quick] : [quick];
    }

    /// <summary>An official asking for progress, by short name or by code (anyone may ask).</summary>
    public static IReadOnlyList<Step> Official() =>
        [new Say("progress OKU") { Expect = "Ogan Komering Ulu" }, new Say("progres 16.01") { Expect = "Ogan Komering Ulu" }];

    /// <summary>Someone who only asks what the bot does: help and small talk (the fallback answers).</summary>
    public static IReadOnlyList<Step> Visitor() => [new Say("/bantuan"), new Say("halo, ini bot apa?")];
}

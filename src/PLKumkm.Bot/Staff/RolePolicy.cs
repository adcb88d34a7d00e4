using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Staff;

/// <summary>What a staff member may do in the chat.</summary>
internal enum StaffAction
{
    /// <summary><c>#umkm</c> one-message entries and <c>/cepat</c>.</summary>
    QuickEntry,

    /// <summary><c>/kinerja</c>: one's own count and pace.</summary>
    Performance,

    /// <summary><c>/tim</c>: the enumerators of one's region.</summary>
    Team,

    /// <summary><c>/tinjau</c>: deciding flagged records of one's region.</summary>
    Review,

    /// <summary><c>/siaran</c>: one message to a group of people of one's region.</summary>
    Broadcast,

    /// <summary>The guided questionnaire filled in for a business owner (the owner's consent is asked every time).</summary>
    RegisterForOwner,
}

/// <summary>
/// The one place that says which role may do what, and where: every staff command asks here,
/// so a rule changes in one line. Roles are granted only by an admin (<c>users add</c>) and
/// reach a chat only through the person's own shared phone number.
/// </summary>
internal static class RolePolicy
{
    private static readonly Dictionary<StaffAction, PersonRole[]> Allowed = new()
    {
        [StaffAction.QuickEntry] = [PersonRole.Enumerator, PersonRole.Coordinator, PersonRole.Admin],
        [StaffAction.Performance] = [PersonRole.Enumerator],
        [StaffAction.Team] = [PersonRole.Coordinator, PersonRole.Admin],
        [StaffAction.Review] = [PersonRole.Coordinator, PersonRole.Admin],
        [StaffAction.RegisterForOwner] = [PersonRole.Enumerator, PersonRole.Coordinator],
        [StaffAction.Broadcast] = [PersonRole.Coordinator, PersonRole.Official, PersonRole.Admin],
    };

    /// <summary>The names <c>users add --role</c> accepts (the contract's).</summary>
    public static readonly IReadOnlyDictionary<string, PersonRole> RoleNames =
        new Dictionary<string, PersonRole>(StringComparer.OrdinalIgnoreCase)
        {
            ["enumerator"] = PersonRole.Enumerator,
            ["coordinator"] = PersonRole.Coordinator,
            ["official"] = PersonRole.Official,
            ["admin"] = PersonRole.Admin,
        };

    public static bool Allows(Person person, StaffAction action) =>
        Allowed[action].Contains(person.Role) && ScopeOf(person) is not null;

    /// <summary>
    /// The region a person works in: their region code; an admin without one works everywhere (<c>""</c>).
    /// Null when a staff role has no region (a broken registration): such a person may do nothing.
    /// </summary>
    public static string? ScopeOf(Person person) => person.Role switch
    {
        PersonRole.Admin => person.RegionCode ?? RegionCodes.Country,
        PersonRole.Owner => null,
        _ => string.IsNullOrEmpty(person.RegionCode) && person.Role != PersonRole.Official ? null : person.RegionCode ?? RegionCodes.Country,
    };

    /// <summary>True when <paramref name="regionCode"/> (a record's village, a person's regency…) lies in the person's region.</summary>
    public static bool InScope(Person person, string regionCode) =>
        ScopeOf(person) is { } scope && RegionCodes.IsWithin(regionCode, scope);

    /// <summary>Records inside a region (the country <c>""</c>, a province, regency, district or village).</summary>
    public static IQueryable<UmkmRecord> RecordsIn(IQueryable<UmkmRecord> records, string scope) => scope.Length switch
    {
        0 => records,
        2 => records.Where(r => r.KodeProvinsi == scope),
        5 => records.Where(r => r.KodeKabupaten == scope),
        8 => records.Where(r => r.KodeKecamatan == scope),
        _ => records.Where(r => r.KodeDesa == scope),
    };

    /// <summary>Cooperatives inside a region (as <see cref="RecordsIn(IQueryable{UmkmRecord}, string)"/>).</summary>
    public static IQueryable<KoperasiRecord> RecordsIn(IQueryable<KoperasiRecord> records, string scope) => scope.Length switch
    {
        0 => records,
        2 => records.Where(r => r.KodeProvinsi == scope),
        5 => records.Where(r => r.KodeKabupaten == scope),
        8 => records.Where(r => r.KodeKecamatan == scope),
        _ => records.Where(r => r.KodeDesa == scope),
    };

    /// <summary>Staff of a role registered inside a region.</summary>
    public static IQueryable<Person> PeopleIn(IQueryable<Person> people, PersonRole role, string scope)
    {
        var withRole = people.Where(p => p.Role == role && p.RegionCode != null);
        if (scope.Length == 0)
        {
            return withRole;
        }

        var prefix = scope + ".";
        return withRole.Where(p => p.RegionCode == scope || p.RegionCode!.StartsWith(prefix));
    }

    /// <summary>
    /// Which regions a role may be registered for: enumerators and coordinators work in one
    /// regency/city (targets and registration numbers are per regency); officials follow the country,
    /// a province or a regency; admins anything. Null when allowed, else the reason.
    /// </summary>
    public static string? RegionProblem(PersonRole role, Region region) => role switch
    {
        PersonRole.Enumerator or PersonRole.Coordinator when region.Level != RegionLevel.Regency =>
            $"{(role == PersonRole.Enumerator ? "an enumerator" : "a coordinator")} works in one regency/city (e.g. 16.01), not {Describe(region)}",
        PersonRole.Official when region.Level > RegionLevel.Regency =>
            $"an official follows the country (\"\"), a province or a regency/city, not {Describe(region)}",
        _ => null,
    };

    public static UserText Name(PersonRole role) => role switch
    {
        PersonRole.Enumerator => new("enumerator", "enumerator"),
        PersonRole.Coordinator => new("koordinator", "coordinator"),
        PersonRole.Official => new("pejabat pemantau", "official"),
        PersonRole.Admin => new("admin", "admin"),
        _ => new("pelaku usaha", "business owner"),
    };

    /// <summary>A polite no, with the way in for staff who have not shared their number yet.</summary>
    public static UserText Refusal(StaffAction action)
    {
        var what = action switch
        {
            StaffAction.QuickEntry => new UserText("entri cepat (#umkm) hanya untuk enumerator dan koordinator yang terdaftar.",
                "quick entry (#umkm) is only for registered enumerators and coordinators."),
            StaffAction.Performance => new UserText("/kinerja hanya untuk enumerator yang terdaftar.",
                "/kinerja is only for registered enumerators."),
            StaffAction.Team => new UserText("/tim hanya untuk koordinator yang terdaftar.",
                "/tim is only for registered coordinators."),
            StaffAction.Broadcast => new UserText("/siaran hanya untuk koordinator, pejabat pemantau dan admin yang terdaftar.",
                "/siaran is only for registered coordinators, officials and admins."),
            _ => new UserText("/tinjau hanya untuk koordinator yang terdaftar.",
                "/tinjau is only for registered coordinators."),
        };
        return new UserText("Maaf, ", "Sorry, ").Append(what, "").Append(new UserText(
            "Jika Anda petugas, ketik /petugas lalu bagikan nomor HP yang didaftarkan admin. Untuk mendaftarkan usaha sendiri, ketik /start.",
            "If you are census staff, type /petugas and share the phone number the admin registered. To register your own business, type /start."));
    }

    /// <summary>The commands a person's role opens, as buttons (values are commands, so a press acts as typed).</summary>
    public static IReadOnlyList<ReplyOption> Shortcuts(Person person, string language)
    {
        var en = language == Languages.English;
        var options = new List<ReplyOption>();
        if (Allows(person, StaffAction.QuickEntry))
        {
            options.Add(new(en ? "⚡ Quick entry" : "⚡ Entri cepat", "/cepat"));
        }

        if (Allows(person, StaffAction.Performance))
        {
            options.Add(new(en ? "📈 My pace" : "📈 Kinerja saya", "/kinerja"));
        }

        if (Allows(person, StaffAction.Team))
        {
            options.Add(new(en ? "👥 My team" : "👥 Tim saya", "/tim"));
        }

        if (Allows(person, StaffAction.Review))
        {
            options.Add(new(en ? "🔎 Review" : "🔎 Tinjau data", "/tinjau"));
        }

        return options;
    }

    private static string Describe(Region region) =>
        region.Level == RegionLevel.Country ? "the whole country" : $"{region.FullName} ({region.Code})";
}

using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>What <c>#umkm</c> alone or <c>/cepat</c> returns: how it works with an example, then the blank form to copy.</summary>
internal static class QuickEntryTemplate
{
    private static readonly string[] BlankKeys = ["NIK", "Nama", "Usaha", "HP", "Desa", "KBLI", "Omzet", "Pekerja", "Alamat"];

    public static IReadOnlyList<OutboundMessage> For(RegionCatalog regions, string scope, string language)
    {
        var example = string.Join('\n',
            QuickEntryMessage.UmkmTag,
            $"NIK: {NikParser.Example}",
            "Nama: Siti Aminah",
            "Usaha: Warung Siti",
            "HP: 0812 3456 7890",
            $"Desa: {ExampleVillage(regions, scope)}",
            "KBLI: G",
            "Omzet: 3jt/bulan",
            "Pekerja: 2");
        var optional = string.Join(", ", QuickEntryKeys.Labels.Where(l => !BlankKeys.Contains(l)));
        var howTo = new UserText(
            $"""
            *Entri cepat*: satu pesan untuk satu usaha. Salin formulir di pesan berikut, isi setelah tanda titik dua, lalu kirim.
            Wajib: NIK, Nama, Usaha, Desa, KBLI. Omzet dianggap per tahun kecuali ditulis /hari atau /bulan.
            Kunci lain (boleh): {optional}.

            Contoh:
            {example}
            """,
            $"""
            *Quick entry*: one message per business. Copy the form in the next message, fill in after the colons, and send it.
            Required: NIK, Nama, Usaha, Desa, KBLI. Omzet is per year unless written /hari (day) or /bulan (month).
            Other keys (optional): {optional}.

            Example:
            {example}
            """);
        var blank = string.Join('\n', BlankKeys.Select(k => k + ": ").Prepend(QuickEntryMessage.UmkmTag));
        return [new OutboundMessage(howTo.In(language)), new OutboundMessage(blank)];
    }

    /// <summary>A real village of the person's own regency, so the example is one they recognise.</summary>
    private static string ExampleVillage(RegionCatalog regions, string scope)
    {
        var regency = scope.Length >= 5 ? regions.RegencyOf(scope) : null;
        var district = regency is null ? null : regions.ChildrenOf(regency.Code).FirstOrDefault();
        var village = district is null ? null : regions.ChildrenOf(district.Code).FirstOrDefault();
        return village is null ? "Sukaraya, Baturaja Timur" : $"{village.Name}, {district!.Name}";
    }
}

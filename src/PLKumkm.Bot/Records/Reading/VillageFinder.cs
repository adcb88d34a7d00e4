using System.Text.RegularExpressions;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Records.Reading;

internal abstract record VillageLookup
{
    public sealed record Found(Region Village) : VillageLookup;

    /// <summary>Several villages fit; the person must say which (by district, or by code).</summary>
    public sealed record Ambiguous(IReadOnlyList<Region> Candidates) : VillageLookup;

    public sealed record NotFound(UserText Reason) : VillageLookup;
}

/// <summary>
/// A village typed by name or code, inside a region (a quick entry: the enumerator's; an import: the country): a village code
/// (<c>16.01.14.1005</c> or <c>1601141005</c>), or a name, optionally with its district
/// (<c>Sukaraya, Baturaja Timur</c>, <c>Sukaraya (Kec. Baturaja Timur)</c>, <c>Sukaraya kec Baturaja Timur</c>).
/// Names forgive case and small typos (the catalog's search); equally good matches are never guessed.
/// </summary>
internal sealed partial class VillageFinder(RegionCatalog regions)
{
    public const int MaxCandidates = 6;

    public VillageLookup Find(string text, string scope)
    {
        var typed = text.Trim();
        var area = regions.Find(scope);
        var areaName = area is null || area.Level == RegionLevel.Country ? "Indonesia" : area.FullName;
        if (RegionCodes.TryNormalize(typed, out var code))
        {
            return ByCode(code, scope, areaName);
        }

        var (villageName, districtName) = Split(typed);
        if (villageName.Length == 0)
        {
            return new VillageLookup.NotFound(new UserText("Nama desanya belum ditulis.", "The village name is missing."));
        }

        IReadOnlyList<Region> found;
        if (districtName is null)
        {
            found = regions.Search(villageName, RegionLevel.Village, scope, MaxCandidates);
        }
        else
        {
            var districts = regions.Search(districtName, RegionLevel.District, scope, MaxCandidates);
            if (districts.Count == 0)
            {
                return new VillageLookup.NotFound(new UserText(
                    $"Kecamatan \"{districtName}\" tidak ditemukan di {areaName}.",
                    $"No district \"{districtName}\" was found in {areaName}."));
            }

            found = districts.SelectMany(d => regions.Search(villageName, RegionLevel.Village, d.Code, MaxCandidates))
                .Take(MaxCandidates).ToList();
            if (found.Count == 0)
            {
                var where = districts.Count == 1 ? districts[0].FullName : areaName;
                return new VillageLookup.NotFound(new UserText(
                    $"Desa/kelurahan \"{villageName}\" tidak ditemukan di {where}.",
                    $"No village \"{villageName}\" was found in {where}."));
            }
        }

        return found.Count switch
        {
            0 => new VillageLookup.NotFound(new UserText(
                $"Desa/kelurahan \"{villageName}\" tidak ditemukan di {areaName}. Periksa ejaannya, atau tulis kode desanya (mis. 16.01.14.1005).",
                $"No village \"{villageName}\" was found in {areaName}. Check the spelling, or write the village code (e.g. 16.01.14.1005).")),
            1 => new VillageLookup.Found(found[0]),
            _ => new VillageLookup.Ambiguous(found),
        };
    }

    /// <summary><c>Sukajadi (Kecamatan Baturaja Timur)</c>: how a candidate is shown.</summary>
    public string Describe(Region village) =>
        regions.DistrictOf(village.Code) is { } district ? $"{village.Name} ({district.FullName})" : village.Name;

    private VillageLookup ByCode(string code, string scope, string areaName)
    {
        var region = regions.Find(code);
        if (region is null)
        {
            return new VillageLookup.NotFound(new UserText($"Kode wilayah {code} tidak ada.", $"There is no region code {code}."));
        }

        if (region.Level != RegionLevel.Village)
        {
            return new VillageLookup.NotFound(new UserText(
                $"{code} adalah kode {region.FullName}, bukan kode desa/kelurahan (contoh kode desa: 16.01.14.1005).",
                $"{code} is the code of {region.FullName}, not of a village (a village code looks like 16.01.14.1005)."));
        }

        if (!RegionCodes.IsWithin(region.Code, scope))
        {
            return new VillageLookup.NotFound(new UserText(
                $"{region.FullName} ({code}) di luar wilayah Anda ({areaName}).",
                $"{region.FullName} ({code}) is outside your region ({areaName})."));
        }

        return new VillageLookup.Found(region);
    }

    private static (string Village, string? District) Split(string text)
    {
        var m = WithDistrict().Match(text);
        if (!m.Success)
        {
            return (text, null);
        }

        var district = DistrictPrefix().Replace(m.Groups["district"].Value, "").Trim().TrimEnd(')').Trim();
        var village = m.Groups["village"].Value.Trim();
        return district.Length == 0 ? (village, null) : (village, district);
    }

    // "name, district", "name (district)", "name kec. district", "name kecamatan district".
    [GeneratedRegex(@"^(?<village>.+?)\s*(?:,|\(|\s(?=(?:kec(?:amatan)?\b\.?|kec\.)))\s*(?<district>.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithDistrict();

    [GeneratedRegex(@"^(?:kecamatan|kec)\b\.?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DistrictPrefix();
}

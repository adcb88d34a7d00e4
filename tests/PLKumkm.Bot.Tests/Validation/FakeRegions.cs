using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Validation;

internal sealed class FakeRegions : IRegionLookup
{
    private static readonly HashSet<string> Provinces = ["16", "31", "32", "35"];
    private static readonly HashSet<string> Regencies = ["16.01", "16.02", "31.71"];

    public bool ProvinceExists(string code) => Provinces.Contains(code);

    public bool RegencyExists(string code) => Regencies.Contains(code);
}

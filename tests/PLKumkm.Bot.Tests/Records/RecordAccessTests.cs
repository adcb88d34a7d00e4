using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>The policy table: writer × matched record × region → what the write may do (README "Who may do what").</summary>
public sealed class RecordAccessTests
{
    private const long Me = 7;
    private const long Someone = 8;
    private const string MyPhone = "+6281234567890";

    private static readonly Submitter Owner = new(Me, RecordSources.Mandiri, null, Me) { ProvenPhone = MyPhone };
    private static readonly Submitter OwnerWithoutPhone = new(Me, RecordSources.Mandiri, null, Me);
    private static readonly Submitter OkuEnumerator = new(Me, RecordSources.Enumerator, "7", null) { Scope = "16.01" };
    private static readonly Submitter SumselAdmin = new(Me, RecordSources.Enumerator, "7", null) { Scope = "16" };
    private static readonly Submitter NationalAdmin = new(Me, RecordSources.Enumerator, "7", null) { Scope = "" };
    private static readonly Submitter Import = Submitter.Import(null);

    public static TheoryData<string, string, long?, string?, string, string> Cases() => new()
    {
        // writer, matched record's regency ("" = none matched), its owner, its phone, the write's regency → verdict
        { "owner", "", null, null, "32.01", "Create" },
        { "owner", "16.01", Me, null, "16.01", "Update" },
        { "owner", "16.01", Me, null, "32.01", "RegionMove" },
        { "owner", "16.01", Someone, MyPhone, "16.01", "Claim" },
        { "owner", "16.01", null, MyPhone, "16.01", "LinkOwner" },
        { "owner", "16.01", null, MyPhone, "32.01", "RegionMove" },
        { "owner", "16.01", null, "+6281399999999", "16.01", "Claim" },
        { "owner", "16.01", null, null, "16.01", "Claim" },
        { "owner-unproven", "16.01", null, null, "16.01", "Claim" },
        { "owner-unproven", "16.01", null, MyPhone, "16.01", "Claim" },
        { "enumerator", "", null, null, "16.01", "Create" },
        { "enumerator", "", null, null, "32.01", "OutsideScope" },
        { "enumerator", "16.01", Someone, null, "16.01", "Update" },
        { "enumerator", "16.01", null, null, "16.01", "Update" },
        { "enumerator", "32.01", null, null, "16.01", "OtherRegion" },
        { "enumerator", "32.01", null, null, "32.01", "OtherRegion" },
        { "enumerator", "16.01", null, null, "16.02", "RegionMove" },
        { "province-admin", "16.02", null, null, "16.02", "Update" },
        { "province-admin", "16.02", null, null, "16.01", "RegionMove" },
        { "province-admin", "", null, null, "32.01", "OutsideScope" },
        { "province-admin", "32.01", null, null, "32.01", "OtherRegion" },
        { "national-admin", "32.01", Someone, null, "32.01", "Update" },
        { "import", "", null, null, "32.01", "Create" },
        { "import", "32.01", Someone, null, "32.01", "Update" },
        { "import", "32.01", Someone, null, "16.01", "RegionMove" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_what_a_write_may_do(string writer, string matchedRegency, long? matchedOwner, string? matchedPhone, string regency,
        string expected)
    {
        var who = writer switch
        {
            "owner" => Owner,
            "owner-unproven" => OwnerWithoutPhone,
            "enumerator" => OkuEnumerator,
            "province-admin" => SumselAdmin,
            "national-admin" => NationalAdmin,
            _ => Import,
        };
        var existing = matchedRegency.Length == 0 ? null : new UmkmRecord { KodeKabupaten = matchedRegency, OwnerPersonId = matchedOwner, Hp = matchedPhone };

        Assert.Equal(Enum.Parse<WriteVerdict>(expected), RecordAccess.Decide(who, existing, regency));
    }

    [Theory]
    [InlineData("Create", true)]
    [InlineData("Update", true)]
    [InlineData("LinkOwner", true)]
    [InlineData("Claim", false)]
    [InlineData("OtherRegion", false)]
    [InlineData("RegionMove", false)]
    [InlineData("OutsideScope", false)]
    public void Only_create_update_and_link_go_ahead(string verdict, bool allowed) =>
        Assert.Equal(allowed, RecordAccess.Allows(Enum.Parse<WriteVerdict>(verdict)));
}

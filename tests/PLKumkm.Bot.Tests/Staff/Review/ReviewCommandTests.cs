using PLKumkm.Bot.Core;
using PLKumkm.Bot.Staff.Review;

namespace PLKumkm.Bot.Tests.Staff.Review;

public sealed class ReviewCommandTests
{
    [Theory]
    [InlineData("", "Next", 0, null, "Umkm")]
    [InlineData("setuju 12", "Approve", 12, null, "Umkm")]
    [InlineData("tolak 12 bukan UMKM", "Reject", 12, "bukan UMKM", "Umkm")]
    [InlineData("duplikat 12", "Reject", 12, "duplikat", "Umkm")]
    [InlineData("setuju kop 7", "Approve", 7, null, "Koperasi")]
    [InlineData("  Tolak   KOP  7   bukan koperasi ", "Reject", 7, "bukan koperasi", "Koperasi")]
    [InlineData("tolak koperasi 7", "Reject", 7, null, "Koperasi")]
    [InlineData("setuju kop", "Invalid", 0, null, "Umkm")]
    [InlineData("setuju kop x7", "Invalid", 0, null, "Umkm")]
    [InlineData("setuju KOP-1601-000001", "Invalid", 0, null, "Umkm")]
    [InlineData("hapus 7", "Invalid", 0, null, "Umkm")]
    public void Parses_the_kind_the_id_and_the_reason(string arguments, string verb, long id, string? reason, string kind) =>
        Assert.Equal(new ReviewCommand(Enum.Parse<ReviewVerb>(verb), id, reason, Enum.Parse<RecordKind>(kind)), ReviewCommand.Parse(arguments));

    [Theory]
    [InlineData("setuju hapus 5", "Approve", 5, null)]
    [InlineData("Setuju  HAPUS 5", "Approve", 5, null)]
    [InlineData("approve erasure 5", "Approve", 5, null)]
    [InlineData("tolak hapus 5", "Reject", 5, null)]
    [InlineData("tolak hapus 5 bukan data peminta", "Reject", 5, "bukan data peminta")]
    [InlineData("duplikat hapus 5", "Reject", 5, null)]
    [InlineData("setuju hapus", "Invalid", 0, null)]
    [InlineData("tolak hapus lima", "Invalid", 0, null)]
    public void Parses_erasure_requests(string arguments, string verb, long id, string? reason)
    {
        var parsed = ReviewCommand.Parse(arguments);
        Assert.Equal((Enum.Parse<ReviewVerb>(verb), id, reason), (parsed.Verb, parsed.RecordId, parsed.Reason));
        Assert.Equal(verb != "Invalid", parsed.IsErasure);
        Assert.False(parsed.IsClaim);
    }

    [Fact]
    public void Erasure_button_values_parse_back()
    {
        Assert.Equal("/tinjau setuju hapus 5", ReviewCommand.EraseValue(5));
        Assert.Equal("/tinjau tolak hapus 5 bukan data peminta", ReviewCommand.DeclineErasureValue(5, "bukan data peminta"));
        Assert.True(ReviewCommand.Parse(ReviewCommand.DeclineErasureValue(5)["/tinjau ".Length..]).IsErasure);
    }

    [Fact]
    public void Button_values_keep_the_umkm_form_and_name_cooperatives()
    {
        Assert.Equal("/tinjau setuju 12", ReviewCommand.ApproveValue(12));
        Assert.Equal("/tinjau tolak 12 duplikat", ReviewCommand.RejectValue(12, "duplikat"));
        Assert.Equal("/tinjau setuju kop 7", ReviewCommand.ApproveValue(7, RecordKind.Koperasi));
        Assert.Equal("/tinjau tolak kop 7", ReviewCommand.RejectValue(7, kind: RecordKind.Koperasi));
    }
}

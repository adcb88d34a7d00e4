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

    [Fact]
    public void Button_values_keep_the_umkm_form_and_name_cooperatives()
    {
        Assert.Equal("/tinjau setuju 12", ReviewCommand.ApproveValue(12));
        Assert.Equal("/tinjau tolak 12 duplikat", ReviewCommand.RejectValue(12, "duplikat"));
        Assert.Equal("/tinjau setuju kop 7", ReviewCommand.ApproveValue(7, RecordKind.Koperasi));
        Assert.Equal("/tinjau tolak kop 7", ReviewCommand.RejectValue(7, kind: RecordKind.Koperasi));
    }
}

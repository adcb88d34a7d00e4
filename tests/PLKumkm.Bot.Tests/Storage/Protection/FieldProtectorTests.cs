using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Tests.Storage.Protection;

public sealed class FieldProtectorTests
{
    private const string Nik = "1601074508900001";
    private static readonly FieldProtector Key = new(FieldProtector.NewKey());
    private static readonly FieldProtector OtherKey = new(FieldProtector.NewKey());

    [Fact]
    public void A_value_comes_back_and_its_stored_form_shows_nothing_of_it()
    {
        var stored = Key.Protect(Nik);

        Assert.Equal(Nik, Key.Unprotect(stored));
        Assert.DoesNotContain("1601", stored);
        Assert.StartsWith($"e1.{Key.KeyId}.", stored);
    }

    [Fact]
    public void The_same_value_is_stored_differently_each_time_unless_deterministic()
    {
        Assert.NotEqual(Key.Protect(Nik), Key.Protect(Nik));
        Assert.Equal(Key.ProtectDeterministic("whatsapp:6281234567890"), Key.ProtectDeterministic("whatsapp:6281234567890"));
        Assert.NotEqual(Key.ProtectDeterministic("whatsapp:6281234567890"), Key.ProtectDeterministic("whatsapp:6281234567891"));
        Assert.Equal("whatsapp:6281234567890", Key.Unprotect(Key.ProtectDeterministic("whatsapp:6281234567890")));
    }

    [Fact]
    public void Another_key_cannot_read_a_value_and_says_so()
    {
        var stored = Key.Protect(Nik);

        var error = Assert.Throws<DataProtectionException>(() => OtherKey.Unprotect(stored));
        Assert.Contains(Key.KeyId, error.Message);
    }

    [Fact]
    public void An_altered_value_is_refused_not_decrypted_to_garbage()
    {
        var stored = Key.Protect(Nik);
        var body = Convert.FromBase64String(stored[(stored.LastIndexOf('.') + 1)..]);
        body[14] ^= 1;
        var altered = stored[..(stored.LastIndexOf('.') + 1)] + Convert.ToBase64String(body);

        Assert.Throws<DataProtectionException>(() => Key.Unprotect(altered));
    }

    [Fact]
    public void A_key_with_the_same_id_but_other_bytes_does_not_authenticate()
    {
        // Key ids are short: a collision must still fail, by the tag.
        var stored = Key.Protect(Nik);
        var forged = stored.Replace(Key.KeyId, OtherKey.KeyId, StringComparison.Ordinal);

        Assert.Throws<DataProtectionException>(() => OtherKey.Unprotect(forged));
    }

    [Fact]
    public void Hashes_are_equal_for_equal_values_and_depend_on_the_key()
    {
        Assert.Equal(Key.Hash(Nik), Key.Hash(Nik));
        Assert.NotEqual(Key.Hash(Nik), Key.Hash("1601074508900002"));
        Assert.NotEqual(Key.Hash(Nik), OtherKey.Hash(Nik));
        Assert.DoesNotContain("1601", Key.Hash(Nik));
    }

    [Fact]
    public void A_value_stored_before_encryption_reads_as_it_is()
    {
        Assert.Equal("{\"nik\":\"1601074508900001\"}", Key.Unprotect("{\"nik\":\"1601074508900001\"}"));
        Assert.Equal("", Key.Protect(""));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(33)]
    public void A_key_of_the_wrong_size_is_refused(int size) =>
        Assert.Throws<DataProtectionException>(() => new FieldProtector(new byte[size]));

    [Theory]
    [InlineData("not base64!", "not base64")]
    [InlineData("AAAA", "holds 3 bytes")]
    public void A_configured_key_that_is_no_key_is_named_with_its_problem(string key, string problem) =>
        Assert.Contains(problem, new DataProtectionOptions { Key = key }.Problem());
}

using System.Text;
using PLKumkm.Bot.Importing;

namespace PLKumkm.Bot.Tests.Importing;

/// <summary>
/// The shared CSV reader on the files issue 12 found misread: Latin-1 decoded to "Jos� Ni�o", an unclosed quote that
/// swallowed the rows after it, invisible bidi overrides kept in names.
/// </summary>
public sealed class CsvSourceTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("plkumkm-csv-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_latin1_file_read_as_utf8_is_refused_naming_its_first_bad_line()
    {
        var path = Write(Encoding.Latin1.GetBytes("nama,kota\nSiti,Baturaja\nJosé Niño,Palembang\nÅsa,Muara Enim\n"));

        var error = Assert.Throws<ImportException>(() => CsvSource.Open(path));

        Assert.StartsWith("line 3: not valid UTF-8 text (byte 0xE9)", error.Message, StringComparison.Ordinal);
        Assert.Contains("--encoding", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latin1")]
    [InlineData("windows-1252")]
    [InlineData("ISO-8859-1")]
    public void A_declared_encoding_reads_the_names_right(string name)
    {
        var path = Write(Encoding.Latin1.GetBytes("nama,kota\nJosé Niño,Palembang\n"));

        using var csv = CsvSource.Open(path, CsvEncoding.Parse(name));

        Assert.True(csv.Read(out var record, out var line));
        Assert.Equal(["José Niño", "Palembang"], record);
        Assert.Equal(2, line);
    }

    [Fact]
    public void Windows_1252_reads_its_curly_quotes_and_euro_where_latin1_has_control_codes()
    {
        var path = Write([.. "nama\n"u8, 0x93, (byte)'A', 0x94, (byte)' ', 0x80, (byte)'\n']);
        using var csv = CsvSource.Open(path, CsvEncoding.Windows1252);

        Assert.True(csv.Read(out var record, out _));
        Assert.Equal("\u201CA\u201D \u20AC", record[0]);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3 }, "0xC3")] // a sequence cut short at the end of the file
    [InlineData(new byte[] { 0xC0, 0xAF }, "0xC0")] // an overlong '/'
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "0xED")] // a UTF-16 surrogate written as UTF-8
    [InlineData(new byte[] { 0xFF }, "0xFF")]
    public void Broken_utf8_is_refused_with_its_line(byte[] broken, string shown)
    {
        var path = Write([.. "nama\nSiti\nBudi\nDewi "u8, .. broken]);

        var error = Assert.Throws<ImportException>(() => CsvSource.Open(path));

        Assert.StartsWith($"line 4: not valid UTF-8 text (byte {shown}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_byte_past_the_first_64_kilobytes_is_found_on_its_line()
    {
        var text = new StringBuilder("nama,kota\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append("Siti Aminah,Baturaja\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(Encoding.Latin1.GetBytes("Niño,Palembang\n")).ToArray();
        Assert.True(bytes.Length > 1 << 16);

        Assert.StartsWith("line 5002: not valid UTF-8", Assert.Throws<ImportException>(() => CsvSource.Open(Write(bytes))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_and_utf8_with_one_is_read_strictly()
    {
        using (var csv = CsvSource.Open(Write([0xEF, 0xBB, 0xBF, .. "nama\nJosé\n"u8])))
        {
            Assert.Equal(["nama"], csv.Header);
            Assert.True(csv.Read(out var record, out _));
            Assert.Equal("José", record[0]);
        }

        Assert.StartsWith("line 2:", Assert.Throws<ImportException>(() => CsvSource.Open(Write([0xEF, 0xBB, 0xBF, .. "nama\nJos"u8, 0xE9, (byte)'\n']))).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf16_file_or_a_utf8_file_declared_latin1_is_refused_with_what_it_is()
    {
        var utf16 = Write([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("nama\nSiti\n")]);
        Assert.Contains("UTF-16", Assert.Throws<ImportException>(() => CsvSource.Open(utf16)).Message, StringComparison.Ordinal);

        var utf8 = Write([0xEF, 0xBB, 0xBF, .. "nama\nJosé\n"u8]);
        Assert.Contains("leave out --encoding", Assert.Throws<ImportException>(() => CsvSource.Open(utf8, CsvEncoding.Latin1)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("UTF8")]
    [InlineData("")]
    [InlineData(null)]
    public void Utf8_is_the_default_by_any_spelling(string? name) => Assert.Same(CsvEncoding.Utf8, CsvEncoding.Parse(name));

    [Fact]
    public void An_unknown_encoding_name_is_refused_with_the_choices() =>
        Assert.Equal("unknown encoding 'ebcdic' (one of utf-8, latin1 or windows-1252)", Assert.Throws<ImportException>(() => CsvEncoding.Parse("ebcdic")).Message);

    [Fact]
    public void An_unclosed_quote_that_runs_to_the_end_of_the_file_names_the_rows_it_swallowed()
    {
        var path = WriteText("region_code,target,enumerators\n16.01,42000,84\n16.02,\"50000,100\n16.03,1000,2\n16.04,2000,3\n16.05,3000,4\n");
        using var csv = CsvSource.Open(path);
        Assert.True(csv.Read(out _, out _));

        var error = Assert.Throws<ImportException>(() => csv.Read(out _, out _));

        Assert.Equal("line 3: a quote (\") opened here is not closed, so lines 4–6 went into one of its fields; close or remove the quote and import again", error.Message);
    }

    [Fact]
    public void An_unclosed_quote_closed_by_a_later_one_is_found_by_the_rows_inside_its_field()
    {
        var path = WriteText("nik,nama_pemilik,nama_usaha,kode_desa\n1,\"Siti,Warung,16.01\n2,Budi,Toko,16.01\n3,Dewi,\"Kedai\",16.01\n4,Eka,Salon,16.01\n");
        using var csv = CsvSource.Open(path);

        var error = Assert.Throws<ImportException>(() => csv.Read(out _, out _));

        Assert.StartsWith("line 2: a quote (\") opened here is not closed, so lines 3–4 went into", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_on_the_second_to_last_line_names_the_one_line_it_swallowed()
    {
        var path = WriteText("nama,alamat\nSiti,\"Jl. Merdeka\nBudi,Jl. Sudirman\n");
        using var csv = CsvSource.Open(path);

        Assert.Contains("so line 3 went into", Assert.Throws<ImportException>(() => csv.Read(out _, out _)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_address_over_a_few_lines_and_escaped_quotes_are_still_read()
    {
        var path = WriteText("nama,alamat,catatan\r\nSiti,\"Jl. Merdeka No. 5\r\nRT 02 RW 03\r\nSukaraya\",\"kata \"\"pak\"\" RT\"\r\nBudi,Jl. Sudirman,\r\n");
        using var csv = CsvSource.Open(path);

        Assert.True(csv.Read(out var siti, out var sitiLine));
        Assert.True(csv.Read(out var budi, out var budiLine));
        Assert.False(csv.Read(out _, out _));
        Assert.Equal(("Jl. Merdeka No. 5\r\nRT 02 RW 03\r\nSukaraya", "kata \"pak\" RT", 2), (siti[1], siti[2], sitiLine));
        Assert.Equal(("Budi", 5), (budi[0], budiLine));
    }

    [Fact]
    public void A_field_over_more_lines_than_any_address_is_taken_for_an_unclosed_quote()
    {
        var path = WriteText("nama,alamat\nSiti,\"" + string.Concat(Enumerable.Repeat("baris\n", 12)) + "\"\n");
        using var csv = CsvSource.Open(path);

        Assert.StartsWith("line 2: a quote", Assert.Throws<ImportException>(() => csv.Read(out _, out _)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invisible_formatting_characters_are_removed_from_the_header_and_every_field()
    {
        var path = WriteText("\u200Bnik,nama_pemilik\u202c\n1601\u200D074508900011,\u202eAmina\u202c\n");
        using var csv = CsvSource.Open(path);

        Assert.True(csv.Read(out var record, out _));

        Assert.Equal(["nik", "nama_pemilik"], csv.Header);
        Assert.Equal(["1601074508900011", "Amina"], record);
    }

    private string WriteText(string text) => Write(Encoding.UTF8.GetBytes(text));

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, $"{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

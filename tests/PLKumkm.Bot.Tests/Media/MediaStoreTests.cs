using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Media;

public sealed class MediaStoreTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("plkumkm-media-");

    private string Folder => Path.Combine(_root.FullName, "media");

    public void Dispose() => _root.Delete(recursive: true);

    private MediaStore Store(long maxBytes = 1024 * 1024) => new(Folder, maxBytes);

    private static Func<Stream, CancellationToken, Task> Bytes(byte[] content, int chunk = 7) => async (target, ct) =>
    {
        // In small pieces, as a download arrives.
        for (var i = 0; i < content.Length; i += chunk)
        {
            await target.WriteAsync(content.AsMemory(i, Math.Min(chunk, content.Length - i)), ct);
        }
    };

    [Fact]
    public async Task A_photo_is_stored_under_the_SHA256_of_its_bytes_with_the_extension_of_its_type()
    {
        var jpeg = FakeMedia.Jpeg("warung");
        var stored = await Store().SaveAsync(Bytes(jpeg), default);

        var hex = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        Assert.Equal($"sha256:{hex}.jpg", stored.Reference.ToString());
        Assert.Equal("image/jpeg", stored.Reference.MimeType);
        Assert.Equal(jpeg.Length, stored.Length);
        Assert.True(stored.WasNew);
        var path = Path.Combine(Folder, hex[..2], hex + ".jpg");
        Assert.Equal(path, Store().PathOf(stored.Reference));
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(path));
    }

    [Theory]
    [InlineData("png", "image/png")]
    [InlineData("webp", "image/webp")]
    public async Task PNG_and_WebP_are_told_by_their_first_bytes(string extension, string mimeType)
    {
        byte[] content = extension == "png"
            ? FakeMedia.Png("x")
            : [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8, 1, 2, 3];
        var stored = await Store().SaveAsync(Bytes(content), default);
        Assert.Equal(extension, stored.Reference.Extension);
        Assert.Equal(mimeType, stored.Reference.MimeType);
    }

    [Fact]
    public async Task The_same_photo_twice_is_one_file()
    {
        var jpeg = FakeMedia.Jpeg("same");
        var first = await Store().SaveAsync(Bytes(jpeg), default);
        var second = await Store().SaveAsync(Bytes(jpeg, chunk: 3), default);

        Assert.Equal(first.Reference, second.Reference);
        Assert.False(second.WasNew);
        Assert.Single(Files());
    }

    [Fact]
    public async Task A_file_beyond_the_limit_is_refused_while_it_arrives_and_nothing_is_left()
    {
        var written = 0;
        var big = new byte[4096];
        FakeMedia.Jpeg("big").CopyTo(big, 0);
        var refused = await Assert.ThrowsAsync<MediaRefusedException>(() => Store(maxBytes: 2048).SaveAsync(async (target, ct) =>
        {
            for (var i = 0; i < big.Length; i += 512)
            {
                await target.WriteAsync(big.AsMemory(i, 512), ct);
                written += 512;
            }
        }, default));

        Assert.Equal(new MediaProblem(MediaProblemKind.TooLarge, 2048), refused.Problem);
        // Stopped at the first write past the limit, not after the whole file.
        Assert.Equal(2048, written);
        Assert.Empty(Files());
    }

    [Fact]
    public async Task Exactly_the_limit_is_accepted()
    {
        var content = new byte[2048];
        FakeMedia.Jpeg("edge").CopyTo(content, 0);
        var stored = await Store(maxBytes: 2048).SaveAsync(Bytes(content, chunk: 100), default);
        Assert.Equal(2048, stored.Length);
    }

    [Theory]
    [InlineData("GIF89a........")]
    [InlineData("%PDF-1.7 ......")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    public async Task What_is_no_JPEG_PNG_or_WebP_is_refused_and_nothing_is_left(string content)
    {
        var refused = await Assert.ThrowsAsync<MediaRefusedException>(() =>
            Store().SaveAsync(Bytes(System.Text.Encoding.ASCII.GetBytes(content)), default));
        Assert.Equal(MediaProblemKind.NotAPhoto, refused.Problem.Kind);
        Assert.Empty(Files());
    }

    [Fact]
    public async Task A_download_that_fails_half_way_leaves_no_file_under_any_name()
    {
        await Assert.ThrowsAsync<IOException>(() => Store().SaveAsync(async (target, ct) =>
        {
            await target.WriteAsync(FakeMedia.Jpeg("half"), ct);
            throw new IOException("connection reset");
        }, default));

        Assert.Empty(Files());
    }

    [Fact]
    public async Task Until_the_bytes_are_complete_the_file_is_only_in_the_temporary_folder()
    {
        var jpeg = FakeMedia.Jpeg("atomic");
        var target = Path.Combine(Folder, FakeMedia.Sha256Hex(jpeg)[..2], FakeMedia.Sha256Hex(jpeg) + ".jpg");
        string[] during = [];
        await Store().SaveAsync(async (stream, ct) =>
        {
            await stream.WriteAsync(jpeg, ct);
            during = Files();
        }, default);

        // While writing: one temporary file, nothing under the final name; afterwards only the final file.
        Assert.Single(during);
        Assert.StartsWith(Path.Combine(Folder, "tmp"), during[0], StringComparison.Ordinal);
        Assert.Equal([target], Files());
    }

    [SkippableFact]
    public async Task Files_are_0600_in_folders_created_0700_on_Unix()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var stored = await Store().SaveAsync(Bytes(FakeMedia.Jpeg("modes")), default);
        var path = Store().PathOf(stored.Reference);

        Assert.Equal(OwnerOnlyFiles.File, ModeOf(path));
        Assert.Equal(OwnerOnlyFiles.Folder, ModeOf(Folder));
        Assert.Equal(OwnerOnlyFiles.Folder, ModeOf(Path.GetDirectoryName(path)!));
        Assert.Equal(OwnerOnlyFiles.Folder, ModeOf(Path.Combine(Folder, "tmp")));
    }

    [Fact]
    public async Task Delete_removes_the_file_and_List_names_every_stored_file()
    {
        var store = Store();
        var a = await store.SaveAsync(Bytes(FakeMedia.Jpeg("a")), default);
        var b = await store.SaveAsync(Bytes(FakeMedia.Png("b")), default);
        Assert.Equal(new[] { a.Reference, b.Reference }.Order(Comparer), store.List().Select(f => f.Reference).Order(Comparer));

        Assert.True(store.Delete(a.Reference));
        Assert.False(store.Delete(a.Reference));
        Assert.False(store.Exists(a.Reference));
        Assert.Equal([b.Reference], store.List().Select(f => f.Reference));
    }

    [Fact]
    public void The_folder_defaults_to_media_beside_the_database()
    {
        var db = Path.Combine(_root.FullName, "data", "bot.db");
        Assert.Equal(Path.Combine(_root.FullName, "data", "media"),
            MediaStore.ResolveFolder(new MediaOptions(), $"Data Source={db}"));
        Assert.Equal(Path.GetFullPath("elsewhere"), MediaStore.ResolveFolder(new MediaOptions { Directory = "elsewhere" }, $"Data Source={db}"));
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "media")), MediaStore.ResolveFolder(new MediaOptions(), "Data Source=:memory:"));
    }

    [Theory]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.jpg", true)]
    [InlineData("sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef.jpg", false)]
    [InlineData("sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.gif", false)]
    [InlineData("sha256:0123456789abcdef.jpg", false)]
    [InlineData("sha256:../../../../etc/passwd.jpg", false)]
    [InlineData("whatsapp:MEDIA-1", false)]
    [InlineData(null, false)]
    public void Only_a_whole_hash_with_a_known_extension_is_a_reference(string? value, bool valid) =>
        Assert.Equal(valid, MediaReference.TryParse(value, out _));

    [Fact]
    public void The_limit_and_the_sweep_age_are_checked_at_start()
    {
        var validator = new MediaOptionsValidator();
        Assert.True(validator.Validate(null, new MediaOptions()).Succeeded);
        Assert.Contains("Media:MaxBytes", validator.Validate(null, new MediaOptions { MaxBytes = 0 }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Media:MaxBytes", validator.Validate(null, new MediaOptions { MaxBytes = 200L * 1024 * 1024 }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Media:UnreferencedHours", validator.Validate(null, new MediaOptions { UnreferencedHours = 0 }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Media:Directory", validator.Validate(null, new MediaOptions { Directory = " " }).FailureMessage, StringComparison.Ordinal);
    }

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    private static readonly Comparer<MediaReference> Comparer = Comparer<MediaReference>.Create((x, y) => string.CompareOrdinal(x.ToString(), y.ToString()));

    private string[] Files() => Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*", SearchOption.AllDirectories) : [];
}

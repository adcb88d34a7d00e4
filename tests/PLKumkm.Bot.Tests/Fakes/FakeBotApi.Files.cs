using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// Received files as the Bot API serves them: <c>getFile</c> answers a <c>File</c> with its <c>file_path</c>, and
/// <c>GET /file/bot{token}/{file_path}</c> the bytes. A file id the test did not add is served a small JPEG of its own;
/// <see cref="ForgetFile"/> makes an id unknown (400 "invalid file_id").
/// </summary>
public sealed partial class FakeBotApi
{
    private const string FilePrefix = "/file/bot";
    private readonly Dictionary<string, FakeFile> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _forgottenFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileIdsByPath = new(StringComparer.Ordinal);
    private readonly List<string> _fileDownloads = [];

    public void AddFile(string fileId, byte[] content, string mimeType = "image/jpeg")
    {
        lock (_gate)
        {
            _files[fileId] = new FakeFile(content, mimeType);
            _forgottenFiles.Remove(fileId);
        }
    }

    public void ForgetFile(string fileId)
    {
        lock (_gate)
        {
            _forgottenFiles.Add(fileId);
        }
    }

    /// <summary>The bytes <paramref name="fileId"/> serves (added or generated).</summary>
    public byte[] FileBytes(string fileId)
    {
        lock (_gate)
        {
            return FileOf(fileId).Content;
        }
    }

    /// <summary>File ids whose bytes the bot downloaded, in order.</summary>
    public IReadOnlyList<string> FileDownloads
    {
        get { lock (_gate) { return [.. _fileDownloads]; } }
    }

    // Callers hold _gate.
    private FakeFile FileOf(string fileId) =>
        _files.TryGetValue(fileId, out var file) ? file : new FakeFile(FakeMedia.Jpeg(fileId), "image/jpeg");

    private (int, string) GetFile(JsonElement parameters)
    {
        var fileId = FakeJson.GetString(parameters, "file_id");
        lock (_gate)
        {
            if (string.IsNullOrEmpty(fileId) || _forgottenFiles.Contains(fileId))
            {
                return Error(400, "Bad Request: invalid file_id");
            }

            var file = FileOf(fileId);
            var path = $"photos/file_{_fileIdsByPath.Count.ToString(CultureInfo.InvariantCulture)}.jpg";
            _fileIdsByPath[path] = fileId;
            return Ok(new JsonObject
            {
                ["file_id"] = fileId,
                ["file_unique_id"] = "u" + fileId,
                ["file_size"] = file.Content.Length,
                ["file_path"] = path,
            });
        }
    }

    /// <summary>True when the request was a file download (answered here).</summary>
    private async Task<bool> TryDownloadAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(FilePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var slash = path.IndexOf('/', FilePrefix.Length);
        var token = slash < 0 ? "" : path[FilePrefix.Length..slash];
        var filePath = slash < 0 ? "" : path[(slash + 1)..];
        FakeFile? file = null;
        lock (_gate)
        {
            if (token == Token && _fileIdsByPath.TryGetValue(filePath, out var fileId) && !_forgottenFiles.Contains(fileId))
            {
                file = FileOf(fileId);
                _fileDownloads.Add(fileId);
            }
        }

        if (file is null)
        {
            await WriteErrorAsync(context, 404, "Not Found").ConfigureAwait(false);
            return true;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content).ConfigureAwait(false);
        return true;
    }
}

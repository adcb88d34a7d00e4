using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using PLKumkm.Bot.Tests.Fakes;

namespace PLKumkm.Bot.Tests.Channels.Telegram;

/// <summary>The fake's own contract, since other suites and the benchmark rely on it.</summary>
public sealed class FakeBotApiTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeBotApi _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task WrongTokenIsUnauthorized()
    {
        var (status, body) = await PostAsync("/bot999:WRONG/getMe", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", body);
    }

    [Fact]
    public async Task UnknownMethodIsNotFound()
    {
        var (status, body) = await PostAsync($"/bot{_fake.Token}/sendTelepathy", "{}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found: method not found"}""", body);
    }

    [Fact]
    public async Task MethodNamesAreCaseInsensitive()
    {
        var (status, body) = await PostAsync($"/bot{_fake.Token}/GETME", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(123456, JsonDocument.Parse(body).RootElement.GetProperty("result").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task LongPollWakesUpAsSoonAsAnUpdateArrives()
    {
        var watch = Stopwatch.StartNew();
        var poll = PostAsync($"/bot{_fake.Token}/getUpdates", """{"timeout":10}""");
        await _fake.WaitForRequestsAsync("getUpdates", 1, TimeSpan.FromSeconds(5));
        var id = _fake.EnqueueText(1, "halo");

        var (status, body) = await poll;

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var update = Assert.Single(JsonDocument.Parse(body).RootElement.GetProperty("result").EnumerateArray());
        Assert.Equal(id, update.GetProperty("update_id").GetInt32());
    }

    [Fact]
    public async Task UpdatesBelowTheOffsetAreConfirmedAndForgotten()
    {
        var first = _fake.EnqueueText(1, "satu");
        var second = _fake.EnqueueText(1, "dua");

        var (_, body) = await PostAsync($"/bot{_fake.Token}/getUpdates", $$"""{"offset":{{second}},"timeout":0}""");

        Assert.Equal(second, _fake.ConfirmedOffset);
        Assert.Equal([second], JsonDocument.Parse(body).RootElement.GetProperty("result").EnumerateArray()
            .Select(u => u.GetProperty("update_id").GetInt32()));
        Assert.True(first < second);
        Assert.Equal(1, _fake.PendingUpdateCount);
    }

    [Fact]
    public async Task InjectedTooManyRequestsCarriesRetryAfter()
    {
        _fake.FailNext("sendMessage", 429, retryAfter: 7);

        var (status, body) = await PostAsync($"/bot{_fake.Token}/sendMessage", """{"chat_id":1,"text":"a"}""");

        Assert.Equal((HttpStatusCode)429, status);
        Assert.Equal(7, JsonDocument.Parse(body).RootElement.GetProperty("parameters").GetProperty("retry_after").GetInt32());
        Assert.Empty(_fake.AllSent);
    }

    [Fact]
    public async Task UnescapedHtmlIsRejectedLikeTelegramDoes()
    {
        var (status, body) = await PostAsync($"/bot{_fake.Token}/sendMessage", """{"chat_id":1,"text":"<b>&","parse_mode":"Html"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("can't parse entities", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormEncodedSendsAreAccepted()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "5",
            ["text"] = "halo",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"Ya","callback_data":"y"}]]}""",
        });

        using var response = await _http.PostAsync($"{_fake.BaseUrl}/bot{_fake.Token}/sendMessage", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(_fake.SentTo(5));
        Assert.Equal("halo", sent.PlainText);
        Assert.Equal(new SentInlineButton("Ya", "y", null), Assert.Single(sent.InlineButtons));
    }

    private async Task<(HttpStatusCode, string)> PostAsync(string path, string? json)
    {
        using var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(_fake.BaseUrl + path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

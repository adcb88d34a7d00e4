using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PLKumkm.Bot.LoadTest.Checks;
using PLKumkm.Bot.LoadTest.Targets;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// Issue 12's attack on the webhook before authentication: many concurrent forged 4 MB posts to
/// <c>/webhooks/whatsapp</c> (a well-formed, wrong signature), announcing their size or chunked without a length, plus
/// forged bodies just under the 3 MB limit that must be read before the signature can be checked. The bot runs in its
/// own process; its resident memory is sampled throughout. Goal: peak within +100 MB of the idle bot, every post
/// answered 401, 413 or 503, none accepted.
/// </summary>
internal static class FloodMode
{
    public const long GoalBytes = 100L * 1024 * 1024;
    private const int ForgedBytes = 4 * 1024 * 1024;
    private const int UnderLimitBytes = 3 * 1024 * 1024 - 4096;
    private const string AppSecret = "flood-app-secret";

    public static async Task RunAsync(LoadOptions o, CheckResults checks, CancellationToken ct)
    {
        var posts = o.Smoke ? 12 : o.FloodPosts;
        Console.WriteLine();
        Console.WriteLine($"== flood: {posts} concurrent forged posts to /webhooks/whatsapp ({ForgedBytes / 1024 / 1024} MB with and without Content-Length, and just under the 3 MB limit), per round; bot in its own process");
        var dll = BotLocator.Find(o.BotDll);
        using var workspace = new Workspace { Keep = o.Keep };
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        string[] args =
        [
            $"--ConnectionStrings:Bot=Data Source={workspace.DatabasePath}",
            $"--Urls={baseUrl}",
            "--WhatsApp:PhoneNumberId=100000000000001",
            "--WhatsApp:AccessToken=flood-access-token",
            $"--WhatsApp:AppSecret={AppSecret}",
            "--WhatsApp:VerifyToken=flood-verify",
            // Nothing is ever sent: the Graph API is never reached.
            "--WhatsApp:GraphBaseUrl=http://127.0.0.1:9",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            .. o.ExtraBotArgs,
        ];
        using var bot = BotProcess.Start(dll, args, workspace.Folder);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = posts * 2 }) { Timeout = TimeSpan.FromMinutes(2) };
        await WaitHealthyAsync(http, baseUrl, bot, ct).ConfigureAwait(false);

        // The idle figure after a first request has warmed the endpoint and Kestrel.
        await PostAsync(http, baseUrl, new byte[1024], announceLength: true, ct).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
        var idle = bot.SampleMemory();

        var codes = new ConcurrentDictionary<string, int>();
        var rounds = o.Smoke ? 1 : 3;
        var run = Stopwatch.StartNew();
        using (var sampling = new CancellationTokenSource())
        {
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    bot.SampleMemory();
                    await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
                }
            }, CancellationToken.None);

            var forged = new byte[ForgedBytes];
            Random.Shared.NextBytes(forged);
            var underLimit = forged.AsMemory(0, UnderLimitBytes).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                var sends = Enumerable.Range(0, posts).Select(i => (i % 4) switch
                {
                    0 => PostAsync(http, baseUrl, forged, announceLength: true, ct),
                    1 => PostAsync(http, baseUrl, forged, announceLength: false, ct),
                    2 => PostAsync(http, baseUrl, underLimit, announceLength: false, ct),
                    _ => PostAsync(http, baseUrl, forged, announceLength: false, ct, MalformedSignature),
                });
                foreach (var code in await Task.WhenAll(sends).ConfigureAwait(false))
                {
                    codes.AddOrUpdate(code, 1, (_, n) => n + 1);
                }
            }

            await sampling.CancelAsync().ConfigureAwait(false);
            await sampler.ConfigureAwait(false);
        }

        var peak = bot.PeakRss;
        await bot.StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        var growth = peak - idle;
        Console.WriteLine($"  {rounds} rounds of {posts} posts in {run.Elapsed.TotalSeconds:0.0} s; answers: {string.Join(", ", codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} × {c.Value}"))}");
        Console.WriteLine($"  bot process memory: {Figures.Mb(idle)} idle, peak {Figures.Mb(peak)} (resident set, VmHWM): +{Figures.Mb(growth)} (goal: at most +{Figures.Mb(GoalBytes)})");
        if (!o.Smoke)
        {
            // A smoke run has too few posts to say anything about memory.
            checks.Add("flood: memory within +100 MB of idle", growth <= GoalBytes, $"+{Figures.Mb(growth)}");
        }

        var refused = codes.Where(c => c.Key is "401" or "413" or "503").Sum(c => c.Value);
        checks.Add("flood: every forged post refused (401, 413 or 503)", refused == rounds * posts,
            string.Join(", ", codes.Select(c => $"{c.Key} × {c.Value}")));
    }

    /// <summary>Not even the shape of a signature: refused before any byte of the body is read.</summary>
    private const string MalformedSignature = "sha256=zz";

    private static async Task<string> PostAsync(HttpClient http, string baseUrl, byte[] body, bool announceLength, CancellationToken ct,
        string? signature = null)
    {
        HttpContent content = announceLength ? new ByteArrayContent(body) : new UnannouncedContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/webhooks/whatsapp") { Content = content };
        // A well-formed but wrong signature: the body must be read (up to its limit) before it can be checked.
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature ?? "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException e)
        {
            // The server may answer 413 and close before the whole body is written.
            return e.InnerException is IOException or SocketException ? "closed early" : e.GetType().Name;
        }
    }

    private static async Task WaitHealthyAsync(HttpClient http, string baseUrl, BotProcess bot, CancellationToken ct)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (bot.HasExited)
            {
                throw new InvalidOperationException("the bot stopped during start-up:\n" + bot.Tail);
            }

            try
            {
                using var response = await http.GetAsync(baseUrl + "/healthz", ct).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, ct).ConfigureAwait(false);
        }

        throw new TimeoutException("the bot did not answer /healthz within 60 s:\n" + bot.Tail);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A body sent chunked, without Content-Length, as a sender hiding its size would.</summary>
    private sealed class UnannouncedContent(byte[] body) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < body.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset))).ConfigureAwait(false);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}

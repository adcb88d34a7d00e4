using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PLKumkm.Bot.Tests.Fakes;

/// <summary>
/// An in-process WhatsApp Cloud API (Graph) server on 127.0.0.1, per the checklist in docs/channels.md B8:
/// bearer check, body validation with the documented limits (code 100 on violations), media uploads,
/// recorded sends, fault injection (throttling codes, 5xx, 131047) and an optional 24-hour window.
/// Point <c>WhatsApp:GraphBaseUrl</c> at <see cref="BaseUrl"/>. All members are thread-safe.
/// </summary>
public sealed partial class FakeGraphApi : IAsyncDisposable
{
    public const string DefaultAccessToken = "EAAG-TEST-ACCESS-TOKEN";
    public const string DefaultPhoneNumberId = "106540352242922";

    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<GraphRequest> _requests = [];
    private readonly List<SentWhatsApp> _sent = [];
    private readonly Dictionary<string, UploadedMedia> _media = new(StringComparer.Ordinal);
    private readonly Queue<GraphFault> _faults = new();
    private readonly Dictionary<string, DateTimeOffset> _lastInbound = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private WebApplication? _app;
    private int _nextId = 1;

    public string AccessToken { get; } = DefaultAccessToken;

    public string PhoneNumberId { get; } = DefaultPhoneNumberId;

    /// <summary><c>http://127.0.0.1:PORT/v21.0</c>: what <c>WhatsApp:GraphBaseUrl</c> should be.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>When true, non-template sends to someone whose last inbound message (see <see cref="SawInbound"/>)
    /// is older than 24 hours by <see cref="Time"/>, or who never wrote, fail with 131047.</summary>
    public bool EnforceWindow { get; set; }

    public TimeProvider Time { get; set; } = TimeProvider.System;

    public static async Task<FakeGraphApi> StartAsync(CancellationToken cancellationToken = default)
    {
        var fake = new FakeGraphApi();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeGraphApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.BaseUrl = address.TrimEnd('/') + "/v21.0";
        fake._app = app;
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    // ---- Test controls -------------------------------------------------------------------------

    /// <summary>The next <paramref name="times"/> message sends fail with Cloud API error <paramref name="errorCode"/>
    /// (HTTP <paramref name="httpStatus"/>, default 400 as in current docs).</summary>
    public void FailNext(int errorCode, int httpStatus = 400, int times = 1) => AddFault(new GraphFault(httpStatus, errorCode, null), times);

    /// <summary>The next sends answer with a raw body, e.g. a proxy's HTML 502 page.</summary>
    public void FailNextRaw(int httpStatus, string body, int times = 1) => AddFault(new GraphFault(httpStatus, null, body), times);

    /// <summary>Tells the fake the person wrote at <paramref name="at"/> (default now): it opens their 24-hour window.</summary>
    public void SawInbound(string waId, DateTimeOffset? at = null)
    {
        lock (_gate)
        {
            _lastInbound[waId] = at ?? Time.GetUtcNow();
        }
    }

    private void AddFault(GraphFault fault, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Enqueue(fault);
            }
        }
    }

    // ---- Observations --------------------------------------------------------------------------

    public IReadOnlyList<SentWhatsApp> AllSent
    {
        get { lock (_gate) { return [.. _sent]; } }
    }

    public IReadOnlyList<SentWhatsApp> SentTo(string waId)
    {
        lock (_gate)
        {
            return [.. _sent.Where(s => s.To == waId)];
        }
    }

    public IReadOnlyList<GraphRequest> Requests
    {
        get { lock (_gate) { return [.. _requests]; } }
    }

    public IReadOnlyList<UploadedMedia> Uploads
    {
        get { lock (_gate) { return [.. _media.Values]; } }
    }

    /// <summary>Waits for a condition over the fake's state, re-evaluated after every request.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string>? describe = null)
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition())
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(expiry.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (expiry.IsCancellationRequested)
            {
                throw new TimeoutException($"FakeGraphApi: no {describe?.Invoke() ?? "matching state"} within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }

    public Task WaitForSentAsync(string waId, int count, TimeSpan timeout) =>
        WaitUntilAsync(() => _sent.Count(s => s.To == waId) >= count, timeout,
            () => $"{count} message(s) to {waId}; got {SentTo(waId).Count}");

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Callers hold _gate.
    private void Pulse()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private sealed record GraphFault(int HttpStatus, int? ErrorCode, string? RawBody);
}

using System.Net.Sockets;

namespace PLKumkm.Bot.Channels.WhatsApp;

/// <summary>
/// Retries Cloud API calls that failed for a passing reason: throttling codes (4, 80007, 130429, 131056,
/// 131057), 5xx and network failures, with exponential backoff and jitter (the API gives no retry-after).
/// Everything else fails at once. Attempts are bounded so one chat never stalls for long; a reply that
/// still fails stays in the outbox and is retried from there.
/// </summary>
internal sealed class WhatsAppRetryPolicy
{
    public int MaxAttempts { get; init; } = 5;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(16);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, string operation, ILogger logger, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && RetryDelay(e, attempt, ct) is { } delay)
            {
                logger.LogWarning(
                    "WhatsApp {Operation} failed ({Failure}); attempt {Attempt} of {MaxAttempts}, retrying in {DelayMs} ms",
                    operation, Describe(e), attempt, MaxAttempts, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, Time, ct);
            }
        }
    }

    /// <summary>How long to wait before the next attempt, or null when retrying cannot help.</summary>
    internal TimeSpan? RetryDelay(Exception e, int attempt, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return null;
        }

        return e switch
        {
            WhatsAppOutsideWindowException => null,
            WhatsAppApiException api when WhatsAppErrorCodes.IsThrottling(api.ErrorCode) || api.HttpStatus >= 500 => Backoff(attempt),
            WhatsAppApiException => null,
            // Connection refused/reset, timeouts (a timed-out HttpClient call surfaces as a cancellation).
            HttpRequestException or IOException or SocketException or TimeoutException or OperationCanceledException => Backoff(attempt),
            _ => null,
        };
    }

    /// <summary>"Full jitter" between half and all of the exponential step, so throttled chats do not retry in lockstep.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var step = BaseDelay * Math.Pow(2, attempt - 1);
        var capped = step < MaxDelay ? step : MaxDelay;
        return capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
    }

    /// <summary>Exception type and API error code only: error texts may quote user input.</summary>
    internal static string Describe(Exception e) => e switch
    {
        WhatsAppOutsideWindowException { TemplateConfigured: false } api =>
            $"error 131047, the 24-hour window is closed and no template fits, HTTP {api.HttpStatus}",
        WhatsAppApiException api => $"error {api.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, HTTP {api.HttpStatus}",
        _ => e.GetType().Name,
    };
}
